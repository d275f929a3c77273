package cn.p2psupervision.platform.registryfeed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import de.bwaldvogel.mongo.MongoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.openfeign.FeignClientProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.p2psupervision.platform.security.Caller;
import cn.p2psupervision.platform.security.PlatformRole;

/**
 * The consumer's side of the institution reference feed (issue 7) against a registry served over real HTTP: the first
 * poll loads every institution through the reference pages, later polls follow the change feed (REG-08), a resync
 * loads everything again, a registry that is down is retried without losing the cursor or stopping the service, every
 * call carries the platform's own service token, and two replicas on one store never poll at the same time
 * (ShedLock). The scheduler is slowed to an hour: each test polls by hand, through the same proxy the scheduler uses.
 */
@SpringBootTest(classes = RegistryFeedPollerTest.FeedConsumer.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
                "spring.application.name=feed-consumer",
                "spring.mongodb.database=feedconsumer",
                "platform.mongo.embedded.storage=memory",
                "platform.registry-feed.enabled=true",
                "platform.registry-feed.poll-delay=1h",
                "platform.registry-feed.page-size=2"})
class RegistryFeedPollerTest {

    static final FakeRegistry REGISTRY = start();
    static final String CHANGES = "/internal/registry/changes";
    static final String REFERENCE = "/internal/registry/institutions/reference";

    /** A consuming service: nothing but the platform's auto-configuration. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class FeedConsumer {
    }

    @DynamicPropertySource
    static void registry(DynamicPropertyRegistry properties) {
        properties.add("platform.registry.url", REGISTRY::url);
        properties.add("spring.security.oauth2.client.provider.keycloak.token-uri", () -> REGISTRY.url() + "/token");
    }

    @Autowired
    RegistryFeedPoller poller;
    @Autowired
    InstitutionReferences references;
    @Autowired
    InstitutionDirectory directory;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MongoServer embedded;
    @Autowired
    Resilience4JCircuitBreakerFactory breakers;
    @Autowired
    List<InfoContributor> infoContributors;
    @Autowired
    FeignClientProperties feignClients;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void freshStores() {
        REGISTRY.reset();
        for (String collection : List.of(InstitutionReferences.COLLECTION, InstitutionReferences.CURSOR, "shedLock")) {
            mongo.remove(new Query(), collection);
        }
        breakers.getCircuitBreakerRegistry().circuitBreaker(RegistryFeed.NAME).reset();
        log.start();
        ((Logger) LoggerFactory.getLogger(RegistryFeedPoller.class)).addAppender(log);
    }

    @AfterEach
    void detachLog() {
        ((Logger) LoggerFactory.getLogger(RegistryFeedPoller.class)).detachAppender(log);
    }

    @AfterAll
    static void stopRegistry() {
        REGISTRY.close();
    }

    @Test
    void reg08_theFirstPollLoadsEveryInstitutionThenPollsFollowTheChangeFeed() {
        for (String id : List.of("a", "b", "c", "d", "e")) {
            REGISTRY.change(id, "33", List.of(), "OPERATING");
        }

        poller.poll();

        assertThat(REGISTRY.requestsTo(REFERENCE)).extracting(r -> r.query().get("after"))
                .as("three pages of two").containsExactly(null, "b", "d");
        assertThat(REGISTRY.requestsTo(CHANGES)).isEmpty();
        assertThat(List.of("a", "b", "c", "d", "e")).allSatisfy(id -> assertThat(references.find(id)).isPresent());
        assertThat(references.position().orElseThrow().seq()).isEqualTo(5);

        REGISTRY.change("a", "33", List.of(), "BANNED");
        REGISTRY.change("f", "44", List.of("33"), "OPERATING");
        REGISTRY.change("g", "44", List.of(), "OPERATING");
        poller.poll();

        assertThat(REGISTRY.requestsTo(CHANGES)).extracting(r -> r.query().get("after")).containsExactly("5", "7");
        assertThat(references.find("a").orElseThrow()).satisfies(a -> {
            assertThat(a.status()).isEqualTo("BANNED");
            assertThat(a.version()).isEqualTo(2);
        });
        assertThat(references.find("f").orElseThrow().businessProvinces()).containsExactly("33");
        assertThat(references.find("g")).isPresent();
        assertThat(references.position().orElseThrow().seq()).isEqualTo(8);

        poller.poll();
        assertThat(REGISTRY.requestsTo(CHANGES)).hasSize(3);
        assertThat(references.position().orElseThrow().seq()).isEqualTo(8);
    }

    @Test
    void auth02_theProjectionAnswersTheScopeOfRecordsAboutAnInstitution() {
        REGISTRY.change("zj", "33", List.of("44"), "OPERATING");
        poller.poll();

        Caller guangdong = new Caller("id-gd", "gd-officer", Set.of(PlatformRole.PROVINCIAL_OFFICER), "44",
                "BANKING_REGULATOR");
        Caller beijing = new Caller("id-bj", "bj-officer", Set.of(PlatformRole.PROVINCIAL_OFFICER), "11",
                "FINANCIAL_OFFICE");
        assertThat(directory.mayRead(guangdong, "zj")).isTrue();
        assertThat(directory.mayRead(beijing, "zj")).isFalse();
    }

    @Test
    void everyCallCarriesThePlatformsOwnServiceToken() {
        REGISTRY.change("a", "33", List.of(), "OPERATING");

        poller.poll();
        REGISTRY.change("b", "33", List.of(), "OPERATING");
        poller.poll();

        List<FakeRegistry.Request> feed = REGISTRY.requests.stream().filter(r -> r.path().startsWith("/internal/"))
                .toList();
        assertThat(feed).hasSize(2).allSatisfy(request ->
                assertThat(request.authorization()).isEqualTo("Bearer " + FakeRegistry.SERVICE_TOKEN));
        assertThat(REGISTRY.requestsTo("/token")).allSatisfy(request ->
                assertThat(request.body()).contains("grant_type=client_credentials"));
    }

    @Test
    void reg08_aResyncLoadsEverythingAgainAndFollowsFromTheReloadsSequence() {
        REGISTRY.change("a", "33", List.of(), "OPERATING");
        poller.poll();
        REGISTRY.change("a", "33", List.of(), "SUSPENDED");
        REGISTRY.change("b", "33", List.of(), "OPERATING");
        REGISTRY.resync = true;

        poller.poll();

        assertThat(REGISTRY.requestsTo(REFERENCE)).hasSize(2); // the first load, and the reload
        assertThat(references.find("a").orElseThrow().status()).isEqualTo("SUSPENDED");
        assertThat(references.find("b")).isPresent();
        assertThat(references.position().orElseThrow().seq()).isEqualTo(3);
    }

    @Test
    void aRegistryThatIsDownIsRetriedWarnedOnceAndTheCursorKept() {
        REGISTRY.change("a", "33", List.of(), "OPERATING");
        poller.poll();
        REGISTRY.change("b", "33", List.of(), "OPERATING");
        REGISTRY.failWith = 503;

        poller.poll();
        poller.poll();

        assertThat(REGISTRY.requestsTo(CHANGES)).as("three attempts per poll").hasSize(6);
        assertThat(references.position().orElseThrow().seq()).isEqualTo(1);
        assertThat(references.find("b")).isEmpty();
        assertThat(events(Level.WARN)).singleElement().asString().contains("Registry feed unavailable", "cursor at 1");

        REGISTRY.failWith = 0;
        poller.poll();

        assertThat(references.find("b")).isPresent();
        assertThat(references.position().orElseThrow().seq()).isEqualTo(2);
        assertThat(events(Level.INFO)).anySatisfy(message -> assertThat(message).contains("reachable again"));
        assertThat(events(Level.WARN)).hasSize(1);
    }

    @Test
    void aRefusalOfTheRegistryIsNotRetried() {
        REGISTRY.change("a", "33", List.of(), "OPERATING");
        REGISTRY.failWith = 403;

        poller.poll();

        assertThat(REGISTRY.requestsTo(REFERENCE)).hasSize(1);
        assertThat(references.position()).isEmpty();
        REGISTRY.failWith = 0;
        poller.poll();
        assertThat(references.position()).isPresent();
    }

    @Test
    void callsGoThroughTheNamedBreakerWhoseTimeLimitIsAboveTheReadTimeout() {
        REGISTRY.change("a", "33", List.of(), "OPERATING");
        poller.poll();

        assertThat(breakers.getCircuitBreakerRegistry().find(RegistryFeed.NAME)).hasValueSatisfying(breaker ->
                assertThat(breaker.getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(1));
        assertThat(breakers.getTimeLimiterRegistry().getConfiguration(RegistryFeed.NAME)).hasValueSatisfying(limit ->
                assertThat(limit.getTimeoutDuration()).isEqualTo(Duration.ofSeconds(6)));
        assertThat(feignClients.getConfig().get(RegistryFeed.NAME).getReadTimeout()).isEqualTo(5000);
    }

    @Test
    void theFreshnessOfTheProjectionIsInTheInfoEndpoint() {
        REGISTRY.change("a", "33", List.of(), "OPERATING");
        poller.poll();

        Info.Builder info = new Info.Builder();
        infoContributors.forEach(contributor -> contributor.contribute(info));

        assertThat(info.build().getDetails()).containsKey("registryFeed");
        @SuppressWarnings("unchecked")
        Map<String, Object> feed = (Map<String, Object>) info.build().getDetails().get("registryFeed");
        assertThat(feed).containsEntry("cursor", 1L).containsEntry("latest", 1L).containsKey("polledAt");
    }

    @Test
    void twoReplicasOnOneStoreNeverPollAtTheSameTime() throws Exception {
        REGISTRY.change("a", "33", List.of(), "OPERATING");
        poller.poll(); // loaded: the next polls follow the change feed
        try (ConfigurableApplicationContext replica = secondReplica()) {
            RegistryFeedPoller other = replica.getBean(RegistryFeedPoller.class);
            CountDownLatch release = new CountDownLatch(1);
            REGISTRY.holdChanges = release;

            CompletableFuture<Void> first = CompletableFuture.runAsync(poller::poll);
            await().atMost(Duration.ofSeconds(10)).until(() -> REGISTRY.requestsTo(CHANGES).size() == 1);
            other.poll(); // the first holds the lock: this one does not run

            assertThat(REGISTRY.requestsTo(CHANGES)).hasSize(1);
            release.countDown();
            first.get(10, TimeUnit.SECONDS);

            other.poll(); // the lock is free again
            assertThat(REGISTRY.requestsTo(CHANGES)).hasSize(2);
        }
    }

    /**
     * Another replica of the same service: its own context, the same database. (Arguments, not default properties:
     * the platform's defaults rank above those.)
     */
    private ConfigurableApplicationContext secondReplica() {
        return new SpringApplicationBuilder(FeedConsumer.class).web(WebApplicationType.NONE).run(
                "--spring.mongodb.uri=mongodb://127.0.0.1:" + embedded.getLocalAddress().getPort() + "/feedconsumer",
                "--spring.profiles.active=", "--spring.application.name=feed-consumer",
                "--spring.main.banner-mode=off",
                "--platform.registry-feed.enabled=true", "--platform.registry-feed.poll-delay=1h",
                "--platform.registry-feed.page-size=2", "--platform.registry.url=" + REGISTRY.url(),
                "--spring.security.oauth2.client.provider.keycloak.token-uri=" + REGISTRY.url() + "/token");
    }

    private List<String> events(Level level) {
        return log.list.stream().filter(event -> event.getLevel() == level).map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    private static FakeRegistry start() {
        try {
            return new FakeRegistry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
