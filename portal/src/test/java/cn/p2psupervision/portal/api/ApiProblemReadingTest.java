package cn.p2psupervision.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.mock.http.client.MockClientHttpResponse;

import tools.jackson.databind.json.JsonMapper;

/** What the portal makes of the API's refusals: the problem with its members, or only the status of a bare answer. */
class ApiProblemReadingTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aProblemIsReadWithItsMembers() throws Exception {
        MockClientHttpResponse response = new MockClientHttpResponse("""
                {"type":"urn:p2p-supervision:problem:rule-violation","title":"A regulatory rule refuses this",
                 "status":422,"detail":"lendingStartedOn precedes establishedOn","rule":"REG-02",
                 "instance":"/api/v1/registry/institutions","requestId":"5f0c"}""".getBytes(StandardCharsets.UTF_8),
                HttpStatus.UNPROCESSABLE_CONTENT);

        ApiProblem problem = ApiClientConfiguration.problemOf(new MockClientHttpRequest(HttpMethod.GET, "/"), response, json);

        assertThat(problem.slug()).isEqualTo("rule-violation");
        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.rule()).isEqualTo("REG-02");
        assertThat(problem.requestId()).isEqualTo("5f0c");
    }

    @Test
    void anAnswerWithoutAProblemKeepsItsStatus() throws Exception {
        MockClientHttpResponse html = new MockClientHttpResponse("<html>Bad Gateway</html>".getBytes(StandardCharsets.UTF_8),
                HttpStatus.BAD_GATEWAY);
        MockClientHttpResponse empty = new MockClientHttpResponse(new byte[0], HttpStatus.NOT_FOUND);

        assertThat(ApiClientConfiguration.problemOf(new MockClientHttpRequest(), html, json))
                .isEqualTo(ApiProblem.ofStatus(502));
        assertThat(ApiClientConfiguration.problemOf(new MockClientHttpRequest(), empty, json).status()).isEqualTo(404);
    }
}
