package cn.p2psupervision.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.server.ResponseStatusException;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/** The fallback's answer for each way a routed call can fail. */
class BreakerFallbackTest {

    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
            .waitDurationInOpenState(Duration.ofMillis(7500)).build());

    @Test
    void a5xxAnswerKeepsItsStatus() {
        BreakerFallback fallback = BreakerFallback.of("registry-service",
                new HttpServerErrorException(HttpStatus.BAD_GATEWAY), breakers);

        assertProblem(fallback.problem(), 502, "service-error");
        assertThat(fallback.retryAfter()).isNull();
    }

    @Test
    void anOpenBreakerIs503RetryAfterItsOpenTime() {
        CircuitBreaker breaker = breakers.circuitBreaker("registry-service");
        breaker.transitionToOpenState();

        BreakerFallback fallback = BreakerFallback.of("registry-service",
                CallNotPermittedException.createCallNotPermittedException(breaker), breakers);

        assertProblem(fallback.problem(), 503, "service-unavailable");
        assertThat(fallback.retryAfter()).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void aFullBulkheadIs503RetryAfterASecond() {
        BreakerFallback fallback = BreakerFallback.of("registry-service",
                BulkheadFullException.createBulkheadFullException(Bulkhead.ofDefaults("registry-service")), breakers);

        assertProblem(fallback.problem(), 503, "service-unavailable");
        assertThat(fallback.retryAfter()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void theTimeLimitersTimeoutIs504() {
        BreakerFallback fallback = BreakerFallback.of("registry-service", new TimeoutException("Did not observe"),
                breakers);

        assertProblem(fallback.problem(), 504, "gateway-timeout");
    }

    @Test
    void theHttpClientsResponseTimeoutIs504() {
        BreakerFallback fallback = BreakerFallback.of("registry-service",
                new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "Response took longer than timeout: PT10S"),
                breakers);

        assertProblem(fallback.problem(), 504, "gateway-timeout");
    }

    @Test
    void anUnreachableServiceIs503WithoutAGuessWhenToRetry() {
        BreakerFallback fallback = BreakerFallback.of("registry-service",
                new ConnectException("Connection refused: localhost/127.0.0.1:8081"), breakers);

        assertProblem(fallback.problem(), 503, "service-unavailable");
        assertThat(fallback.retryAfter()).isNull();
    }

    @Test
    void noRecordedFailureIs503() {
        assertProblem(BreakerFallback.of("registry-service", null, breakers).problem(), 503, "service-unavailable");
    }

    private static void assertProblem(ProblemDetail problem, int status, String type) {
        assertThat(problem.getStatus()).isEqualTo(status);
        assertThat(problem.getType()).hasToString("urn:p2p-supervision:problem:" + type);
        assertThat(problem.getProperties()).containsEntry("service", "registry-service");
        assertThat(problem.getDetail()).startsWith("registry-service ")
                .doesNotContainPattern(RoutedGatewayTest.JAVA_NAMES);
    }
}
