package cn.p2psupervision.registry.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.p2psupervision.registry.TestCodes;
import cn.p2psupervision.registry.institution.TestCaller;

/** REG-03: monthly operating reports are append-only, validated, and keep the latest figures on the file. */
@SpringBootTest(properties = {"platform.mongo.embedded.storage=memory", "platform.clock.start=2017-06-01T09:00:00+08:00"})
@AutoConfigureMockMvc
class ReportApiTest {

    @Autowired
    MockMvc mvc;
    private String code;

    @BeforeEach
    void registerAZhejiangPlatformWithAGuangdongBranch() throws Exception {
        code = TestCodes.next("91330100");
        mvc.perform(post("/api/v1/registry/institutions").with(TestCaller.ZJ_OFFICER.auth())
                .contentType("application/json").content("""
                        {"creditCode":"%s","registeredProvince":"33","name":"Report Test Lending %s",
                         "branches":[{"name":"Guangzhou office","province":"44"}]}""".formatted(code, code)))
                .andExpect(status().isCreated());
    }

    @Test
    void reg03_aCorrectionIsANewRevisionNeverAnOverwrite() throws Exception {
        submit(TestCaller.ZJ_OFFICER, report("2017-05", "1000000.00", 200, null)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.revision").value(1));
        submit(TestCaller.ZJ_OFFICER, report("2017-05", "1000000.00", 200, null)).andExpect(status().isOk())
                .andExpect(jsonPath("$.revision").value(1));
        submit(TestCaller.ZJ_OFFICER, report("2017-05", "1100000.00", 210, null))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.rule").value("REG-03"));
        submit(TestCaller.ZJ_OFFICER, report("2017-05", "1100000.00", 210, "misreported balance"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.revision").value(2));

        mvc.perform(get("/api/v1/registry/institutions/" + code + "/reports/2017-05").with(TestCaller.ZJ_OFFICER.auth()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].loanBalance").value("1000000.00"))
                .andExpect(jsonPath("$[1].loanBalance").value("1100000.00"))
                .andExpect(jsonPath("$[1].reason").value("misreported balance"));
        mvc.perform(get("/api/v1/registry/institutions/" + code + "/reports").with(TestCaller.ZJ_OFFICER.auth()))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].revision").value(2));
    }

    @Test
    void reg03_theFileKeepsTheLatestPeriodsFigures() throws Exception {
        submit(TestCaller.ZJ_OFFICER, report("2017-04", "900000.00", 150, null)).andExpect(status().isCreated());
        submit(TestCaller.ZJ_OFFICER, report("2017-05", "1000000.00", 200, null)).andExpect(status().isCreated());
        submit(TestCaller.ZJ_OFFICER, report("2017-03", "800000.00", 100, null)).andExpect(status().isCreated());

        mvc.perform(get("/api/v1/registry/institutions/" + code).with(TestCaller.ZJ_OFFICER.auth()))
                .andExpect(jsonPath("$.latestReport.period").value("2017-05"))
                .andExpect(jsonPath("$.latestReport.loanBalance").value("1000000.00"))
                .andExpect(jsonPath("$.latestReport.lenders").value(200));
        mvc.perform(get("/api/v1/registry/institutions/" + code + "/reports?from=2017-04").with(TestCaller.ZJ_OFFICER.auth()))
                .andExpect(jsonPath("$[*].period").value(org.hamcrest.Matchers.contains("2017-04", "2017-05")));
    }

    @Test
    void reg03_rangesAreValidated() throws Exception {
        submit(TestCaller.ZJ_OFFICER, report("2017-07", "1.00", 1, null))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.rule").value("REG-03"));
        submit(TestCaller.ZJ_OFFICER, """
                {"period":"2017-05","loanBalance":"100.00","lenders":-1,"borrowers":0,"newLending":"0.00"}"""
        ).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("lenders"));
        submit(TestCaller.ZJ_OFFICER, """
                {"period":"2017-05","loanBalance":"100.00","lenders":1,"borrowers":0,"newLending":"0.00","overdueRate":"100.01"}"""
        ).andExpect(status().isBadRequest());
        submit(TestCaller.ZJ_OFFICER, """
                {"period":"2017-5","loanBalance":"100.00","lenders":1,"borrowers":0,"newLending":"0.00"}"""
        ).andExpect(status().isBadRequest());
        submit(TestCaller.ZJ_OFFICER, """
                {"period":"2017-05","loanBalance":"100.001","lenders":1,"borrowers":0,"newLending":"0.00"}"""
        ).andExpect(status().isBadRequest());
        submit(TestCaller.ZJ_OFFICER, """
                {"period":"2017-05","loanBalance":"100.00","lenders":1,"borrowers":0,"newLending":"0.00","overdueAmount":"200.00"}"""
        ).andExpect(status().isUnprocessableContent());
        submit(TestCaller.ZJ_OFFICER, """
                {"period":"2017-05","loanBalance":"100.00","lenders":1,"borrowers":0,"newLending":"0.00",
                 "products":[{"name":"12-month plan","termMonths":12,"compositeYield":"120.00"}]}"""
        ).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/registry/institutions/" + code + "/reports").with(TestCaller.ZJ_OFFICER.auth()))
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void auth02_businessPlaceProvinceReadsButDoesNotSubmitAndCentralAppendsFromItsSources() throws Exception {
        submit(TestCaller.GD_OFFICER, report("2017-05", "5000.00", 1, null)).andExpect(status().isForbidden());
        submit(TestCaller.AGENCY, report("2017-05", "5000.00", 1, null)).andExpect(status().isForbidden());
        submit(TestCaller.CENTRAL, report("2017-05", "5000.00", 1, null)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.source").value("INDUSTRY_DATABASE"));
        mvc.perform(get("/api/v1/registry/institutions/" + code + "/reports").with(TestCaller.GD_OFFICER.auth()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1));
        mvc.perform(get("/api/v1/registry/institutions/" + code + "/reports").with(TestCaller.BJ_OFFICER.auth()))
                .andExpect(status().isNotFound());
    }

    @Test
    void auth03_centralDoesNotSupersedeAProvincesFiguresButRepeatsThemHarmlessly() throws Exception {
        submit(TestCaller.ZJ_OFFICER, report("2017-04", "700000.00", 70, null)).andExpect(status().isCreated());

        submit(TestCaller.CENTRAL, report("2017-04", "900000.00", 90, "industry database figures"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.rule").value("AUTH-03"));
        submit(TestCaller.CENTRAL, report("2017-04", "700000.00", 70, null)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/registry/institutions/" + code + "/reports/2017-04").with(TestCaller.CENTRAL.auth()))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].submittedBy").value("zj-officer"));
    }

    private ResultActions submit(TestCaller caller, String body) throws Exception {
        return mvc.perform(post("/api/v1/registry/institutions/" + code + "/reports").with(caller.auth())
                .contentType("application/json").content(body));
    }

    private static String report(String period, String balance, long lenders, String reason) {
        return """
                {"period":"%s","loanBalance":"%s","lenders":%d,"borrowers":%d,"newLending":"100000.00",
                 "overdueAmount":"1000.00","overdueRate":"1.50",
                 "products":[{"name":"12-month plan","termMonths":12,"compositeYield":"9.80"}]%s}"""
                .formatted(period, balance, lenders, lenders / 2, reason == null ? "" : ",\"reason\":\"" + reason + "\"");
    }
}
