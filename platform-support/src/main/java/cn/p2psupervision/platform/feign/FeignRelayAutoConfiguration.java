package cn.p2psupervision.platform.feign;

import java.util.Optional;
import java.util.concurrent.Executors;

import feign.RequestInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * OpenFeign for service-to-service calls: token relay, request id, and a breaker that keeps the caller's context.
 * After Boot's OAuth2 client configuration, whose client registrations decide whether background work gets the
 * {@value #SERVICE_CLIENT} token.
 */
@AutoConfiguration(afterName = "org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration")
@ConditionalOnClass(RequestInterceptor.class)
public class FeignRelayAutoConfiguration {

    /** Registration id of the client-credentials client the services use in background work. */
    public static final String SERVICE_CLIENT = "platform-services";

    @Bean
    @ConditionalOnMissingBean
    TokenRelayInterceptor tokenRelayInterceptor(ObjectProvider<TokenRelayInterceptor.ServiceTokenSource> serviceTokens) {
        return new TokenRelayInterceptor(serviceTokens.getIfAvailable(() -> Optional::empty));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Resilience4JCircuitBreakerFactory.class)
    static class BreakerContext {

        @Bean
        Customizer<Resilience4JCircuitBreakerFactory> contextPropagatingBreakerExecutor() {
            return factory -> factory.configureExecutorService(
                    new ContextPropagatingExecutorService(Executors.newCachedThreadPool()));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ClientRegistrationRepository.class)
    @ConditionalOnBean(ClientRegistrationRepository.class)
    static class ServiceClientCredentials {

        @Bean
        TokenRelayInterceptor.ServiceTokenSource serviceTokenSource(ClientRegistrationRepository registrations,
                                                                    OAuth2AuthorizedClientService clients) {
            var manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, clients);
            manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
            OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest.withClientRegistrationId(SERVICE_CLIENT)
                    .principal(SERVICE_CLIENT).build();
            return () -> Optional.ofNullable(manager.authorize(request)).map(OAuth2AuthorizedClient::getAccessToken)
                    .map(token -> token.getTokenValue());
        }
    }
}
