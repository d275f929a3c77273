package cn.p2psupervision.platform.web.reactive;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import cn.p2psupervision.platform.requestid.RequestIds;
import reactor.core.publisher.Mono;

/**
 * Gives every request an {@code X-Request-Id} at the edge: kept if well formed, else made; passed to the routed
 * service, echoed to the client, and kept as an exchange attribute for problems written here.
 *
 * <p>The response header is set just before the response is committed, replacing whatever is there by then: a routed
 * service echoes the id it was given, and the gateway copies the service's headers onto its own response, so setting
 * it earlier would answer the id twice. (A circuit-breaker fallback also removes the copied headers, which would take
 * an early id with them.)
 */
public class RequestIdWebFilter implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requestId = RequestIds.acceptOrCreate(exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER));
        ServerWebExchange withId = exchange.mutate()
                .request(request -> request.headers(headers -> headers.set(RequestIds.HEADER, requestId)))
                .build();
        withId.getAttributes().put(RequestIds.MDC_KEY, requestId);
        ServerHttpResponse response = withId.getResponse();
        response.beforeCommit(() -> {
            response.getHeaders().set(RequestIds.HEADER, requestId);
            return Mono.empty();
        });
        return chain.filter(withId);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
