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
    void acc02_acc04_acc16_theGatesChecksAndProvincesOfARefusalAreReadAndKeptWhenTheStatusIsTheAnswers() throws Exception {
        MockClientHttpResponse response = new MockClientHttpResponse("""
                {"type":"urn:p2p-supervision:problem:rule-violation","title":"A regulatory rule refuses this",
                 "status":400,"detail":"refused","rule":"ACC-02a",
                 "gates":[{"gate":"ACC-02a","reason":"established on 2016-09-01"},{"gate":"ACC-02e","reason":"not listed"}],
                 "checks":[{"code":"LEDGER_SYSTEM","name":"账务系统","problem":"FAILED"}],
                 "provinces":["44"],"requestId":"5f0c"}""".getBytes(StandardCharsets.UTF_8),
                HttpStatus.UNPROCESSABLE_CONTENT);

        ApiProblem problem = ApiClientConfiguration.problemOf(new MockClientHttpRequest(HttpMethod.POST, "/"), response, json);

        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.gates()).containsExactly(new ApiProblem.Gate("ACC-02a", "established on 2016-09-01"),
                new ApiProblem.Gate("ACC-02e", "not listed"));
        assertThat(problem.checks()).containsExactly(new ApiProblem.Deficiency("LEDGER_SYSTEM", "账务系统", "FAILED"));
        assertThat(problem.provinces()).containsExactly("44");
        assertThat(ApiProblem.ofStatus(404).gates()).isEmpty();
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
