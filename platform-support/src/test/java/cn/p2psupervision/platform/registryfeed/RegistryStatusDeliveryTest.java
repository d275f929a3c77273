package cn.p2psupervision.platform.registryfeed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchRuntimeException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.openfeign.FeignClientProperties;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import cn.p2psupervision.platform.outbox.OutboxDelivery;
import cn.p2psupervision.platform.outbox.OutboxEntry;
import cn.p2psupervision.platform.outbox.OutboxRelay;
import cn.p2psupervision.platform.problem.Problems;

/**
 * Changes to registry data through the outbox (issue 7, REG-08) against a registry served over real HTTP: the status
 * delivery PUTs the decision with the platform's own service token; the registry's refusal for good (a 4xx) is
 * {@link OutboxDelivery.Refused} with the registry's words; a registry that is down, busy or behind an open breaker is
 * a failure the relay tries again. End to end: an entry stored with its decision is delivered by the relay.
 */
@SpringBootTest(classes = RegistryFeedPollerTest.FeedConsumer.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
                "spring.application.name=status-sender",
                "spring.mongodb.database=statussender",
                "platform.mongo.embedded.storage=memory",
                "platform.registry-feed.enabled=true",
                "platform.registry-feed.poll-delay=1h",
                "platform.outbox.collections=decisions",
                "platform.outbox.poll-delay=1h"})
class RegistryStatusDeliveryTest {

    static final FakeRegistry REGISTRY = start();
    static final String ZJ = "1d53c03e-cc23-3078-b7ff-70378dad319c";
    static final String STATUS = "/internal/registry/institutions/" + ZJ + "/status";
    static final Map<String, Object> BANNED = RegistryStatusDelivery.payload(ZJ, "BANNED", "CLASSIFICATION",
            "ZJ-CLS-2017-0042", LocalDate.of(2017, 5, 31), "fund pool and self-guarantee");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A decision as a deciding context stores it: its own fields and its outbox entries, in one document. */
    record Decision(@Id String id, String category, List<OutboxEntry> outbox) {
    }

    @DynamicPropertySource
    static void registry(DynamicPropertyRegistry properties) {
        properties.add("platform.registry.url", REGISTRY::url);
        properties.add("spring.security.oauth2.client.provider.keycloak.token-uri", () -> REGISTRY.url() + "/token");
    }

    @Autowired
    RegistryStatusDelivery delivery;
    @Autowired
    List<OutboxDelivery> deliveries;
    @Autowired
    OutboxRelay relay;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    Clock clock;
    @Autowired
    Resilience4JCircuitBreakerFactory breakers;
    @Autowired
    FeignClientProperties feignClients;

    @BeforeEach
    void freshRegistry() {
        REGISTRY.reset();
        breaker().reset();
        mongo.remove(new Query(), "decisions");
    }

    @AfterAll
    static void stopRegistry() {
        REGISTRY.close();
    }

    @Test
    void reg08_thePayloadIsPlainStringsWithoutAbsentMembers() {
        assertThat(BANNED).containsExactly(Map.entry("institutionId", ZJ), Map.entry("status", "BANNED"),
                Map.entry("context", "CLASSIFICATION"), Map.entry("reference", "ZJ-CLS-2017-0042"),
                Map.entry("decidedOn", "2017-05-31"), Map.entry("reason", "fund pool and self-guarantee"));
        assertThat(RegistryStatusDelivery.payload(ZJ, "FILED", "ACCEPTANCE", "ZJ-ACC-7", null, null))
                .containsOnlyKeys("institutionId", "status", "context", "reference");
        assertThatThrownBy(() -> RegistryStatusDelivery.payload(ZJ, "BANNED", "CLASSIFICATION", " ", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reference");
        assertThat(OutboxEntry.pending("e1", RegistryStatusDelivery.KIND, BANNED, clock.instant()).payload())
                .isEqualTo(BANNED);
    }

    @Test
    void reg08_theStatusIsPutToTheRegistryWithThePlatformsOwnIdentity() {
        delivery.deliver("e1", BANNED);

        assertThat(REGISTRY.requestsTo(STATUS)).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("PUT");
            assertThat(request.authorization()).isEqualTo("Bearer " + FakeRegistry.SERVICE_TOKEN);
            assertThat(request.contentType()).startsWith("application/json");
            assertThat(JSON.readValue(request.body(), Map.class)).isEqualTo(Map.of("status", "BANNED",
                    "context", "CLASSIFICATION", "reference", "ZJ-CLS-2017-0042", "decidedOn", "2017-05-31",
                    "reason", "fund pool and self-guarantee"));
        });
    }

    @Test
    void reg08_theDeliveryIsTheOutboxDeliveryOfItsKind() {
        assertThat(delivery.kind()).isEqualTo(RegistryStatusDelivery.KIND).isEqualTo("registry-status");
        assertThat(deliveries).filteredOn(d -> d.kind().equals(RegistryStatusDelivery.KIND)).containsExactly(delivery);
    }

    @Test
    void reg08_aRefusalForGoodIsRefusedWithTheRegistrysWords() {
        REGISTRY.statusAnswer = 422;
        REGISTRY.statusBody = Map.of("type", "urn:p2p-supervision:problem:rule-violation", "status", 422,
                "detail", "A status decision cannot be dated in the future", "rule", "REG-08");

        assertThatThrownBy(() -> delivery.deliver("e1", BANNED)).isInstanceOf(OutboxDelivery.Refused.class)
                .hasMessage("registry-service refused the status change (422): "
                        + "A status decision cannot be dated in the future (REG-08)");
    }

    @Test
    void reg08_anUnknownInstitutionOrABadRequestIsRefused() {
        REGISTRY.statusAnswer = 404;
        REGISTRY.statusBody = Map.of("status", 404, "detail", "Institution " + ZJ + " was not found");
        assertThatThrownBy(() -> delivery.deliver("e1", BANNED)).isInstanceOf(OutboxDelivery.Refused.class)
                .hasMessage("registry-service refused the status change (404): Institution " + ZJ + " was not found");

        REGISTRY.statusAnswer = 400;
        REGISTRY.statusBody = Map.of("status", 400, "detail", "The request is not valid",
                "errors", List.of(Map.of("field", "status", "message", "must be one of OPERATING, BANNED")));
        assertThatThrownBy(() -> delivery.deliver("e1", BANNED)).isInstanceOf(OutboxDelivery.Refused.class)
                .hasMessage("registry-service refused the status change (400): The request is not valid "
                        + "[status must be one of OPERATING, BANNED]");
    }

    @Test
    void reg08_aRefusalNeverNamesJavaCode() {
        REGISTRY.statusAnswer = 403;
        REGISTRY.statusBody = Map.of("status", 403, "detail", "org.springframework.security.AccessDeniedException");

        assertThatThrownBy(() -> delivery.deliver("e1", BANNED)).isInstanceOf(OutboxDelivery.Refused.class)
                .hasMessage("registry-service refused the status change (403)");
    }

    @Test
    void reg08_anEntryWithoutItsInstitutionIsRefusedWithoutCallingTheRegistry() {
        assertThatThrownBy(() -> delivery.deliver("e1", Map.of("status", "BANNED")))
                .isInstanceOf(OutboxDelivery.Refused.class).hasMessageContaining("institutionId");
        assertThat(REGISTRY.requests).filteredOn(r -> r.path().startsWith("/internal/")).isEmpty();
    }

    @ParameterizedTest(name = "REG-08 a registry answering {0} is tried again by the relay")
    @ValueSource(ints = {500, 502, 503, 408, 409, 429})
    void reg08_aRegistryThatIsDownOrBusyIsTriedAgain(int status) {
        REGISTRY.statusAnswer = status;
        REGISTRY.statusBody = Map.of("status", status, "detail", "try again later");

        RuntimeException failure = catchRuntimeException(() -> delivery.deliver("e1", BANNED));

        assertRetryable(failure);
        assertThat(failure).hasMessage("The status change was not delivered: registry-service answered " + status
                + ": try again later");
    }

    @Test
    void reg08_anOpenBreakerIsTriedAgainWithoutCallingTheRegistry() {
        breaker().transitionToOpenState();

        RuntimeException failure = catchRuntimeException(() -> delivery.deliver("e1", BANNED));

        assertRetryable(failure);
        assertThat(failure).hasMessageContaining("circuit breaker is open");
        assertThat(REGISTRY.requestsTo(STATUS)).isEmpty();
    }

    @Test
    void reg08_refusalsDoNotOpenTheBreaker() {
        REGISTRY.statusAnswer = 422;
        for (int i = 0; i < 12; i++) {
            assertThatThrownBy(() -> delivery.deliver("e1", BANNED)).isInstanceOf(OutboxDelivery.Refused.class);
        }

        assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker().getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(REGISTRY.requestsTo(STATUS)).hasSize(12);
    }

    @Test
    void reg08_theRelayDeliversAnEntryStoredWithItsDecision() {
        mongo.insert(new Decision("d1", "BANNING",
                List.of(OutboxEntry.pending("d1:status", RegistryStatusDelivery.KIND, BANNED, clock.instant()))),
                "decisions");

        assertThat(relay.relay()).isEqualTo(1);

        OutboxEntry delivered = stored("d1");
        assertThat(delivered.state()).isEqualTo(OutboxEntry.State.DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(1);
        assertThat(REGISTRY.requestsTo(STATUS)).singleElement().satisfies(request ->
                assertThat(request.body()).contains("\"reference\":\"ZJ-CLS-2017-0042\""));
    }

    @Test
    void reg08_whileTheRegistryIsDownTheRelayKeepsTheEntryPendingWithAReadableError() {
        mongo.insert(new Decision("d2", "BANNING",
                List.of(OutboxEntry.pending("d2:status", RegistryStatusDelivery.KIND, BANNED, clock.instant()))),
                "decisions");
        REGISTRY.statusAnswer = 503;
        REGISTRY.statusBody = Map.of("status", 503);

        relay.relay();

        OutboxEntry failed = stored("d2");
        assertThat(failed.state()).isEqualTo(OutboxEntry.State.PENDING);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.nextAttemptAt()).isAfter(failed.createdAt());
        assertThat(failed.lastError()).isEqualTo("The status change was not delivered: registry-service answered 503");
    }

    @Test
    void reg08_theRelayKeepsARefusedEntryWithTheRegistrysReason() {
        mongo.insert(new Decision("d3", "BANNING",
                List.of(OutboxEntry.pending("d3:status", RegistryStatusDelivery.KIND, BANNED, clock.instant()))),
                "decisions");
        REGISTRY.statusAnswer = 422;
        REGISTRY.statusBody = Map.of("status", 422, "detail", "A status decision cannot be dated in the future",
                "rule", "REG-08");

        relay.relay();

        OutboxEntry refused = stored("d3");
        assertThat(refused.state()).isEqualTo(OutboxEntry.State.REFUSED);
        assertThat(refused.lastError()).isEqualTo("registry-service refused the status change (422): "
                + "A status decision cannot be dated in the future (REG-08)");
    }

    @Test
    void statusDeliveriesHaveTheirOwnBreakerWithATimeLimitAboveTheReadTimeout() {
        delivery.deliver("e1", BANNED);

        assertThat(breaker().getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(1);
        assertThat(breakers.getTimeLimiterRegistry().find(RegistryStatusDelivery.NAME)).hasValueSatisfying(limit ->
                assertThat(limit.getTimeLimiterConfig().getTimeoutDuration()).isEqualTo(Duration.ofSeconds(6)));
        assertThat(feignClients.getConfig().get(RegistryStatusDelivery.NAME).getReadTimeout()).isEqualTo(5000);
    }

    static void assertRetryable(RuntimeException failure) {
        assertThat(failure).as("a failure the relay retries").isNotNull().isNotInstanceOf(OutboxDelivery.Refused.class);
        assertThat(Problems.namesJavaCode(failure.getMessage())).isFalse();
    }

    private OutboxEntry stored(String decision) {
        return mongo.findById(decision, Decision.class, "decisions").outbox().get(0);
    }

    private CircuitBreaker breaker() {
        return breakers.getCircuitBreakerRegistry().circuitBreaker(RegistryStatusDelivery.NAME);
    }

    private static FakeRegistry start() {
        try {
            return new FakeRegistry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
