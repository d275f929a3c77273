package cn.p2psupervision.portal.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

import cn.p2psupervision.portal.PortalProperties;
import cn.p2psupervision.portal.security.KeycloakRegistration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two ways the portal calls the API through the gateway: as the logged-in user (their access token, from the
 * session, refreshed when it has expired) and anonymously (the public API). Every refusal becomes an
 * {@link ApiProblemException} carrying the problem; an unreachable gateway is Spring's {@code ResourceAccessException}.
 */
@Configuration(proxyBeanMethods = false)
class ApiClientConfiguration {

    /** Calls as the logged-in user. */
    @Bean
    @Qualifier("userApiClient")
    RestClient userApiClient(RestClient.Builder builder, PortalProperties properties, OAuth2AuthorizedClientManager manager,
                       OAuth2AuthorizedClientRepository authorizedClients, JsonMapper json) {
        OAuth2ClientHttpRequestInterceptor userToken = new OAuth2ClientHttpRequestInterceptor(manager);
        userToken.setClientRegistrationIdResolver(request -> KeycloakRegistration.ID);
        // a token the API refuses (401) is dropped from the session, so the next page asks Keycloak again
        userToken.setAuthorizationFailureHandler(
                OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(authorizedClients));
        return common(builder, properties, json).requestInterceptor(userToken).build();
    }

    /** Calls without a token: {@code /api/v1/public/**}. */
    @Bean
    @Qualifier("publicApiClient")
    RestClient publicApiClient(RestClient.Builder builder, PortalProperties properties, JsonMapper json) {
        return common(builder, properties, json).build();
    }

    private static RestClient.Builder common(RestClient.Builder builder, PortalProperties properties, JsonMapper json) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.api().connectTimeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(properties.api().readTimeout());
        return builder.baseUrl(properties.gatewayUrl().toString())
                .requestFactory(requests)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw new ApiProblemException(problemOf(request, response, json));
                });
    }

    static ApiProblem problemOf(HttpRequest request, ClientHttpResponse response, JsonMapper json) throws IOException {
        int status = response.getStatusCode().value();
        try (InputStream body = response.getBody()) {
            byte[] bytes = body.readAllBytes();
            if (bytes.length > 0) {
                try {
                    ApiProblem problem = json.readValue(bytes, ApiProblem.class);
                    return problem.status() == status ? problem : problem.withStatus(status);
                } catch (JacksonException notAProblem) {
                    return ApiProblem.ofStatus(status);
                }
            }
        }
        return ApiProblem.ofStatus(status);
    }
}
