package cn.p2psupervision.portal.security;

import java.util.Map;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

import cn.p2psupervision.portal.PortalProperties;

/**
 * The portal's client in the realm, with Keycloak's endpoints written out rather than discovered, so the portal starts
 * (and reports healthy) while Keycloak is still starting, as the services do. Authorization code with PKCE (S256; the
 * realm's client requires it too), the client authenticated with its secret, redirect back to the gateway's address.
 */
public final class KeycloakRegistration {

    public static final String ID = "keycloak";
    /** Where an unauthenticated visitor of a protected page is sent: straight on to Keycloak's login form. */
    public static final String LOGIN_PATH = "/oauth2/authorization/" + ID;

    private KeycloakRegistration() {
    }

    public static ClientRegistration of(PortalProperties properties) {
        PortalProperties.Keycloak keycloak = properties.keycloak();
        String issuer = keycloak.issuer();
        String endpoints = issuer + "/protocol/openid-connect";
        return ClientRegistration.withRegistrationId(ID)
                .clientName("Keycloak")
                .clientId(keycloak.clientId())
                .clientSecret(keycloak.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                .redirectUri(properties.publicUrl() + "/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .issuerUri(issuer)
                .authorizationUri(endpoints + "/auth")
                .tokenUri(endpoints + "/token")
                .jwkSetUri(endpoints + "/certs")
                .userNameAttributeName("preferred_username")
                // OIDC RP-initiated logout (OidcClientInitiatedLogoutSuccessHandler) reads it from here
                .providerConfigurationMetadata(Map.of("end_session_endpoint", endpoints + "/logout"))
                .build();
    }
}
