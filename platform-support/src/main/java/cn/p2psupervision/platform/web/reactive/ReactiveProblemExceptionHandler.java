package cn.p2psupervision.platform.web.reactive;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.problem.ProblemType;
import cn.p2psupervision.platform.problem.Problems;
import reactor.core.publisher.Mono;

/** Every error the reactive stack raises (unknown path, bad method, unexpected failure) as a problem. */
@Order(-2)
public class ReactiveProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ReactiveProblemExceptionHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        ProblemDetail problem;
        if (ex instanceof ProblemException problemException) {
            problem = problemException.toProblemDetail();
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
