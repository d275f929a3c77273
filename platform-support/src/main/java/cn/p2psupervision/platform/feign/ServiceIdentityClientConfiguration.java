package cn.p2psupervision.platform.feign;

import java.util.Optional;

import feign.Feign;
import feign.RequestInterceptor;
import feign.RequestTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Scope;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;

/**
 * Feign configuration of a client that calls another service's {@code /internal/**} endpoints (the registry's
 * reports and status, classification's acceptance facts, ...), named in the client's {@code @FeignClient(configuration
 * = ...)} alone (not a {@code @Configuration}, so no component scan picks it up):
 * <ul>
 *   <li>a plain builder, without the breaker OpenFeign would otherwise put around each method under a generated name,
 *       because the caller (e.g. {@code RegistryReports}) wraps every call in a breaker of its own;</li>
 *   <li>the platform's own identity on every call: the {@code platform-services} token, even on a user's request.
 *       {@link TokenRelayInterceptor} would relay the user's token, which {@code /internal/**} refuses; it leaves a
 *       request that already has one alone, and this interceptor runs first.</li>
 * </ul>
 */
public class ServiceIdentityClientConfiguration {

    @Bean
    @Scope("prototype")
    Feign.Builder serviceIdentityFeignBuilder() {
        return Feign.builder();
    }

    @Bean
    ServiceIdentity serviceIdentity(ObjectProvider<TokenRelayInterceptor.ServiceTokenSource> serviceTokens) {
        return new ServiceIdentity(serviceTokens.getIfAvailable(() -> Optional::empty));
    }

    /**
     * Sends the {@code platform-services} token, whoever started the work. Without a client registration there is
     * none and the called service refuses the call (401, or 403 for a relayed user token): a misconfigured service,
     * which its callers see as the called service being unavailable.
     */
    static final class ServiceIdentity implements RequestInterceptor, Ordered {

        private final TokenRelayInterceptor.ServiceTokenSource serviceTokens;

        ServiceIdentity(TokenRelayInterceptor.ServiceTokenSource serviceTokens) {
            this.serviceTokens = serviceTokens;
        }

        @Override
        public void apply(RequestTemplate template) {
            serviceTokens.currentToken().ifPresent(token -> {
                template.removeHeader(HttpHeaders.AUTHORIZATION);
                template.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            });
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
