package cn.p2psupervision.platform.security.reactive;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.server.BearerTokenServerAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.server.BearerTokenServerAccessDeniedHandler;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

import cn.p2psupervision.platform.problem.ProblemType;
import cn.p2psupervision.platform.web.reactive.ReactiveProblems;
import reactor.core.publisher.Mono;

/** 401 and 403 as problem details at the gateway, keeping the {@code WWW-Authenticate} header. */
final class ReactiveProblemSecurityHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private final BearerTokenServerAuthenticationEntryPoint bearerEntryPoint = new BearerTokenServerAuthenticationEntryPoint();
    private final BearerTokenServerAccessDeniedHandler bearerAccessDenied = new BearerTokenServerAccessDeniedHandler();

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        String detail = exchange.getRequest().getHeaders().getFirst("Authorization") == null
                ? "This endpoint needs a bearer token"
                : "The bearer token is not valid for this platform";
        return bearerEntryPoint.commence(exchange, ex)
                .then(Mono.defer(() -> ReactiveProblems.write(exchange, ProblemType.UNAUTHENTICATED, detail)));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return bearerAccessDenied.handle(exchange, denied)
                .then(Mono.defer(() -> ReactiveProblems.write(exchange, ProblemType.FORBIDDEN,
                        "Your role does not allow " + exchange.getRequest().getMethod() + " "
                                + exchange.getRequest().getPath())));
    }
}
