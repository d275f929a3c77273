package cn.p2psupervision.registry.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.p2psupervision.registry.TestCodes;
import cn.p2psupervision.registry.institution.CreditCode;
import cn.p2psupervision.registry.institution.InstitutionFile;
import cn.p2psupervision.registry.institution.InstitutionStore;
import cn.p2psupervision.registry.institution.TestCaller;

/**
 * REG-05: only the known refusals of a row (invalid input, a rule, a conflict) become REJECTED rows. Anything else —
 * here the store failing under a row — is not the row's fault: the job fails with a reference into the log, rows
 * before it stay applied, and nothing after it is attempted.
 */
@SpringBootTest(properties = {"platform.mongo.embedded.storage=memory", "platform.clock.start=2017-06-01T09:00:00+08:00"})
@AutoConfigureMockMvc
class ImportFailureTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @MockitoSpyBean
    InstitutionStore store;

    @Test
    void reg05_aStoreFailureUnderARowFailsTheJobInsteadOfRejectingTheRow() throws Exception {
        String first = TestCodes.next("91330100");
        String failing = TestCodes.next("91330100");
        String after = TestCodes.next("91330100");
        doThrow(new DataAccessResourceFailureException("connection refused"))
                .when(store).find(eq(InstitutionFile.idFor(CreditCode.parse(failing))));
        String csv = "creditCode,name,registeredProvince\n" + first + ",First Lending,33\n" + failing
                + ",Failing Lending,33\n" + after + ",After Lending,33\n";

        String location = mvc.perform(post("/api/v1/registry/imports").with(TestCaller.CENTRAL.auth())
                .contentType("text/csv").content(csv)).andReturn().getResponse().getHeader("Location");
        JsonNode[] job = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
            job[0] = json.readTree(mvc.perform(get(location).with(TestCaller.CENTRAL.auth())).andReturn().getResponse()
                    .getContentAsString());
            return !List.of("QUEUED", "RUNNING").contains(job[0].path("state").asString());
        });

        assertThat(job[0].path("state").asString()).isEqualTo("FAILED");
        assertThat(job[0].path("message").asString()).contains("Stopped at row 2", "unexpected error", "reference")
                .doesNotContain("Exception", "springframework");
        assertThat(job[0].path("counts").path("CREATED").asLong()).isEqualTo(1);
        assertThat(job[0].path("counts").has("REJECTED")).isFalse();
        assertThat(status(first)).isEqualTo(200);
        assertThat(status(after)).isEqualTo(404);
    }

    private int status(String code) throws Exception {
        return mvc.perform(get("/api/v1/registry/institutions/" + code).with(TestCaller.CENTRAL.auth())).andReturn()
                .getResponse().getStatus();
    }
}
