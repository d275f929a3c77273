package cn.p2psupervision.platform.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token validation settings shared by the services and the gateway.
 *
 * @param issuerUri    the realm's issuer exactly as Keycloak writes it into {@code iss}
 * @param jwkSetUri    where to fetch the realm's signing keys (may differ from the issuer host inside a cluster)
 * @param audience     the audience every access token must carry ({@code p2p-api})
 * @param clockSkew    tolerance on {@code exp}/{@code nbf}
 * @param partnerPaths request patterns an {@code agency-partner} may reach (AUTH-05); none by default
 * @param passThroughPaths request patterns the gateway lets through without a token, after every API rule: the
 *                         portal's pages, which the gateway routes to the portal and which enforce their own login
 *                         (none by default; the services ignore it). {@link AccessRules#NEVER_PASSED_THROUGH} stays
 *                         denied whatever it says.
 */
@ConfigurationProperties("platform.security")
public record PlatformSecurityProperties(String issuerUri, String jwkSetUri, String audience, Duration clockSkew,
                                         List<String> partnerPaths, List<String> passThroughPaths) {

    public PlatformSecurityProperties {
        if (issuerUri == null || issuerUri.isBlank()) {
            throw new IllegalArgumentException("platform.security.issuer-uri must be set");
        }
        if (jwkSetUri == null || jwkSetUri.isBlank()) {
            jwkSetUri = issuerUri + "/protocol/openid-connect/certs";
        }
        if (audience == null || audience.isBlank()) {
            audience = "p2p-api";
        }
        if (clockSkew == null) {
            clockSkew = Duration.ofSeconds(30);
        }
        partnerPaths = partnerPaths == null ? List.of() : List.copyOf(partnerPaths);
        passThroughPaths = passThroughPaths == null ? List.of() : List.copyOf(passThroughPaths);
    }
}
