package cn.p2psupervision.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real gateway on a random port, every route (the portal's too) pointed at {@link StubService}. It runs with the production
 * routes, breakers and bulkheads, except where a test needs a failure sooner: the HTTP client's response timeout is
 * 3 s (registry's time limiter 4 s), the incident service's time limiter 1.5 s (below that timeout, so that the
 * limiter fires first there) and the classification service's bulkhead 2 calls. Any bearer token is accepted as a central regulator's; the services'
 * own checks are not the gateway's concern.
 *
 * <p>Subclasses share this one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=3s",
        "resilience4j.timelimiter.instances.registry-service.timeout-duration=4s",
        "resilience4j.timelimiter.instances.incident-service.timeout-duration=1500ms",
        "resilience4j.bulkhead.instances.classification-service.max-concurrent-calls=2"})
@Import(AnyTokenIsCentral.class)
abstract class RoutedGatewayTest {

    static final String TOKEN = "Bearer test-token";
    static final StubService STUB = StubService.INSTANCE;
    /** Names of Java code that must never reach a client. */
    static final Pattern JAVA_NAMES = Pattern.compile("java\\.|jakarta\\.|tools\\.jackson|com\\.fasterxml"
            + "|org\\.springframework|io\\.netty|reactor\\.|cn\\.p2psupervision|Exception");
    static final JsonMapper JSON = JsonMapper.builder().build();

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;
    @Autowired
    CircuitBreakerRegistry breakers;

    @DynamicPropertySource
    static void routeToStub(DynamicPropertyRegistry registry) {
        for (String service : List.of("REGISTRY_URL", "CLASSIFICATION_URL", "ACCEPTANCE_URL", "INCIDENT_URL",
                "PORTAL_SERVICE_URL")) {
            registry.add(service, STUB::url);
        }
    }

    /** Every test starts with closed breakers and a stub with no call in progress (timed-out calls run on there). */
    @BeforeEach
    void closeEveryBreakerAndLetTheStubFinish() {
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
        await().atMost(Duration.ofSeconds(10)).until(() -> STUB.inFlight() == 0);
        STUB.resetCounts();
    }

    HttpResponse<String> get(String path) {
        return getAsync(path).join();
    }

    CompletableFuture<HttpResponse<String>> getAsync(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", TOKEN).timeout(Duration.ofSeconds(30)).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.header("Authorization", TOKEN).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    /** A problem as the platform answers it: the content type, a platform type, and no Java names. */
    static JsonNode assertProblem(int status, String contentType, String body, String type) {
        assertThat(contentType).startsWith("application/problem+json");
        assertThat(body).doesNotContainPattern(JAVA_NAMES);
        JsonNode problem = json(body);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asString()).isEqualTo("urn:p2p-supervision:problem:" + type);
        return problem;
    }

    static JsonNode assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().allValues("X-Request-Id")).hasSize(1);
        return assertProblem(status, response.headers().firstValue("Content-Type").orElse(""), response.body(), type);
    }
}
