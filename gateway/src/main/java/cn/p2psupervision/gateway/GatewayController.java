package cn.p2psupervision.gateway;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.requestid.RequestIds;
import cn.p2psupervision.platform.security.Caller;
import cn.p2psupervision.platform.security.CallerView;

/** What the gateway answers itself: who is calling, and the problem when a routed service is down. */
@RestController
class GatewayController {

    /** {@code GET /api/v1/me}: the caller as the gateway validated the token. */
    @GetMapping("/api/v1/me")
    CallerView me(Caller caller) {
        return CallerView.of(caller);
    }

    /** Circuit-breaker fallback of every route: a 503 problem naming the unavailable service. */
    @RequestMapping("/fallback/{service}")
    ResponseEntity<ProblemDetail> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemException.unavailable(service).toProblemDetail();
        String requestId = exchange.getAttribute(RequestIds.MDC_KEY);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
