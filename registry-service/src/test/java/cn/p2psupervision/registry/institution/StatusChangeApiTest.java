package cn.p2psupervision.registry.institution;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.p2psupervision.registry.TestCodes;

/** REG-08: statuses decided in other contexts reach the file service to service, and are recorded like any change. */
@SpringBootTest(properties = {"platform.mongo.embedded.storage=memory", "platform.clock.start=2017-06-01T09:00:00+08:00"})
@AutoConfigureMockMvc
class StatusChangeApiTest {

    private static final String BANNED = """
            {"status":"BANNED","context":"CLASSIFICATION","reference":"ZJ-CLS-2017-0042","decidedOn":"2017-05-31",
             "reason":"fund pool and self-guarantee"}""";

    @Autowired
    MockMvc mvc;
    private String code;

    @BeforeEach
    void register() throws Exception {
        code = TestCodes.next("91330100");
        mvc.perform(post("/api/v1/registry/institutions").with(TestCaller.ZJ_OFFICER.auth())
                        .contentType("application/json")
                        .content("{\"creditCode\":\"" + code + "\",\"registeredProvince\":\"33\",\"name\":\"Status " + code + "\"}"))
                .andExpect(status().isCreated());
    }

    @Test
    void reg08_anotherContextsDecisionIsANewVersionWithItsSourceAndReason() throws Exception {
        change(TestCaller.INTERNAL, BANNED).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("BANNED"))
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.changed").value(true))
                .andExpect(header().string("ETag", "\"2\""));

        String file = "/api/v1/registry/institutions/" + code;
        mvc.perform(get(file).with(TestCaller.ZJ_OFFICER.auth())).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("BANNED"))
                .andExpect(jsonPath("$.provenance.status.source").value("SUPERVISORY_DECISION"))
                .andExpect(jsonPath("$.provenance.status.asOf").value("2017-05-31"));
        mvc.perform(get(file + "/history").with(TestCaller.ZJ_OFFICER.auth())).andExpect(status().isOk())
                .andExpect(jsonPath("$[1].action").value("STATUS"))
                .andExpect(jsonPath("$[1].reason").value("CLASSIFICATION decision ZJ-CLS-2017-0042: fund pool and self-guarantee"))
                .andExpect(jsonPath("$[1].changed[0]").value("status"));
    }

    @Test
    void reg08_theSameDecisionAgainChangesNothing() throws Exception {
        change(TestCaller.INTERNAL, BANNED).andExpect(jsonPath("$.version").value(2));
        change(TestCaller.INTERNAL, BANNED).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.changed").value(false));
    }

    @ParameterizedTest(name = "AUTH-01 {0} may not set a status through the internal endpoint")
    @EnumSource(value = TestCaller.class, names = {"CENTRAL", "ZJ_OFFICER", "ZJ_HEAD_FINANCE", "AGENCY", "ANONYMOUS"})
    void reg08_onlyThePlatformsOwnServicesSetAStatus(TestCaller caller) throws Exception {
        change(caller, BANNED).andExpect(status().is(caller == TestCaller.ANONYMOUS ? 401 : 403));
        mvc.perform(get("/api/v1/registry/institutions/" + code).with(TestCaller.ZJ_OFFICER.auth()))
                .andExpect(jsonPath("$.status").value("OPERATING")).andExpect(jsonPath("$.version").value(1));
    }

    @Test
    void reg08_badDecisionsAreRefusedWithAProblem() throws Exception {
        change(TestCaller.INTERNAL, "{\"status\":\"CLOSED\",\"context\":\"INCIDENT\",\"reference\":\"E-1\"}")
                .andExpect(status().isBadRequest());
        change(TestCaller.INTERNAL, "{\"status\":\"ABSCONDED\",\"context\":\"INCIDENT\"}")
                .andExpect(status().isBadRequest());
        change(TestCaller.INTERNAL, "{\"status\":\"ABSCONDED\",\"context\":\"INCIDENT\",\"reference\":\"E-1\","
                + "\"decidedOn\":\"2017-06-02\"}")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.rule").value("REG-08"));
        mvc.perform(put("/internal/registry/institutions/" + TestCodes.next("91330100") + "/status")
                        .with(TestCaller.INTERNAL.auth()).contentType("application/json").content(BANNED))
                .andExpect(status().isNotFound());
    }

    @Test
    void reg08_regulatorsCannotClaimADecisionAsTheSourceOfAFact() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .patch("/api/v1/registry/institutions/" + code).with(TestCaller.ZJ_OFFICER.auth())
                        .header("If-Match", "\"1\"").contentType("application/merge-patch+json")
                        .content("{\"status\":\"BANNED\",\"source\":\"SUPERVISORY_DECISION\"}"))
                .andExpect(status().isBadRequest());
    }

    private ResultActions change(TestCaller caller, String body) throws Exception {
        return mvc.perform(put("/internal/registry/institutions/" + code + "/status").with(caller.auth())
                .contentType("application/json").content(body));
    }
}
