package cn.p2psupervision.gateway;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import org.reactivestreams.Publisher;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import cn.p2psupervision.platform.problem.ProblemType;
import cn.p2psupervision.platform.problem.Problems;
import cn.p2psupervision.platform.web.reactive.ReactiveProblems;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Turns an error a routed service answers without JSON into a problem of the same status. The services answer
 * their own errors as problems, but the servlet container answers some malformed requests before the application
 * sees them (Tomcat's HTML 400 page for an unencoded {@code [} in the query, for instance). The container's body is
 * read and dropped; JSON and problem bodies, and every non-error answer, pass through untouched.
 *
 * <p>It decorates the response before {@link NettyWriteResponseFilter} copies the service's body into it.
 */
@Component
class DownstreamErrorProblemFilter implements GlobalFilter, Ordered {

    /** Route metadata key naming the service a route leads to, e.g. {@code registry-service}. */
    static final String SERVICE_METADATA = "service";
    /**
     * Route metadata key: {@value #ERROR_PAGES_PASS_THROUGH} leaves that route's error answers untouched (the portal's
     * HTML error pages, written for people, not for API clients).
     */
    static final String ERROR_PAGES_METADATA = "error-pages";
    static final String ERROR_PAGES_PASS_THROUGH = "pass-through";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange.mutate().response(new ProblemsForErrors(exchange)).build());
    }

    @Override
    public int getOrder() {
        return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;
    }

    /** The response as the routed service's answer is written into it. */
    private static final class ProblemsForErrors extends ServerHttpResponseDecorator {

        private final ServerWebExchange exchange;

        ProblemsForErrors(ServerWebExchange exchange) {
            super(exchange.getResponse());
            this.exchange = exchange;
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            if (!isErrorWithoutJson()) {
                return super.writeWith(body);
            }
            return Flux.from(body).doOnNext(DataBufferUtils::release).then(Mono.defer(this::writeProblem));
        }

        @Override
        public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
            if (!isErrorWithoutJson()) {
                return super.writeAndFlushWith(body);
            }
            return Flux.from(body).concatMap(Flux::from).doOnNext(DataBufferUtils::release)
                    .then(Mono.defer(this::writeProblem));
        }

        private boolean isErrorWithoutJson() {
            HttpStatusCode status = getStatusCode();
            return status != null && status.isError() && !isJson() && !passesErrorPagesThrough();
        }

        private boolean passesErrorPagesThrough() {
            Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
            return route != null
                    && ERROR_PAGES_PASS_THROUGH.equals(route.getMetadata().get(ERROR_PAGES_METADATA));
        }

        private boolean isJson() {
            try {
                MediaType type = getHeaders().getContentType();
                return type != null && (MediaType.APPLICATION_JSON.isCompatibleWith(type)
                        || type.getSubtype().endsWith("+json"));
            } catch (InvalidMediaTypeException unreadable) {
                return false;
            }
        }

        private Mono<Void> writeProblem() {
            int status = getStatusCode().value();
            String service = service();
            String who = service != null ? service : "The service";
            ProblemDetail problem;
            if (status >= 500) {
                problem = Problems.of(ProblemType.SERVICE_ERROR,
                        who + " failed to handle the request (status " + status + "); quote the requestId");
            } else if (status == 400) {
                problem = Problems.of(ProblemType.MALFORMED_REQUEST, who + " refused the request as malformed;"
                        + " percent-encode characters such as [ ] { } | \\ ^ and spaces in the path and query");
            } else {
                problem = Problems.of(ProblemType.forStatus(status),
                        who + " refused the request (status " + status + ")");
            }
            problem.setStatus(status);
            if (service != null) {
                problem.setProperty("service", service);
            }
            HttpHeaders headers = getHeaders();
            headers.remove(HttpHeaders.CONTENT_LENGTH);
            headers.remove(HttpHeaders.TRANSFER_ENCODING);
            headers.remove(HttpHeaders.CONTENT_ENCODING);
            headers.remove(HttpHeaders.CONTENT_LANGUAGE);
            headers.remove(HttpHeaders.CONTENT_DISPOSITION);
            return ReactiveProblems.write(exchange, problem);
        }

        /** The service the route leads to, from the route's {@code service} metadata, if it has one. */
        private String service() {
            Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
            Object service = route == null ? null : route.getMetadata().get(SERVICE_METADATA);
            return service != null ? service.toString() : null;
        }
    }
}
