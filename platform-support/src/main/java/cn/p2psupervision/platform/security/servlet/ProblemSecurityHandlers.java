package cn.p2psupervision.platform.security.servlet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import cn.p2psupervision.platform.problem.ProblemType;
import cn.p2psupervision.platform.problem.Problems;

/**
 * 401 and 403 as problem details, keeping the {@code WWW-Authenticate} header of RFC 6750; and a 503 naming
 * {@code keycloak} when a token could not be checked at all because the realm's signing keys could not be
 * fetched (an {@link AuthenticationServiceException}: Keycloak down or too slow), which Spring Security would otherwise
 * rethrow as a 500.
 */
final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerAccessDenied = new BearerTokenAccessDeniedHandler();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException authException) throws IOException {
        if (authException instanceof AuthenticationServiceException) {
            response.setHeader("Retry-After", Problems.TOKEN_NOT_CHECKABLE_RETRY_AFTER);
            write(response, Problems.tokenNotCheckable());
            return;
        }
        bearerEntryPoint.commence(request, response, authException);
        write(response, ProblemType.UNAUTHENTICATED,
                request.getHeader("Authorization") == null
                        ? "This endpoint needs a bearer token"
                        : "The bearer token is not valid for this platform");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       AccessDeniedException accessDeniedException) throws IOException {
        bearerAccessDenied.handle(request, response, accessDeniedException);
        write(response, ProblemType.FORBIDDEN, "Your role does not allow " + request.getMethod() + " "
                + request.getRequestURI());
    }

    private static void write(HttpServletResponse response, ProblemType type, String detail) throws IOException {
        write(response, Problems.of(type, detail));
    }

    private static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(Problems.toJson(problem));
    }
}
