package cn.p2psupervision.registry.report;

import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

import cn.p2psupervision.registry.TestCodes;
import cn.p2psupervision.registry.institution.TestCaller;

/**
 * REG-03 for the other contexts (issue 7): an institution's monthly operating-report series, the latest revision of
 * each month, served service to service at {@code /internal/registry/institutions/{idOrCode}/reports} to the
 * platform's own identity only, whatever the institution's province.
 */
@SpringBootTest(properties = {"platform.mongo.embedded.storage=memory", "platform.clock.start=2017-06-01T09:00:00+08:00"})
@AutoConfigureMockMvc
class InternalReportApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    private String code;
    private String id;

    @BeforeEach
    void registerAZhejiangPlatform() throws Exception {
        code = TestCodes.next("91330100");
        String created = mvc.perform(post("/api/v1/registry/institutions").with(TestCaller.ZJ_OFFICER.auth())
                        .contentType("application/json").content("""
                                {"creditCode":"%s","registeredProvince":"33","name":"Internal Reports %s"}"""
                                .formatted(code, code)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        id = json.readTree(created).get("id").asString();
    }

    @Test
    void reg03_theSeriesIsTheLatestRevisionOfEachMonthOldestFirst() throws Exception {
        submit(report("2017-05", "1000000.00", 200, "9.80", null));
        submit(report("2017-03", "800000.00", 100, "11.50", null));
        submit(report("2017-04", "900000.00", 150, "10.20", null));
        submit(report("2017-04", "950000.00", 160, "10.20", "misreported balance"));

        series(TestCaller.INTERNAL, "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].period").value(contains("2017-03", "2017-04", "2017-05")))
                .andExpect(jsonPath("$[1].revision").value(2))
                .andExpect(jsonPath("$[1].loanBalance").value("950000.00"))
                .andExpect(jsonPath("$[1].lenders").value(160))
                .andExpect(jsonPath("$[1].borrowers").value(80))
                .andExpect(jsonPath("$[1].newLending").value("100000.00"))
                .andExpect(jsonPath("$[1].overdueAmount").value("1000.00"))
                .andExpect(jsonPath("$[1].products[0].name").value("12-month plan"))
                .andExpect(jsonPath("$[1].products[0].termMonths").value(12))
                .andExpect(jsonPath("$[1].products[0].compositeYield").value("10.20"))
                .andExpect(jsonPath("$[0].products[0].compositeYield").value("11.50"));
    }

    @Test
    void reg03_theInstitutionIsNamedByIdOrByCreditCode() throws Exception {
        submit(report("2017-05", "1000000.00", 200, "9.80", null));

        for (String idOrCode : new String[] {id, code}) {
            mvc.perform(get("/internal/registry/institutions/" + idOrCode + "/reports")
                            .with(TestCaller.INTERNAL.auth()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.length()").value(1))
                    .andExpect(jsonPath("$[0].institutionId").value(id));
        }
    }

    @Test
    void reg03_anInstitutionWithoutReportsHasAnEmptySeries() throws Exception {
        series(TestCaller.INTERNAL, "").andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void reg03_fromAndToLimitTheSeriesBothIncluded() throws Exception {
        for (String month : new String[] {"2017-01", "2017-02", "2017-03", "2017-04", "2017-05"}) {
            submit(report(month, "100000.00", 10, "9.80", null));
        }

        series(TestCaller.INTERNAL, "?from=2017-02&to=2017-04")
                .andExpect(jsonPath("$[*].period").value(contains("2017-02", "2017-03", "2017-04")));
        series(TestCaller.INTERNAL, "?from=2017-04")
                .andExpect(jsonPath("$[*].period").value(contains("2017-04", "2017-05")));
        series(TestCaller.INTERNAL, "?to=2017-01")
                .andExpect(jsonPath("$[*].period").value(contains("2017-01")));
        series(TestCaller.INTERNAL, "?from=2017-05&to=2017-02").andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
    }

    @ParameterizedTest(name = "AUTH-01 {0} may not read the internal series")
    @EnumSource(value = TestCaller.class, names = {"CENTRAL", "ZJ_OFFICER", "ZJ_HEAD_FINANCE", "GD_OFFICER", "AGENCY",
            "ANONYMOUS"})
    void auth01_onlyThePlatformsOwnServicesReadTheInternalSeries(TestCaller caller) throws Exception {
        submit(report("2017-05", "1000000.00", 200, "9.80", null));
        int expected = caller == TestCaller.ANONYMOUS ? 401 : 403;

        series(caller, "").andExpect(status().is(expected)).andExpect(jsonPath("$.status").value(expected))
                .andExpect(jsonPath("$.loanBalance").doesNotExist());
    }

    @Test
    void reg03_anUnknownInstitutionIsA404Problem() throws Exception {
        for (String unknown : new String[] {TestCodes.next("91330100"), "no-such-institution"}) {
            mvc.perform(get("/internal/registry/institutions/" + unknown + "/reports").with(TestCaller.INTERNAL.auth()))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.type").value("urn:p2p-supervision:problem:not-found"))
                    .andExpect(jsonPath("$.detail").value("Institution " + unknown + " was not found"));
        }
    }

    @ParameterizedTest(name = "a bad month is a 400 problem: {0}")
    @ValueSource(strings = {"?from=2017-5", "?to=abc", "?from=2017-13", "?from=", "?to=2017-05-01"})
    void reg03_aBadMonthIsA400Problem(String query) throws Exception {
        series(TestCaller.INTERNAL, query)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:p2p-supervision:problem:validation-failed"))
                .andExpect(jsonPath("$.errors[0].field").value(query.substring(1, query.indexOf('='))));
    }

    private ResultActions series(TestCaller caller, String query) throws Exception {
        return mvc.perform(get("/internal/registry/institutions/" + id + "/reports" + query).with(caller.auth()));
    }

    private void submit(String body) throws Exception {
        mvc.perform(post("/api/v1/registry/institutions/" + code + "/reports").with(TestCaller.ZJ_OFFICER.auth())
                        .contentType("application/json").content(body))
                .andExpect(status().isCreated());
    }

    private static String report(String period, String balance, long lenders, String yield, String reason) {
        return """
                {"period":"%s","loanBalance":"%s","lenders":%d,"borrowers":%d,"newLending":"100000.00",
                 "overdueAmount":"1000.00","overdueRate":"1.50",
                 "products":[{"name":"12-month plan","termMonths":12,"compositeYield":"%s"}]%s}"""
                .formatted(period, balance, lenders, lenders / 2, yield,
                        reason == null ? "" : ",\"reason\":\"" + reason + "\"");
    }
}
