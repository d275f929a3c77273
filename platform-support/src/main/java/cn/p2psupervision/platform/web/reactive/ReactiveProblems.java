package cn.p2psupervision.platform.web.reactive;

import java.nio.charset.StandardCharsets;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

import cn.p2psupervision.platform.problem.ProblemType;
import cn.p2psupervision.platform.problem.Problems;
import cn.p2psupervision.platform.requestid.RequestIds;
import reactor.core.publisher.Mono;

/** Writes a problem straight to a reactive response (security handlers, error handler, gateway fallbacks). */
public final class ReactiveProblems {

    private ReactiveProblems() {
    }

    public static Mono<Void> write(ServerWebExchange exchange, ProblemType type, String detail) {
        ProblemDetail problem = Problems.of(type, detail);
        return write(exchange, problem);
    }

    /**
     * Writes the problem as {@code application/problem+json} with the exchange's request id; a detail that names Java
     * code is replaced by the problem's title. Does nothing if the response is already committed.
     */
    public static Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        String requestId = exchange.getAttribute(RequestIds.MDC_KEY);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        Problems.withoutJavaNames(problem);
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        byte[] json = Problems.toJson(problem).getBytes(StandardCharsets.UTF_8);
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(json.length);
        DataBuffer body = response.bufferFactory().wrap(json);
        return response.writeWith(Mono.just(body));
    }

}
