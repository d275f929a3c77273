package cn.p2psupervision.acceptance.classificationfacts;

import java.util.Optional;
import java.util.concurrent.TimeoutException;

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
 * An institution's classification as acceptance needs it (ACC-01, ACC-02), read from classification-service on a
 * user's request, never from classification's database: {@code /internal/classification/institutions/{id}/acceptance-facts}
 * with the platform's own {@code platform-services} identity, whoever asked.
 *
 * <p>Kept short like the registry reads: each call goes through the Spring Cloud circuit breaker {@value #NAME}
 * (Resilience4j breaker, time limiter 2.5 s above the 2 s read timeout), retried once after 200 ms by the Resilience4j
 * retry {@value #NAME} (acceptance's {@code application.yml}). A classification service that is down, too slow,
 * answers 5xx, refuses the call or whose breaker is open is a 503 problem naming {@value #SERVICE}; an institution it
 * does not know is a 404 problem. A 404 is an answer, not a failure: neither retried nor counted by the breaker.
 */
public class ClassificationFacts {

    /** Name of the Feign client, the breaker, the time limiter and the retry. */
    public static final String NAME = "classification-reads";
    /** The dependency a 503 problem names. */
    public static final String SERVICE = "classification-service";
    private static final Logger log = LoggerFactory.getLogger(ClassificationFacts.class);

    private final ClassificationFactsClient client;
    private final CircuitBreaker breaker;
    private final Retry retry;

    ClassificationFacts(ClassificationFactsClient client, CircuitBreakerFactory<?, ?> breakers,
                        RetryRegistry retries) {
        this.client = client;
        this.breaker = breakers.create(NAME);
        RetryConfig configured = retries.getConfiguration(NAME).orElseGet(retries::getDefaultConfig);
        this.retry = retries.retry(NAME, RetryConfig.from(configured)
                .retryOnException(ClassificationFacts::worthRetrying).build());
    }

    /**
     * ACC-01/ACC-02: the approved decision, the rectification order's state and the current findings.
     *
     * @throws ProblemException 404 when classification does not know the institution; 503 naming
     *                          {@value #SERVICE} when it cannot answer now
     */
    public AcceptanceFacts of(String institutionId) {
        Optional<AcceptanceFacts> facts;
        try {
            facts = retry.executeSupplier(() -> breaker.run(() -> found(institutionId),
                    ClassificationFacts::rethrow));
        } catch (RuntimeException failure) {
            if (failure instanceof CallNotPermittedException) {
                log.debug("Classification facts of {} not read: the breaker is open", institutionId);
            } else {
                log.warn("Classification facts of {} not read: {}", institutionId, describe(failure));
            }
            throw ProblemException.unavailable(SERVICE);
        }
        return facts.orElseThrow(() -> ProblemException.notFound("Institution", institutionId));
    }

    /** One call; empty when classification answers 404. */
    private Optional<AcceptanceFacts> found(String institutionId) {
        try {
            return Optional.ofNullable(client.facts(institutionId));
        } catch (FeignException.NotFound unknown) {
            return Optional.empty();
        }
    }

    /** A refusal (4xx) or an open breaker is not retried; a failure that may pass is. */
    static boolean worthRetrying(Throwable failure) {
        return !(failure instanceof FeignException.FeignClientException)
                && !(failure instanceof CallNotPermittedException);
    }

    /** The breaker's fallback: no fallback, the failure itself (a time limit reached is a checked exception). */
    private static <T> T rethrow(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof TimeoutException) {
            throw new IllegalStateException(SERVICE + " did not answer within the time limit", failure);
        }
        throw new IllegalStateException(SERVICE + " could not be called", failure);
    }

    private static String describe(Throwable failure) {
        if (failure instanceof FeignException answer && answer.status() > 0) {
            return SERVICE + " answered " + answer.status();
        }
        return failure.getMessage() == null ? SERVICE + " could not be called" : failure.getMessage();
    }
}
