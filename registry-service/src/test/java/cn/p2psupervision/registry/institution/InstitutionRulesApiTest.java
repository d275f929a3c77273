package cn.p2psupervision.registry.institution;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
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

/** Rules a patch or a verification cannot get around (REG-06, REG-08). */
@SpringBootTest(properties = {"platform.mongo.embedded.storage=memory", "platform.clock.start=2017-06-01T09:00:00+08:00"})
@AutoConfigureMockMvc
class InstitutionRulesApiTest {

    @Autowired
    MockMvc mvc;
    private String code;

    @BeforeEach
    void register() throws Exception {
        code = TestCodes.next("91330100");
        mvc.perform(post("/api/v1/registry/institutions").with(TestCaller.ZJ_OFFICER.auth())
                .contentType("application/json")
                .content("{\"creditCode\":\"" + code + "\",\"registeredProvince\":\"33\",\"name\":\"Rules " + code + "\"}"))
                .andExpect(status().isCreated());
    }

    @Test
    void reg08_aPatchCannotRemoveTheStatusOrName() throws Exception {
        patchWith("{\"status\":null}").andExpect(status().isBadRequest());
        patchWith("{\"name\":null}").andExpect(status().isBadRequest());
        patchWith("{\"status\":\"LOST_CONTACT\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("LOST_CONTACT"));
    }

    @Test
    void reg06_factsAreVerifiedOnlyThroughAVerification() throws Exception {
        patchWith("{\"name\":\"Claimed Verified\",\"source\":\"VERIFICATION\"}").andExpect(status().isBadRequest());
    }

    @Test
    void reg06_verificationsAndSignaturesCannotBeDatedInTheFuture() throws Exception {
        mvc.perform(post("/api/v1/registry/institutions/" + code + "/verifications").with(TestCaller.ZJ_OFFICER.auth())
                        .header("If-Match", "\"1\"").contentType("application/json")
                        .content("{\"method\":\"ON_SITE_SURVEY\",\"date\":\"2017-06-02\",\"outcome\":\"visited\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.rule").value("REG-06"));
        mvc.perform(post("/api/v1/registry/institutions/" + code + "/verifications").with(TestCaller.ZJ_OFFICER.auth())
                        .header("If-Match", "\"1\"").contentType("application/json")
                        .content("{\"method\":\"ON_SITE_SURVEY\",\"date\":\"2017-05-31\",\"outcome\":\"visited\"}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/registry/institutions/" + code + "/attestation").with(TestCaller.ZJ_OFFICER.auth())
                        .header("If-Match", "\"2\"").contentType("application/json")
                        .content("{\"signedBy\":\"Li Si\",\"position\":\"LEGAL_REPRESENTATIVE\",\"signedOn\":\"2017-07-01\","
                                + "\"documentReference\":\"ZJ-2017-001\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.rule").value("REG-06"));
    }

    /**
     * A projection of the file is written member by member; a member that became empty (here the attestation a
     * correction drops) must not keep its old stored value.
     */
    @Test
    void reg06_aCorrectionAfterTheSignatureDropsTheAttestationFromTheStoredFile() throws Exception {
        mvc.perform(post("/api/v1/registry/institutions/" + code + "/verifications").with(TestCaller.ZJ_OFFICER.auth())
                        .header("If-Match", "\"1\"").contentType("application/json")
                        .content("{\"method\":\"ON_SITE_SURVEY\",\"date\":\"2017-05-30\",\"outcome\":\"visited\"}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/registry/institutions/" + code + "/attestation").with(TestCaller.ZJ_OFFICER.auth())
                        .header("If-Match", "\"2\"").contentType("application/json")
                        .content("{\"signedBy\":\"Li Si\",\"position\":\"LEGAL_REPRESENTATIVE\",\"signedOn\":\"2017-05-31\","
                                + "\"documentReference\":\"ZJ-2017-002\"}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/registry/institutions/" + code).with(TestCaller.ZJ_OFFICER.auth()))
                .andExpect(jsonPath("$.verificationState").value("CONFIRMED"))
                .andExpect(jsonPath("$.attestation.documentReference").value("ZJ-2017-002"));

        mvc.perform(post("/api/v1/registry/institutions/" + code + "/verifications").with(TestCaller.ZJ_OFFICER.auth())
                        .header("If-Match", "\"3\"").contentType("application/json")
                        .content("{\"method\":\"ON_SITE_SURVEY\",\"date\":\"2017-05-31\",\"outcome\":\"moved\","
                                + "\"corrections\":{\"registeredAddress\":\"浙江省杭州市西湖区文三路 90 号 9 楼\"}}"))
                .andExpect(status().isCreated());

        mvc.perform(get("/api/v1/registry/institutions/" + code).with(TestCaller.ZJ_OFFICER.auth()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(4))
                .andExpect(jsonPath("$.verificationState").value("IN_VERIFICATION"))
                .andExpect(jsonPath("$.attestation").doesNotExist());
    }

    private ResultActions patchWith(String body) throws Exception {
        return mvc.perform(patch("/api/v1/registry/institutions/" + code).with(TestCaller.ZJ_OFFICER.auth())
                .header("If-Match", "\"1\"").contentType("application/merge-patch+json").content(body));
    }
}
