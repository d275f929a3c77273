package cn.p2psupervision.platform.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

import cn.p2psupervision.platform.audit.AuditEntry;

/** The starter as a service sees it: real HTTP, real token validation, embedded Mongo, Feign through a breaker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.application.name=test-service",
        "platform.api.context=test",
        "platform.security.issuer-uri=" + TestTokens.ISSUER,
        "platform.mongo.embedded.storage=memory",
        "platform.clock.start=2017-06-01T09:00:00+08:00"})
class PlatformStarterIntegrationTest {

    private static final String OFFICER = TestTokens.token("zj-officer", List.of("provincial-officer"), "33",
            "FINANCIAL_OFFICE");
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    Resilience4JCircuitBreakerFactory breakers;

    @Test
    void auth01_noTokenIs401ProblemWithBearerChallenge() throws Exception {
        HttpResponse<String> response = get("/api/v1/test/me", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWith("Bearer"));
        assertThat(response.body()).contains("\"type\":\"urn:p2p-supervision:problem:unauthenticated\"",
                "\"status\":401");
    }

    @Test
    void auth01_meShowsWhatTheTokenSays() throws Exception {
        HttpResponse<String> response = get("/api/v1/test/me", OFFICER);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"userId\":\"id-zj-officer\",\"username\":\"zj-officer\","
                + "\"roles\":[\"provincial-officer\"],\"province\":\"33\",\"agency\":\"FINANCIAL_OFFICE\"}");
    }

    @Test
    void auth01_tokensWithWrongIssuerAudienceSignatureOrExpiryAre401() throws Exception {
        List<String> bad = List.of(
                TestTokens.sign(TestTokens.KEY, TestTokens.claims("x", List.of("central-regulator"), null, null,
                        "https://keycloak.test/realms/master", List.of("p2p-api"), Instant.now().plusSeconds(300))),
                TestTokens.sign(TestTokens.KEY, TestTokens.claims("x", List.of("central-regulator"), null, null,
                        TestTokens.ISSUER, List.of("account"), Instant.now().plusSeconds(300))),
                TestTokens.sign(TestTokens.OTHER_KEY, TestTokens.claims("x", List.of("central-regulator"), null, null,
                        TestTokens.ISSUER, List.of("p2p-api"), Instant.now().plusSeconds(300))),
                TestTokens.sign(TestTokens.KEY, TestTokens.claims("x", List.of("central-regulator"), null, null,
                        TestTokens.ISSUER, List.of("p2p-api"), Instant.now().minusSeconds(120))));

        for (String token : bad) {
            assertThat(get("/api/v1/test/me", token).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void auth05_agencyPartnerSeesItsMeButNothingElseByDefault() throws Exception {
        String agency = TestTokens.token("service-account-agency-telecom", List.of("agency-partner"), null, "TELECOM");

        assertThat(get("/api/v1/test/me", agency).statusCode()).isEqualTo(200);
        HttpResponse<String> denied = get("/api/v1/test/things/1", agency);
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).contains("urn:p2p-supervision:problem:forbidden");
    }

    @Test
    void internalServiceReachesOnlyInternalEndpoints() throws Exception {
        String internal = TestTokens.token("service-account-platform-services", List.of("internal-service"), null, null);

        assertThat(get("/internal/ping", internal).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/test/things/1", internal).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/test/me", internal).statusCode()).isEqualTo(403);
        assertThat(get("/internal/ping", OFFICER).statusCode()).isEqualTo(403);
    }

    @Test
    void errorsAreProblemsWithStableTypes() throws Exception {
        HttpResponse<String> missing = get("/api/v1/test/things/2", OFFICER);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("urn:p2p-supervision:problem:not-found");

        HttpResponse<String> rule = get("/api/v1/test/rule", OFFICER);
        assertThat(rule.statusCode()).isEqualTo(422);
        assertThat(rule.body()).contains("\"rule\":\"ACC-02a\"");

        HttpResponse<String> boom = get("/api/v1/test/boom", OFFICER);
        assertThat(boom.statusCode()).isEqualTo(500);
        assertThat(boom.body()).contains("internal-error").doesNotContain("secret internals", "Exception");

        HttpResponse<String> unknownPath = get("/api/v1/test/nothing-here", OFFICER);
        assertThat(unknownPath.statusCode()).isEqualTo(404);
        assertThat(unknownPath.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
    }

    @Test
    void invalidBodyIs400WithFieldErrorsAndNothingWritten() throws Exception {
        long before = mongo.getCollection("audit_trail").countDocuments();

        HttpResponse<String> invalid = post("/api/v1/test/things", "{\"name\":\"\",\"amount\":\"-1.00\"}");
        HttpResponse<String> unreadable = post("/api/v1/test/things", "{not json");

        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("validation-failed", "\"field\":\"name\"", "\"field\":\"amount\"");
        assertThat(unreadable.statusCode()).isEqualTo(400);
        assertThat(mongo.getCollection("audit_trail").countDocuments()).isEqualTo(before);
    }

    @Test
    void auth07_writesAreAuditedWithWhoWhenAndWhyOnTheDomainClock() throws Exception {
        HttpResponse<String> created = post("/api/v1/test/things", "{\"name\":\"pool\",\"amount\":\"1250000.00\"}");

        assertThat(created.statusCode()).isEqualTo(200);
        List<AuditEntry> trail = new cn.p2psupervision.platform.audit.AuditTrail(mongo, java.time.Clock.systemUTC())
                .trailOf("thing", "pool");
        assertThat(trail).singleElement().satisfies(entry -> {
            assertThat(entry.username()).isEqualTo("zj-officer");
            assertThat(entry.province()).isEqualTo("33");
            assertThat(entry.roles()).containsExactly("provincial-officer");
            assertThat(entry.action()).isEqualTo("CREATE");
            assertThat(entry.reason()).isEqualTo("test");
            assertThat(entry.at()).isBetween(Instant.parse("2017-06-01T01:00:00Z"), Instant.parse("2017-06-01T02:00:00Z"));
        });
        org.bson.Document raw = mongo.getCollection("audit_trail").find(new org.bson.Document("entityId", "pool")).first();
        assertThat(((org.bson.Document) raw.get("after")).get("amount")).isInstanceOf(org.bson.types.Decimal128.class);
    }

    @Test
    void feignCallInsideACircuitBreakerRelaysTheCallersToken() throws Exception {
        HttpResponse<String> relayed = get("/api/v1/test/relay", OFFICER);

        assertThat(relayed.statusCode()).isEqualTo(200);
        assertThat(relayed.body()).contains("\"username\":\"zj-officer\"", "\"province\":\"33\"");
        assertThat(breakers.getCircuitBreakerRegistry().getAllCircuitBreakers())
                .as("the call went through a Resilience4j breaker").isNotEmpty();
    }

    @Test
    void requestIdIsEchoedAndCarriedToTheNextService() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/api/v1/test/relay-request-id"))
                .header("Authorization", "Bearer " + OFFICER).header("X-Test-Base", base())
                .header("X-Request-Id", "req-12345").build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("req-12345");
        assertThat(response.body()).isEqualTo("req-12345");
    }

    @Test
    void healthIsUpWithTheEmbeddedDatabaseInUse() throws Exception {
        post("/api/v1/test/things", "{\"name\":\"health\",\"amount\":\"1.00\"}");

        HttpResponse<String> health = get("/actuator/health", null);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void domainClockStartsOnTheConfiguredCampaignDate() throws Exception {
        assertThat(get("/api/v1/test/clock", OFFICER).body()).startsWith("2017-06-01T01:");
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).header("X-Test-Base", base());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Bearer " + OFFICER).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
