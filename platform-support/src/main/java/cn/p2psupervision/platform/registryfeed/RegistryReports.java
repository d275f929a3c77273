package cn.p2psupervision.platform.registryfeed;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import feign.FeignException;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;

import cn.p2psupervision.platform.problem.ProblemException;

/**
 * An institution's monthly operating reports (REG-03) as another context reads them from the registry (issue 7: the
 * screening flags), never from the registry's database: the registry's {@code /internal/registry/institutions/{id}/reports}
 * with the platform's own {@code platform-services} identity, whoever asked. (The scans over every institution read
 * the figures in bulk through {@link RegistryFigures}, under limits of their own.)
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
        this.retry = RegistryCalls.retry(retries, NAME);
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
        Optional<List<MonthlyReport>> series = RegistryCalls.call(retry, breaker, () -> found(institutionId, from, to),
                log, "Operating reports of " + institutionId);
        return series.orElseThrow(() -> ProblemException.notFound("Institution", institutionId));
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
