package cn.p2psupervision.gateway;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import cn.p2psupervision.platform.security.Caller;
import cn.p2psupervision.platform.security.CallerView;
import cn.p2psupervision.platform.web.reactive.ReactiveProblems;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import reactor.core.publisher.Mono;

/** What the gateway answers itself: who is calling, and the problem when a routed call fails. */
@RestController
class GatewayController {

    private static final Logger log = LoggerFactory.getLogger(GatewayController.class);

    private final CircuitBreakerRegistry breakers;

    GatewayController(CircuitBreakerRegistry breakers) {
        this.breakers = breakers;
    }

    /** {@code GET /api/v1/me}: the caller as the gateway validated the token. */
    @GetMapping("/api/v1/me")
    CallerView me(Caller caller) {
        return CallerView.of(caller);
    }

    /**
     * Circuit-breaker fallback of every route (the gateway forwards here; clients cannot reach it): a problem naming
     * the service, with the status that fits the failure (see {@link BreakerFallback}).
     */
    @RequestMapping("/fallback/{service}")
    Mono<Void> fallback(@PathVariable String service, ServerWebExchange exchange) {
        Throwable failure = exchange.getAttribute(CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        BreakerFallback fallback = BreakerFallback.of(service, failure, breakers);
        log.debug("Call to {} failed ({}): answering {}", service, failure, fallback.problem().getStatus());
        if (fallback.retryAfter() != null) {
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER,
                    String.valueOf(fallback.retryAfter().toSeconds()));
        }
        return ReactiveProblems.write(exchange, fallback.problem());
    }
}
