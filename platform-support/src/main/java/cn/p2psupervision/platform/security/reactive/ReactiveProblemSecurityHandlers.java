package cn.p2psupervision.platform.security.reactive;

import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

import cn.p2psupervision.platform.problem.ProblemType;
import cn.p2psupervision.platform.problem.Problems;
import cn.p2psupervision.platform.web.reactive.ReactiveProblems;
import reactor.core.publisher.Mono;

/**
 * 401 and 403 as problem details at the gateway, with the {@code WWW-Authenticate} challenge of RFC 6750; 503 naming
 * {@code keycloak} when a token could not be checked at all (the realm's signing keys not fetched), which Spring
 * Security would otherwise rethrow as a 500.
 * (Spring's bearer entry point completes the response itself, leaving no room for a body, so the header is set here.)
 */
final class ReactiveProblemSecurityHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        if (ex instanceof AuthenticationServiceException) {
            // the token could not be checked at all: the realm's signing keys could not be fetched
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Problems.TOKEN_NOT_CHECKABLE_RETRY_AFTER);
            return ReactiveProblems.write(exchange, Problems.tokenNotCheckable());
        }
        boolean tokenSent = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION) != null;
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                tokenSent ? "Bearer error=\"invalid_token\"" : "Bearer");
        return ReactiveProblems.write(exchange, ProblemType.UNAUTHENTICATED, tokenSent
                ? "The bearer token is not valid for this platform"
                : "This endpoint needs a bearer token");
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
        return ReactiveProblems.write(exchange, ProblemType.FORBIDDEN,
                "Your role does not allow " + exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath());
    }
}
