package cn.p2psupervision.platform.web.reactive;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.problem.ProblemType;
import cn.p2psupervision.platform.problem.Problems;
import reactor.core.publisher.Mono;

/**
 * Every error the reactive stack raises (unknown path, bad method, body too large, unexpected failure) as a problem;
 * {@link ReactiveProblems} keeps Java names out of the detail.
 */
@Order(-2)
public class ReactiveProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ReactiveProblemExceptionHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        ProblemDetail problem;
        if (ex instanceof ProblemException problemException) {
            problem = problemException.toProblemDetail();
        } else if (ex instanceof DataBufferLimitException) {
            problem = Problems.of(ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than the gateway accepts");
        } else if (ex instanceof ErrorResponse errorResponse) {
            int status = errorResponse.getStatusCode().value();
            problem = Problems.of(ProblemType.forStatus(status), errorResponse.getBody().getDetail());
            problem.setStatus(status);
        } else {
            log.error("Unexpected error on {}", exchange.getRequest().getPath(), ex);
            problem = Problems.of(ProblemType.INTERNAL_ERROR, "An unexpected error occurred; quote the requestId");
        }
        return ReactiveProblems.write(exchange, problem);
    }
}
