package cn.p2psupervision.gateway;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.server.ResponseStatusException;

import cn.p2psupervision.platform.problem.ProblemType;
import cn.p2psupervision.platform.problem.Problems;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * What a route's circuit-breaker fallback answers, by why the call to the service failed:
 * <ul>
 * <li>the service answered a 5xx the route counts as a failure: that status, {@code service-error};</li>
 * <li>the breaker is open: 503 {@code service-unavailable} with {@code Retry-After} = the breaker's open time;</li>
 * <li>the route's bulkhead is full: 503 {@code service-unavailable} with {@code Retry-After: 1};</li>
 * <li>the service did not answer in time (HTTP client response timeout or the breaker's time limiter): 504
 * {@code gateway-timeout};</li>
 * <li>anything else (refused or reset connection, ...): 503 {@code service-unavailable}.</li>
 * </ul>
 * Every problem names the service in its {@code service} member and never the exception.
 *
 * @param problem    the problem to answer
 * @param retryAfter when to try again, or {@code null} when the gateway cannot tell
 */
record BreakerFallback(ProblemDetail problem, Duration retryAfter) {

    /** A full bulkhead frees up as soon as one call in flight completes. */
    static final Duration BULKHEAD_RETRY_AFTER = Duration.ofSeconds(1);

    static BreakerFallback of(String service, Throwable failure, CircuitBreakerRegistry breakers) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpStatusCodeException answered && answered.getStatusCode().is5xxServerError()) {
                return serviceError(service, answered.getStatusCode().value());
            }
            if (cause instanceof CallNotPermittedException open) {
                return breakerOpen(service, openTime(open, breakers));
            }
            if (cause instanceof BulkheadFullException) {
                return new BreakerFallback(problem(ProblemType.SERVICE_UNAVAILABLE, service,
                        service + " has as many requests in progress as it may take; try again in a second"),
                        BULKHEAD_RETRY_AFTER);
            }
            if (cause instanceof TimeoutException || cause instanceof ResponseStatusException timedOut
                    && timedOut.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
                return new BreakerFallback(problem(ProblemType.GATEWAY_TIMEOUT, service,
                        service + " did not answer in time; try again later"), null);
            }
        }
        return new BreakerFallback(problem(ProblemType.SERVICE_UNAVAILABLE, service,
                service + " is unavailable; try again shortly"), null);
    }

    private static BreakerFallback serviceError(String service, int status) {
        ProblemDetail problem = problem(ProblemType.SERVICE_ERROR, service,
                service + " failed to handle the request (status " + status + "); quote the requestId");
        problem.setStatus(status);
        return new BreakerFallback(problem, null);
    }

    private static BreakerFallback breakerOpen(String service, Duration openTime) {
        return new BreakerFallback(problem(ProblemType.SERVICE_UNAVAILABLE, service,
                service + " has been failing, so the gateway stops calling it for " + openTime.toSeconds()
                        + " s; try again then"), openTime);
    }

    /** How long the breaker stays open before it lets trial calls through, rounded up to whole seconds (min 1). */
    private static Duration openTime(CallNotPermittedException open, CircuitBreakerRegistry breakers) {
        long millis = breakers.find(open.getCausingCircuitBreakerName())
                .map(breaker -> breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1))
                .orElse(1000L);
        return Duration.ofSeconds(Math.max(1, (millis + 999) / 1000));
    }

    private static ProblemDetail problem(ProblemType type, String service, String detail) {
        ProblemDetail problem = Problems.of(type, detail);
        problem.setProperty("service", service);
        return problem;
    }
}
