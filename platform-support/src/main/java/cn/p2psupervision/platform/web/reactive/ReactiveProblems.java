package cn.p2psupervision.platform.web.reactive;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

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

    /**
     * Text that names Java code: a package-qualified name or an exception or error class. Framework exceptions
     * sometimes put such names in their detail (e.g. the body type a codec could not read); a client must never see
     * them.
     */
    private static final Pattern JAVA_NAMES = Pattern.compile(
            "\\b(?:java|javax|jakarta|sun|com\\.sun|org\\.springframework|io\\.netty|reactor|tools\\.jackson"
                    + "|com\\.fasterxml|io\\.github|cn\\.p2psupervision)\\.\\w"
                    + "|\\w(?:Exception|Error)\\b");

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
        if (namesJavaCode(problem.getDetail())) {
            problem.setDetail(problem.getTitle());
        }
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

    /** Whether a text names Java packages, classes or exceptions (and so must not reach a client). */
    public static boolean namesJavaCode(String text) {
        return text != null && JAVA_NAMES.matcher(text).find();
    }
}
