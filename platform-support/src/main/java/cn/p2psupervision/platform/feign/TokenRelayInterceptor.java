package cn.p2psupervision.platform.feign;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

import cn.p2psupervision.platform.requestid.RequestIds;

/**
 * Service-to-service calls act as the user who started them: the caller's own access token is relayed, so the
 * called service applies the same province scope. Work with no user (scheduled jobs) uses the
 * {@code platform-services} client-credentials token, which reaches only {@code /internal/**}.
 * The request id travels along.
 */
public class TokenRelayInterceptor implements RequestInterceptor {

    private final ServiceTokenSource serviceTokens;

    public TokenRelayInterceptor(ServiceTokenSource serviceTokens) {
        this.serviceTokens = serviceTokens;
    }

    @Override
    public void apply(RequestTemplate template) {
        String requestId = MDC.get(RequestIds.MDC_KEY);
        if (requestId != null) {
            template.header(RequestIds.HEADER, requestId);
        }
        if (template.headers().containsKey(HttpHeaders.AUTHORIZATION)) {
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof AbstractOAuth2TokenAuthenticationToken<?> token) {
            template.header(HttpHeaders.AUTHORIZATION, "Bearer " + token.getToken().getTokenValue());
        } else {
            serviceTokens.currentToken()
                    .ifPresent(value -> template.header(HttpHeaders.AUTHORIZATION, "Bearer " + value));
        }
    }

    /** Where background work gets its own token; empty when the service has no client registration. */
    @FunctionalInterface
    public interface ServiceTokenSource {
        java.util.Optional<String> currentToken();
    }
}
