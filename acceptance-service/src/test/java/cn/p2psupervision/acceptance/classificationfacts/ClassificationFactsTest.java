package cn.p2psupervision.acceptance.classificationfacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.problem.ProblemType;

/**
 * ACC-01/ACC-02: classification's facts read over real HTTP from a classification service served in memory: with the
 * platform's own identity whoever asked, parsed (amounts written as JSON strings too); an institution classification
 * does not know is a 404 problem; a classification service that fails or whose breaker is open is a 503 problem naming
 * {@code classification-service}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.profiles.active=local",
        "platform.mongo.embedded.storage=memory",
        "platform.registry-feed.poll-delay=1h",
        "platform.outbox.poll-delay=1h",
        "platform.registry.url=http://127.0.0.1:9"})
class ClassificationFactsTest {

    static final String SERVICE_TOKEN = "platform-services-token";
    static final FakeClassification CLASSIFICATION = new FakeClassification();

    @DynamicPropertySource
    static void classification(DynamicPropertyRegistry properties) {
        properties.add("platform.classification.url", CLASSIFICATION::url);
        properties.add("spring.security.oauth2.client.provider.keycloak.token-uri", () -> CLASSIFICATION.url()
                + "/token");
    }

    @Autowired
    ClassificationFacts facts;
    @Autowired
    Resilience4JCircuitBreakerFactory breakers;

    @BeforeEach
    void healthy() {
        CLASSIFICATION.failWith = 0;
        CLASSIFICATION.authorizations.clear();
        breaker().reset();
        SecurityContextHolder.clearContext();
    }

    @AfterAll
    static void stop() {
        CLASSIFICATION.server.stop(0);
    }

    @Test
    void acc01_theFactsAreReadWithThePlatformsOwnIdentityOnAUsersRequestAndParsed() {
        Jwt officer = Jwt.withTokenValue("zj-officer-token").header("alg", "RS256").subject("id-zj-officer")
                .claim("preferred_username", "zj-officer").build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(officer));

        AcceptanceFacts read = facts.of("inst-1");

        assertThat(read.approvedDecision().category()).isEqualTo("RECTIFICATION");
        assertThat(read.approvedDecision().round()).isEqualTo(2);
        assertThat(read.rectification().finished()).isTrue();
        assertThat(read.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.problemCode()).isEqualTo("FUND_POOL");
            assertThat(finding.kind()).isEqualTo("RED_LINE");
            assertThat(finding.outstandingAmount()).isEqualByComparingTo("0.00");
            assertThat(finding.foundOn()).hasToString("2016-07-15");
        });
        assertThat(CLASSIFICATION.authorizations).containsOnly("Bearer " + SERVICE_TOKEN);
    }

    @Test
    void acc01_anInstitutionClassificationDoesNotKnowIsA404AndNotAFailure() {
        ProblemException problem = catchThrowableOfType(ProblemException.class, () -> facts.of("unknown"));

        assertThat(problem.problemType()).isEqualTo(ProblemType.NOT_FOUND);
        assertThat(breaker().getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(CLASSIFICATION.authorizations).hasSize(1);
    }

    @Test
    void acc01_aClassificationServiceAnswering5xxIsA503NamingItAfterTwoAttempts() {
        CLASSIFICATION.failWith = 500;

        ProblemException problem = catchThrowableOfType(ProblemException.class, () -> facts.of("inst-1"));

        assertThat(problem.problemType()).isEqualTo(ProblemType.SERVICE_UNAVAILABLE);
        assertThat(problem.properties()).containsEntry("service", "classification-service");
        assertThat(CLASSIFICATION.authorizations).hasSize(2);
    }

    @Test
    void acc01_anOpenBreakerIsA503WithoutCallingClassification() {
        breaker().transitionToOpenState();

        ProblemException problem = catchThrowableOfType(ProblemException.class, () -> facts.of("inst-1"));

        assertThat(problem.problemType()).isEqualTo(ProblemType.SERVICE_UNAVAILABLE);
        assertThat(CLASSIFICATION.authorizations).isEmpty();
    }

    private CircuitBreaker breaker() {
        return breakers.getCircuitBreakerRegistry().circuitBreaker(ClassificationFacts.NAME);
    }

    /** Classification's internal facts endpoint and Keycloak's token endpoint, over real HTTP on the loopback. */
    static final class FakeClassification {

        final HttpServer server;
        final List<String> authorizations = new CopyOnWriteArrayList<>();
        volatile int failWith;

        FakeClassification() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", this::handle);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private void handle(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/token")) {
                respond(exchange, 200, "application/json", "{\"access_token\":\"" + SERVICE_TOKEN
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
                return;
            }
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            if (failWith != 0) {
                respond(exchange, failWith, "application/problem+json", "{\"status\":" + failWith + "}");
                return;
            }
            if (path.equals("/internal/classification/institutions/inst-1/acceptance-facts")) {
                respond(exchange, 200, "application/json", """
                        {"institutionId":"inst-1",
                         "approvedDecision":{"category":"RECTIFICATION","round":2,"approvedAt":"2017-03-01T02:00:00Z"},
                         "decisionState":"APPROVED",
                         "rectification":{"exists":true,"orderId":"O-inst-1-2","deadline":"2017-09-30",
                                          "finished":true,"openItems":0},
                         "findings":[{"findingId":"F-1","problemCode":"FUND_POOL","problemName":"设立资金池",
                                      "kind":"RED_LINE","foundOn":"2016-07-15","outstandingAmount":"0.00",
                                      "violatingBusiness":true,"rectificationItem":1,"rectified":true}]}""");
                return;
            }
            respond(exchange, 404, "application/problem+json", "{\"status\":404,\"detail\":\"Institution not found\"}");
        }

        private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }
    }
}
