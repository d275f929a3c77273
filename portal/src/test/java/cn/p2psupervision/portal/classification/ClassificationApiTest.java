package cn.p2psupervision.portal.classification;

import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.headerDoesNotExist;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

/** What the classification client sends: the version the page showed, as {@code If-Match} (docs/api.md "Versions"). */
class ClassificationApiTest {

    private static final String DECISION = "http://gateway/api/v1/classification/institutions/id-1/decision";
    private static final String ANSWER = """
            {"institutionId":"id-1","registeredProvince":"33","version":2,
             "decision":{"round":1,"version":2,"state":"APPROVED","category":"BANNING"}}""";

    private final RestClient.Builder builder = RestClient.builder().baseUrl("http://gateway");
    private final MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();
    private final ClassificationApi api = new ClassificationApi(builder.build());

    @Test
    void auth04_theApprovalSendsTheVersionAsIfMatch() {
        server.expect(requestTo(DECISION + "/approval")).andExpect(method(HttpMethod.POST))
                .andExpect(header("If-Match", "\"1\"")).andRespond(withSuccess(ANSWER, MediaType.APPLICATION_JSON));

        api.approve("id-1", 1);

        server.verify();
    }

    @Test
    void cls07_theFirstRecordHasNoIfMatchAndAChangeNamesItsVersion() {
        server.expect(requestTo(DECISION)).andExpect(headerDoesNotExist("If-Match"))
                .andExpect(content().json("{\"category\":\"RECTIFICATION\",\"reason\":null}"))
                .andRespond(withSuccess(ANSWER, MediaType.APPLICATION_JSON));
        server.expect(requestTo(DECISION)).andExpect(header("If-Match", "\"2\""))
                .andExpect(content().json("{\"category\":\"BANNING\",\"reason\":\"资金池\"}"))
                .andRespond(withSuccess(ANSWER, MediaType.APPLICATION_JSON));

        api.record("id-1", "RECTIFICATION", null, null);
        api.record("id-1", "BANNING", "资金池", 2L);

        server.verify();
    }

    @Test
    void auth03_theReopeningSendsTheReasonAndTheVersionAsIfMatch() {
        server.expect(requestTo(DECISION + "/reopening")).andExpect(method(HttpMethod.POST))
                .andExpect(header("If-Match", "\"2\"")).andExpect(content().json("{\"reason\":\"复核\"}"))
                .andRespond(withSuccess(ANSWER, MediaType.APPLICATION_JSON));

        api.reopen("id-1", "复核", 2);

        server.verify();
    }
}
