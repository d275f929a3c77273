package cn.p2psupervision.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;

/**
 * Whatever the gateway refuses, at whichever layer (reactor-netty's decoder, WebFlux's URI parsing, Spring Security's
 * firewall, routing, a service's servlet container), the client gets an {@code application/problem+json} body with
 * no Java names and exactly one {@code X-Request-Id}, the one in the body.
 */
class GatewayMalformedRequestTest extends RoutedGatewayTest {

    static Stream<Arguments> malformedRequests() {
        String firewall = "sequence the platform refuses";
        return Stream.of(
                Arguments.of("encoded NUL", "/api/v1/public/notices/%00", null, 400, "malformed-request", firewall),
                Arguments.of("encoded dot segment", "/api/v1/public/%2e%2e/notices", null, 400, "malformed-request",
                        firewall),
                Arguments.of("empty path segment", "/api/v1/public//notices", null, 400, "malformed-request",
                        firewall),
                Arguments.of("bad percent escape", "/api/v1/public/notices%", null, 400, "malformed-request",
                        "not well-formed HTTP"),
                Arguments.of("20 kB URI", "/api/v1/public/notices?q=" + "a".repeat(20_000), null, 414,
                        "uri-too-long", "request line"),
                Arguments.of("64 kB header", "/api/v1/public/notices", "X-Padding: " + "a".repeat(64 * 1024), 431,
                        "headers-too-large", "request headers"),
                Arguments.of("unencoded [ the service's Tomcat refuses with HTML", "/api/v1/public/notices?q=[1]",
                        null, 400, "malformed-request", "acceptance-service refused"));
    }

    @ParameterizedTest(name = "{0} -> {3} {4}")
    @MethodSource("malformedRequests")
    void malformedRequestsGetAProblemWithOneRequestId(String name, String target, String header, int status,
                                                      String type, String detail) {
        RawHttp.Response response = header == null ? RawHttp.get(port, target) : RawHttp.get(port, target, header);

        assertThat(response.status()).as(response.body()).isEqualTo(status);
        JsonNode problem = assertProblem(status, response.contentType(), response.body(), type);
        assertThat(problem.get("detail").asString()).contains(detail);
        assertThat(response.values("X-Request-Id")).hasSize(1);
        assertThat(problem.get("requestId").asString()).isEqualTo(response.values("X-Request-Id").get(0));
    }

    @Test
    void theServicesHtmlErrorPageIsReplacedByAProblemNamingTheService() {
        RawHttp.Response response = RawHttp.get(port, "/api/v1/public/notices?q=[1]");

        assertThat(STUB.received()).as("the request reached the service").isEqualTo(1);
        assertThat(response.body()).doesNotContain("<html", "Tomcat");
        assertThat(json(response.body()).get("service").asString()).isEqualTo("acceptance-service");
    }

    @Test
    void aRoutedAnswerCarriesTheCallersRequestIdOnce() {
        RawHttp.Response response = RawHttp.get(port, "/api/v1/public/notices", "X-Request-Id: caller-id-1");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.values("X-Request-Id")).containsExactly("caller-id-1");
    }

    @Test
    void auth01_aTokenThatCannotBeCheckedBecauseKeycloaksKeysCannotBeReadIsA503ProblemNotA500() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/registry/institutions")).header("Authorization", "Bearer "
                        + AnyTokenIsCentral.KEYS_UNAVAILABLE).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());

        JsonNode problem = assertProblem(response, 503, "service-unavailable");
        assertThat(problem.get("service").asString()).isEqualTo("keycloak");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(STUB.received()).isZero();
    }

    @Test
    void unknownPathIsA404Problem() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/nowhere")).GET());

        assertProblem(response, 404, "not-found");
    }

    @Test
    void wrongMethodIsA405Problem() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/me")).DELETE());

        assertProblem(response, 405, "method-not-allowed");
    }
}
