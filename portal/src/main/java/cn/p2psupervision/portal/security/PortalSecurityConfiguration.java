package cn.p2psupervision.portal.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.servlet.LocaleResolver;

import cn.p2psupervision.portal.PortalProperties;
import cn.p2psupervision.portal.web.PortalLocales;

/**
 * The portal as a backend for frontend (AUTH-01): OAuth2 login with Keycloak (authorization code with PKCE), the
 * tokens kept in the server-side session only (never sent to the browser), refreshed when they expire, logout that
 * also ends the Keycloak session (OIDC RP-initiated logout), CSRF tokens on every form (Spring Security's default),
 * and a content security policy that allows only the portal's own scripts and styles.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurityConfiguration {

    /** Open without login: the landing page, the public pages, static files, error pages and health. */
    static final String[] OPEN = {"/", "/public", "/public/**", "/webjars/**", "/assets/**", "/favicon.ico", "/error",
            "/actuator/health", "/actuator/health/**", "/actuator/info"};

    @Bean
    ClientRegistrationRepository clientRegistrationRepository(PortalProperties properties) {
        return new InMemoryClientRegistrationRepository(KeycloakRegistration.of(properties));
    }

    /** The user's tokens live in the HTTP session: they die with it (logout, expiry) and never leave the server. */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /** Hands out the user's access token for the API calls, refreshing it with the refresh token when it expires. */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
                                                          OAuth2AuthorizedClientRepository authorizedClients) {
        OAuth2AuthorizedClientProvider provider = OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken()
                .build();
        DefaultOAuth2AuthorizedClientManager manager =
                new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(provider);
        return manager;
    }

    @Bean
    SecurityFilterChain portalSecurityFilterChain(HttpSecurity http, ClientRegistrationRepository registrations,
                                                  OAuth2AuthorizedClientRepository authorizedClients,
                                                  PortalProperties properties, LocaleResolver locales)
            throws Exception {
        OidcClientInitiatedLogoutSuccessHandler endKeycloakSession =
                new OidcClientInitiatedLogoutSuccessHandler(registrations);
        endKeycloakSession.setPostLogoutRedirectUri(properties.publicUrl() + "/");
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(OPEN).permitAll()
                        .requestMatchers("/dashboard", "/dashboard/**").hasRole(PlatformRoles.CENTRAL)
                        .requestMatchers("/work", "/work/**").hasAnyRole(PlatformRoles.OFFICER, PlatformRoles.HEAD)
                        .anyRequest().hasAnyRole(PlatformRoles.CENTRAL, PlatformRoles.OFFICER, PlatformRoles.HEAD))
                .oauth2Login(login -> login
                        .loginPage(KeycloakRegistration.LOGIN_PATH)
                        .authorizationEndpoint(authorization -> authorization
                                .authorizationRequestResolver(inThePortalsLanguage(registrations, locales)))
                        .failureUrl("/?loginFailed")
                        .authorizedClientRepository(authorizedClients)
                        .userInfoEndpoint(info -> info.oidcUserService(new PlatformOidcUserService())))
                .logout(logout -> logout.logoutSuccessHandler(endKeycloakSession))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(properties)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * The authorization request asks Keycloak for its login page in the portal's language (OIDC {@code ui_locales}:
     * {@code zh-CN}, or {@code en} once the user chose English), not the browser's.
     */
    static OAuth2AuthorizationRequestResolver inThePortalsLanguage(ClientRegistrationRepository registrations,
                                                                   LocaleResolver locales) {
        DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        return new OAuth2AuthorizationRequestResolver() {
            @Override
            public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
                return inLanguage(resolver.resolve(request), request);
            }

            @Override
            public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String registrationId) {
                return inLanguage(resolver.resolve(request, registrationId), request);
            }

            private OAuth2AuthorizationRequest inLanguage(OAuth2AuthorizationRequest authorization,
                                                          HttpServletRequest request) {
                if (authorization == null) {
                    return null;
                }
                String language = PortalLocales.supported(locales.resolveLocale(request)).toLanguageTag();
                return OAuth2AuthorizationRequest.from(authorization)
                        .additionalParameters(parameters -> parameters.put("ui_locales", language)).build();
            }
        };
    }

    /**
     * Only the portal's own files; no inline script or style. Forms may post to the portal, and the logout's
     * redirect goes on to Keycloak (browsers apply {@code form-action} to a form's redirects too).
     */
    static String contentSecurityPolicy(PortalProperties properties) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
                + "form-action 'self' " + properties.keycloak().url();
    }
}
