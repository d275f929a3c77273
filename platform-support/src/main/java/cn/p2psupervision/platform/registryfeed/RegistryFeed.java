package cn.p2psupervision.platform.registryfeed;

import java.util.function.Supplier;

import feign.FeignException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;

import cn.p2psupervision.platform.feign.TokenRelayInterceptor;

/**
 * The registry's feed endpoints as a consuming service calls them: each call through the Spring Cloud circuit
 * breaker {@value #NAME} (Resilience4j breaker and a time limiter above the HTTP read timeout), retried by the
 * Resilience4j retry {@value #NAME} (settings in {@code platform-defaults.yml}). Called from the poller, with no user:
 * {@link TokenRelayInterceptor} sends the platform's own {@code platform-services} token, the only one the registry's
 * {@code /internal/**} accepts.
 */
public class RegistryFeed {

    /** Name of the Feign client, the breaker, the time limiter and the retry. */
    public static final String NAME = "registry-feed";

    private final RegistryFeedClient client;
    private final CircuitBreaker breaker;
    private final Retry retry;

    RegistryFeed(RegistryFeedClient client, CircuitBreakerFactory<?, ?> breakers, RetryRegistry retries) {
        this.client = client;
        this.breaker = breakers.create(NAME);
        this.retry = RegistryCalls.retry(retries, NAME);
    }

    RegistryFeedClient.ReferencePage reference(String after, int limit) {
        return call(() -> client.reference(after, limit));
    }

    RegistryFeedClient.ChangePage changes(long after, int limit) {
        return call(() -> client.changes(after, limit));
    }

    private <T> T call(Supplier<T> request) {
        return retry.executeSupplier(() -> breaker.run(request, RegistryFeed::rethrow));
    }

    /**
     * Whether another attempt may succeed: not when the registry refused the request (4xx: the token, the role or the
     * request is wrong, and stays so), nor while the breaker is open.
     */
    static boolean worthRetrying(Throwable failure) {
        return !(failure instanceof FeignException.FeignClientException)
                && !(failure instanceof CallNotPermittedException);
    }

    /** The breaker's fallback: no fallback, the failure itself (a time limit reached is a checked exception). */
    private static <T> T rethrow(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw new IllegalStateException("The registry did not answer: " + failure, failure);
    }
}
