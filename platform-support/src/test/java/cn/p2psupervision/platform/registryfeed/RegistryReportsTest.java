package cn.p2psupervision.platform.registryfeed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.RetryRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.openfeign.FeignClientProperties;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.problem.ProblemType;
import cn.p2psupervision.platform.problem.Problems;

/**
 * Reads of registry data on a user's request (issue 7, REG-03) against a registry served over real HTTP: an
 * institution's monthly operating-report series, read with the platform's own service token whoever asked, parsed
 * into {@link MonthlyReport}s; an unknown institution is a 404 problem; a registry that fails, refuses, is too slow or
 * whose breaker is open is a 503 problem naming {@code registry-service}, within about 5 s.
 */
@SpringBootTest(classes = RegistryFeedPollerTest.FeedConsumer.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
                "spring.application.name=reports-consumer",
                "spring.mongodb.database=reportsconsumer",
                "platform.mongo.embedded.storage=memory",
                "platform.registry-feed.enabled=true",
                "platform.registry-feed.poll-delay=1h"})
class RegistryReportsTest {

    static final FakeRegistry REGISTRY = start();
    static final String ZJ = "1d53c03e-cc23-3078-b7ff-70378dad319c";
    static final String REPORTS = "/internal/registry/institutions/" + ZJ + "/reports";

    @DynamicPropertySource
    static void registry(DynamicPropertyRegistry properties) {
        properties.add("platform.registry.url", REGISTRY::url);
        properties.add("spring.security.oauth2.client.provider.keycloak.token-uri", () -> REGISTRY.url() + "/token");
    }

    @Autowired
    RegistryReports reports;
    @Autowired
    RegistryFigures figures;
    @Autowired
    Resilience4JCircuitBreakerFactory breakers;
    @Autowired
    RetryRegistry retries;
    @Autowired
    FeignClientProperties feignClients;

    /** Whether the first call of this JVM was made (outside any test). */
    private static boolean warm;

    @BeforeEach
    void freshRegistry() {
        if (!warm) {
            // the first call builds the Feign client and fetches the service token: on a loaded machine that alone
            // can take longer than the time limit, so it is made here, whichever test runs first
            warm = true;
            REGISTRY.reports.put(ZJ, List.of());
            for (int attempt = 0; attempt < 3; attempt++) {
                try {
                    reports.series(ZJ);
                    break;
                } catch (ProblemException slow) {
                    // tried again: the client and the token are ready sooner or later
                }
            }
        }
        REGISTRY.reset();
        breaker().reset();
        scansBreaker().reset();
        SecurityContextHolder.clearContext();
    }

    @AfterAll
    static void stopRegistry() {
        REGISTRY.close();
    }

    @Test
    void reg03_theSeriesIsReadWithThePlatformsOwnIdentityAndParsed() {
        REGISTRY.reports.put(ZJ, List.of(
                month("2017-04", "900000.00", null, List.of()),
                month("2017-05", "1000000.00", "100000.00", List.of(product("12-month plan", 12, "9.80"),
                        product("3-month plan", 3, "12.50")))));

        List<MonthlyReport> series = reports.series(ZJ);

        assertThat(series).extracting(MonthlyReport::period).containsExactly("2017-04", "2017-05");
        MonthlyReport april = series.get(0);
        assertThat(april.loanBalance()).isEqualByComparingTo("900000.00");
        assertThat(april.newLending()).isNull();
        assertThat(april.products()).isEmpty();
        assertThat(april.highestYield()).isNull();
        MonthlyReport may = series.get(1);
        assertThat(may.loanBalance()).isEqualTo(new BigDecimal("1000000.00"));
        assertThat(may.lenders()).isEqualTo(200);
        assertThat(may.borrowers()).isEqualTo(100);
        assertThat(may.newLending()).isEqualTo(new BigDecimal("100000.00"));
        assertThat(may.overdueAmount()).isEqualTo(new BigDecimal("1000.00"));
        assertThat(may.products()).containsExactly(
                new MonthlyReport.Product("12-month plan", 12, new BigDecimal("9.80")),
                new MonthlyReport.Product("3-month plan", 3, new BigDecimal("12.50")));
        assertThat(may.highestYield()).isEqualTo(new BigDecimal("12.50"));

        assertThat(REGISTRY.requestsTo(REPORTS)).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.query()).isEmpty();
            assertThat(request.authorization()).isEqualTo("Bearer " + FakeRegistry.SERVICE_TOKEN);
        });
    }

    @Test
    void reg03_onAUsersRequestTheRegistryStillSeesThePlatformsOwnIdentity() {
        REGISTRY.reports.put(ZJ, List.of(month("2017-05", "1000000.00", "100000.00", List.of())));
        Jwt regulator = Jwt.withTokenValue("zj-officer-token").header("alg", "RS256").subject("id-zj-officer")
                .claim("preferred_username", "zj-officer").build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(regulator));
        try {
            assertThat(reports.series(ZJ)).hasSize(1);
        } finally {
            SecurityContextHolder.clearContext();
        }

        assertThat(REGISTRY.requestsTo(REPORTS)).singleElement().satisfies(request ->
                assertThat(request.authorization()).isEqualTo("Bearer " + FakeRegistry.SERVICE_TOKEN));
    }

    @Test
    void reg03_aPeriodIsSentAsFromAndToMonths() {
        REGISTRY.reports.put(ZJ, List.of());

        assertThat(reports.series(ZJ, YearMonth.of(2017, 1), YearMonth.of(2017, 6))).isEmpty();
        reports.series(ZJ, YearMonth.of(2016, 12), null);

        assertThat(REGISTRY.requestsTo(REPORTS)).extracting(FakeRegistry.Request::query).containsExactly(
                Map.of("from", "2017-01", "to", "2017-06"), Map.of("from", "2016-12"));
    }

    @Test
    void reg03_anInstitutionTheRegistryDoesNotKnowIsA404ProblemNeitherRetriedNorCountedByTheBreaker() {
        for (int i = 0; i < 12; i++) {
            ProblemException problem = catchThrowableOfType(ProblemException.class, () -> reports.series("unknown"));
            assertThat(problem.problemType()).isEqualTo(ProblemType.NOT_FOUND);
            assertThat(problem.getMessage()).isEqualTo("Institution unknown was not found");
        }

        assertThat(REGISTRY.requestsTo("/internal/registry/institutions/unknown/reports")).hasSize(12);
        assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker().getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void reg03_aRegistryAnswering5xxIsA503ProblemNamingItAfterTwoAttempts() {
        REGISTRY.reports.put(ZJ, List.of());
        REGISTRY.failWith = 503;

        assertUnavailable(() -> reports.series(ZJ));

        assertThat(REGISTRY.requestsTo(REPORTS)).hasSize(2);
    }

    @Test
    void reg03_aRefusalOfTheRegistryIsA503ProblemAndNotRetried() {
        REGISTRY.reports.put(ZJ, List.of());
        REGISTRY.failWith = 403; // a misconfigured service identity: the user can do nothing about it

        assertUnavailable(() -> reports.series(ZJ));

        assertThat(REGISTRY.requestsTo(REPORTS)).hasSize(1);
    }

    @Test
    void reg03_aRegistryTooSlowIsA503ProblemWithinSixSeconds() {
        REGISTRY.reports.put(ZJ, List.of());
        CountDownLatch release = new CountDownLatch(1);
        REGISTRY.holdReports = release;
        long started = System.nanoTime();
        try {
            assertUnavailable(() -> reports.series(ZJ));
        } finally {
            release.countDown();
        }

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
        assertThat(REGISTRY.requestsTo(REPORTS)).hasSize(2);
    }

    @Test
    void reg03_anOpenBreakerIsA503ProblemWithoutCallingTheRegistry() {
        REGISTRY.reports.put(ZJ, List.of());
        breaker().transitionToOpenState();

        assertUnavailable(() -> reports.series(ZJ));

        assertThat(REGISTRY.requestsTo(REPORTS)).isEmpty();
    }

    @Test
    void readsHaveTheirOwnBreakerWithATimeLimitAboveTheReadTimeoutAndTwoAttempts() {
        REGISTRY.reports.put(ZJ, List.of());
        reports.series(ZJ);

        assertThat(breaker().getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(1);
        assertThat(breakers.getTimeLimiterRegistry().find(RegistryReports.NAME)).hasValueSatisfying(limit ->
                assertThat(limit.getTimeLimiterConfig().getTimeoutDuration()).isEqualTo(Duration.ofMillis(2500)));
        assertThat(feignClients.getConfig().get(RegistryReports.NAME).getReadTimeout()).isEqualTo(2000);
        assertThat(feignClients.getConfig().get(RegistryReports.NAME).getConnectTimeout()).isEqualTo(1000);
        assertThat(retries.retry(RegistryReports.NAME).getRetryConfig().getMaxAttempts()).isEqualTo(2);
    }

    @Test
    void reg03_theHighestYieldIsTheLargestCompositeYieldOfTheMonthsProducts() {
        MonthlyReport none = new MonthlyReport("2017-05", BigDecimal.ONE, 1, 1, null, null, null);
        MonthlyReport some = new MonthlyReport("2017-05", BigDecimal.ONE, 1, 1, null, List.of(
                new MonthlyReport.Product("a", 1, new BigDecimal("9.8")),
                new MonthlyReport.Product("b", 6, null),
                new MonthlyReport.Product("c", 12, new BigDecimal("10.20"))), null);
        MonthlyReport unstated = new MonthlyReport("2017-05", BigDecimal.ONE, 1, 1, null,
                List.of(new MonthlyReport.Product("b", 6, null)), null);

        assertThat(none.products()).isEmpty();
        assertThat(none.highestYield()).isNull();
        assertThat(unstated.highestYield()).isNull();
        assertThat(some.highestYield()).isEqualTo(new BigDecimal("10.20"));
    }

    // ---- the bulk read of operating figures for the scans (INC-10, INC-11) -----------------------------------

    static final String FIGURES = "/internal/registry/report-figures";

    @Test
    void inc10_theFiguresOfABatchOfInstitutionsAreReadWithThePlatformsOwnIdentityAndParsed() {
        REGISTRY.figures.put("b", List.of(figure("2017-01", "0.00", "0.00", null), figure("2017-02", "0.00", "0.00",
                "1.50")));
        REGISTRY.figures.put("a", List.of(figure("2017-05", "1000000.00", "100000.00", "12.25")));
        REGISTRY.figures.put("c", List.of());

        List<InstitutionFigures> batch = figures.of(List.of("b", "a", "unknown"));

        assertThat(batch).extracting(InstitutionFigures::institutionId).containsExactly("a", "b");
        MonthFigures may = batch.get(0).figures().get(0);
        assertThat(may).isEqualTo(new MonthFigures("2017-05", new BigDecimal("1000000.00"), 200, 100,
                new BigDecimal("100000.00"), new BigDecimal("12.25")));
        assertThat(may.month()).isEqualTo(YearMonth.of(2017, 5));
        assertThat(batch.get(1).figures()).extracting(MonthFigures::period).containsExactly("2017-01", "2017-02");
        assertThat(batch.get(1).figures().get(0).overdueRate()).isNull();
        assertThat(figures.of(List.of("c")).get(0).figures()).isEmpty();

        assertThat(REGISTRY.requestsTo(FIGURES)).hasSize(2).allSatisfy(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.authorization()).isEqualTo("Bearer " + FakeRegistry.SERVICE_TOKEN);
        });
        assertThat(REGISTRY.requestsTo(FIGURES).get(0).body()).isEqualTo("{\"institutionIds\":[\"b\",\"a\",\"unknown\"]}");
    }

    @Test
    void inc10_aRegistryAnswering5xxToTheBulkReadIsA503ProblemNamingItAfterTwoAttempts() {
        REGISTRY.failWith = 503;

        assertUnavailable(() -> figures.of(List.of("a")));

        assertThat(REGISTRY.requestsTo(FIGURES)).hasSize(2);
    }

    @Test
    void inc10_aRefusalOfTheBulkReadIsA503ProblemAndNotRetried() {
        REGISTRY.failWith = 403;

        assertUnavailable(() -> figures.of(List.of("a")));

        assertThat(REGISTRY.requestsTo(FIGURES)).hasSize(1);
    }

    @Test
    void inc10_theScansHaveTheirOwnBreakerSoThatAnOpenOneOnEitherSideLeavesTheOtherWorking() {
        REGISTRY.figures.put("a", List.of(figure("2017-05", "1000000.00", "100000.00", "12.25")));
        REGISTRY.reports.put(ZJ, List.of());

        breaker().transitionToOpenState();
        assertThat(figures.of(List.of("a"))).hasSize(1);
        breaker().reset();
        scansBreaker().transitionToOpenState();
        assertThat(reports.series(ZJ)).isEmpty();
        assertUnavailable(() -> figures.of(List.of("a")));

        assertThat(REGISTRY.requestsTo(FIGURES)).hasSize(1);
        assertThat(breakers.getTimeLimiterRegistry().find(RegistryFigures.NAME)).hasValueSatisfying(limit ->
                assertThat(limit.getTimeLimiterConfig().getTimeoutDuration()).isEqualTo(Duration.ofSeconds(12)));
        assertThat(feignClients.getConfig().get(RegistryFigures.NAME).getReadTimeout()).isEqualTo(10_000);
        assertThat(retries.retry(RegistryFigures.NAME).getRetryConfig().getMaxAttempts()).isEqualTo(2);
    }

    @Test
    void inc10_aBatchNamesOneToAThousandInstitutions() {
        for (int size : new int[] {0, 1001}) {
            List<String> ids = IntStream.range(0, size).mapToObj(i -> "i-" + i).toList();
            assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> figures.of(ids))).isNotNull();
        }
        assertThat(REGISTRY.requestsTo(FIGURES)).isEmpty();
    }

    /** A month of the bulk read as the registry answers it, with a member this consumer does not read. */
    static Map<String, Object> figure(String period, String balance, String newLending, String overdueRate) {
        Map<String, Object> month = new HashMap<>();
        month.put("period", period);
        month.put("loanBalance", balance);
        month.put("lenders", 200);
        month.put("borrowers", 100);
        month.put("newLending", newLending);
        month.put("overdueRate", overdueRate);
        month.put("revision", 2);
        return month;
    }

    static void assertUnavailable(Runnable call) {
        ProblemException problem = catchThrowableOfType(ProblemException.class, call::run);
        assertThat(problem).as("a 503 problem").isNotNull();
        assertThat(problem.problemType()).isEqualTo(ProblemType.SERVICE_UNAVAILABLE);
        assertThat(problem.properties()).containsEntry("service", "registry-service");
        assertThat(problem.getMessage()).startsWith("registry-service is unavailable");
        assertThat(Problems.namesJavaCode(problem.getMessage())).isFalse();
    }

    private CircuitBreaker breaker() {
        return breakers.getCircuitBreakerRegistry().circuitBreaker(RegistryReports.NAME);
    }

    private CircuitBreaker scansBreaker() {
        return breakers.getCircuitBreakerRegistry().circuitBreaker(RegistryFigures.NAME);
    }

    /** A month as the registry answers it: the latest revision, with members this consumer does not read. */
    static Map<String, Object> month(String period, String balance, String newLending,
                                     List<Map<String, Object>> products) {
        Map<String, Object> report = new HashMap<>();
        report.put("id", ZJ + ":" + period + ":1");
        report.put("institutionId", ZJ);
        report.put("period", period);
        report.put("revision", 1);
        report.put("loanBalance", balance);
        report.put("lenders", 200);
        report.put("borrowers", 100);
        report.put("newLending", newLending);
        report.put("products", products);
        report.put("overdueAmount", "1000.00");
        report.put("overdueRate", "1.50");
        report.put("source", "INSTITUTION");
        report.put("reason", null);
        report.put("submittedBy", "zj-officer");
        report.put("submittedProvince", "33");
        report.put("submittedAt", "2017-06-01T01:00:00Z");
        return report;
    }

    static Map<String, Object> product(String name, int termMonths, String compositeYield) {
        return Map.of("name", name, "termMonths", termMonths, "compositeYield", compositeYield);
    }

    private static FakeRegistry start() {
        try {
            return new FakeRegistry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
