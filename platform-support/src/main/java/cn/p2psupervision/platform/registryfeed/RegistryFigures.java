package cn.p2psupervision.platform.registryfeed;

import java.util.Collection;
import java.util.List;

import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;

import cn.p2psupervision.platform.problem.ProblemException;

/**
 * REG-03 in bulk, for a context's scans over every institution it knows (incidents: INC-10 zombie institutions, INC-11
 * off-site monitoring): the whole series of headline figures of a batch of institutions named by id, read from the
 * registry's {@code /internal/registry/report-figures} with the platform's own {@code platform-services} identity. The
 * caller pages over its own projection of the registry ({@link InstitutionDirectory#ids()}), so the registry answers
 * each batch with one {@code _id} lookup, never a range scan.
 *
 * <p>A scan is background work, so it has limits of its own, apart from the reads on a user's request
 * ({@link RegistryReports}) so that neither opens the other's breaker: the Feign client, breaker, time limiter and retry
 * {@value #NAME} (settings in {@code platform-defaults.yml}: 10 s read timeout, 12 s time limit, two attempts 1 s
 * apart). A registry that is down, too slow, answers 5xx or whose breaker is open is a 503 problem naming
 * {@code registry-service}.
 */
public class RegistryFigures {

    /** Name of the Feign client, the breaker, the time limiter and the retry. */
    public static final String NAME = "registry-scans";
    /** The most institutions one batch may name (the registry's limit). */
    public static final int MAX_BATCH = 1000;
    private static final Logger log = LoggerFactory.getLogger(RegistryFigures.class);

    private final RegistryFiguresClient client;
    private final CircuitBreaker breaker;
    private final Retry retry;

    RegistryFigures(RegistryFiguresClient client, CircuitBreakerFactory<?, ?> breakers, RetryRegistry retries) {
        this.client = client;
        this.breaker = breakers.create(NAME);
        this.retry = RegistryCalls.retry(retries, NAME);
    }

    /**
     * The series of each of {@code institutionIds} that has figures, by ascending id, each month the latest revision's,
     * the oldest first; an institution without figures, or unknown to the registry, is not among them.
     *
     * @param institutionIds 1 to {@value #MAX_BATCH} ids of the registry
     * @throws ProblemException 503 naming {@code registry-service} when the registry cannot answer now
     */
    public List<InstitutionFigures> of(Collection<String> institutionIds) {
        if (institutionIds.isEmpty() || institutionIds.size() > MAX_BATCH) {
            throw new IllegalArgumentException("a batch names 1 to " + MAX_BATCH + " institutions: "
                    + institutionIds.size());
        }
        RegistryFiguresClient.Request request = new RegistryFiguresClient.Request(List.copyOf(institutionIds));
        RegistryFiguresClient.Batch batch = RegistryCalls.call(retry, breaker, () -> client.figures(request), log,
                "Operating figures of " + institutionIds.size() + " institutions");
        return batch == null ? List.of() : batch.items();
    }
}
