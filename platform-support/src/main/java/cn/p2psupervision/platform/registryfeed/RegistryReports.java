package cn.p2psupervision.platform.registryfeed;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import feign.FeignException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;

import cn.p2psupervision.platform.problem.ProblemException;

/**
 * An institution's monthly operating reports (REG-03) as another context reads them from the registry (issue 7: the
 * screening flags), never from the registry's database: the registry's {@code /internal/registry/institutions/{id}/reports}
 * with the platform's own {@code platform-services} identity, whoever asked; and every institution's headline figures
 * in pages ({@link #figures}, {@code /internal/registry/report-figures}) for the scans over all of them.
 *
 * <p>This read is on a user's request path, so it is kept short: each call goes through the Spring Cloud circuit
 * breaker {@value #NAME} (Resilience4j breaker, time limiter 2.5 s above the 2 s read timeout), retried once after
 * 200 ms by the Resilience4j retry {@value #NAME} (settings in {@code platform-defaults.yml}): at most about 5 s in
 * all. A registry that is down, too slow, answers 5xx or whose breaker is open is a 503 problem naming
 * {@code registry-service}; an institution the registry does not know is a 404 problem. A 404 is an answer, not a
 * failure: it is neither retried nor counted by the breaker.
 */
public class RegistryReports {

    /** Name of the Feign client, the breaker, the time limiter and the retry. */
    public static final String NAME = "registry-reads";
    private static final Logger log = LoggerFactory.getLogger(RegistryReports.class);

    private final RegistryReportsClient client;
    private final CircuitBreaker breaker;
    private final Retry retry;

    RegistryReports(RegistryReportsClient client, CircuitBreakerFactory<?, ?> breakers, RetryRegistry retries) {
        this.client = client;
        this.breaker = breakers.create(NAME);
        RetryConfig configured = retries.getConfiguration(NAME).orElseGet(retries::getDefaultConfig);
        this.retry = retries.retry(NAME, RetryConfig.from(configured).retryOnException(RegistryFeed::worthRetrying)
                .build());
    }

    /**
     * REG-03: the institution's series, the latest revision of each month, the oldest first.
     *
     * @param institutionId the registry's id of the institution (or its credit code)
     * @throws ProblemException 404 when the registry does not know the institution; 503 naming
     *                          {@code registry-service} when the registry cannot answer now
     */
    public List<MonthlyReport> series(String institutionId) {
        return series(institutionId, null, null);
    }

    /**
     * REG-03: the institution's series between {@code from} and {@code to} (both included; null: unbounded).
     *
     * @throws ProblemException 404 when the registry does not know the institution; 503 naming
     *                          {@code registry-service} when the registry cannot answer now
     */
    public List<MonthlyReport> series(String institutionId, YearMonth from, YearMonth to) {
        Optional<List<MonthlyReport>> series;
        try {
            series = retry.executeSupplier(() -> breaker.run(
                    () -> found(institutionId, from, to), RegistryCalls::rethrow));
        } catch (RuntimeException failure) {
            if (failure instanceof CallNotPermittedException) {
                log.debug("Operating reports of {} not read: {}", institutionId, RegistryCalls.describe(failure));
            } else {
                log.warn("Operating reports of {} not read: {}", institutionId, RegistryCalls.describe(failure));
            }
            throw ProblemException.unavailable(RegistryCalls.SERVICE);
        }
        return series.orElseThrow(() -> ProblemException.notFound("Institution", institutionId));
    }

    /** The most institutions one page of {@link #figures} may ask for (the registry's limit). */
    public static final int MAX_FIGURES_PAGE = 1000;

    /**
     * REG-03 in bulk, for the scans over every institution (incidents: INC-10 zombie institutions, INC-11 off-site
     * monitoring): one page of the registry's {@code /internal/registry/report-figures}, the institutions with an id
     * after {@code after} in id order, each with its whole series of headline figures, the oldest month first. Page
     * on with {@link FiguresPage#next()} until it is null. Each page is one call through the same breaker, time
     * limiter and retry as {@link #series}.
     *
     * @param after the {@code next} of the previous page, or null for the first page
     * @param limit institutions per page, 1 to {@value #MAX_FIGURES_PAGE}
     * @throws ProblemException 503 naming {@code registry-service} when the registry cannot answer now
     */
    public FiguresPage figures(String after, int limit) {
        if (limit < 1 || limit > MAX_FIGURES_PAGE) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_FIGURES_PAGE + ": " + limit);
        }
        try {
            FiguresPage page = retry.executeSupplier(() -> breaker.run(
                    () -> client.figures(after, limit), RegistryCalls::rethrow));
            return page == null ? new FiguresPage(List.of(), null) : page;
        } catch (RuntimeException failure) {
            if (failure instanceof CallNotPermittedException) {
                log.debug("Operating figures after {} not read: {}", after, RegistryCalls.describe(failure));
            } else {
                log.warn("Operating figures after {} not read: {}", after, RegistryCalls.describe(failure));
            }
            throw ProblemException.unavailable(RegistryCalls.SERVICE);
        }
    }

    /** One call; empty when the registry answers 404 (the institution does not exist). */
    private Optional<List<MonthlyReport>> found(String institutionId, YearMonth from, YearMonth to) {
        try {
            List<MonthlyReport> series = client.series(institutionId, from == null ? null : from.toString(),
                    to == null ? null : to.toString());
            return Optional.of(series == null ? List.of() : List.copyOf(series));
        } catch (FeignException.NotFound unknown) {
            return Optional.empty();
        }
    }
}
