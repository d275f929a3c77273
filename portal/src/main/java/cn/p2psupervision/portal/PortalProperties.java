package cn.p2psupervision.portal;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the portal is and whom it talks to (defaults in {@code application.yml}).
 *
 * @param publicUrl     where browsers reach the portal: the gateway's address ({@code http://localhost:8080}); the
 *                      login's redirect URI and the address Keycloak sends the browser back to after logout
 * @param gatewayUrl    where the portal calls the API ({@code /api/v1/**}) with the user's token
 * @param secureCookies whether the session and language cookies are {@code Secure} (on behind TLS)
 * @param keycloak      the realm and the portal's client in it
 * @param api           time limits of the calls to the API
 * @param clockStart    where the campaign clock starts, an ISO offset date-time as the services'
 *                      {@code platform.clock.start} ({@code PLATFORM_CLOCK_START}); blank: real time. The pages
 *                      count days and hours left with it.
 */
@ConfigurationProperties("portal")
public record PortalProperties(URI publicUrl, URI gatewayUrl, boolean secureCookies, Keycloak keycloak, Api api,
                               String clockStart) {

    public PortalProperties {
        publicUrl = withoutTrailingSlash(required(publicUrl, "portal.public-url"));
        gatewayUrl = withoutTrailingSlash(required(gatewayUrl, "portal.gateway-url"));
        if (keycloak == null) {
            throw new IllegalArgumentException("portal.keycloak must be set");
        }
        clockStart = clockStart == null || clockStart.isBlank() ? null : clockStart.strip();
        if (clockStart != null) {
            OffsetDateTime.parse(clockStart);
        }
        if (api == null) {
            api = new Api(Duration.ofSeconds(2), Duration.ofSeconds(11));
        }
    }

    /**
     * @param url          Keycloak's public URL, as it writes it into the tokens' {@code iss}
     * @param realm        {@code p2p-supervision}
     * @param clientId     {@code portal}
     * @param clientSecret the client's secret ({@code portal-secret} locally)
     */
    public record Keycloak(URI url, String realm, String clientId, String clientSecret) {

        public Keycloak {
            url = withoutTrailingSlash(required(url, "portal.keycloak.url"));
            if (realm == null || clientId == null || clientSecret == null) {
                throw new IllegalArgumentException("portal.keycloak.realm, client-id and client-secret must be set");
            }
        }

        /** The realm's issuer, e.g. {@code http://localhost:8180/realms/p2p-supervision}. */
        public String issuer() {
            return url + "/realms/" + realm;
        }
    }

    /**
     * @param connectTimeout to the gateway
     * @param readTimeout    above the gateway's own response timeout (10 s), so the gateway's 504 problem arrives first
     */
    public record Api(Duration connectTimeout, Duration readTimeout) {
    }

    private static URI required(URI uri, String name) {
        if (uri == null) {
            throw new IllegalArgumentException(name + " must be set");
        }
        return uri;
    }

    private static URI withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }
}
