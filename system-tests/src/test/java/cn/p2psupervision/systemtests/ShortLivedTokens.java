package cn.p2psupervision.systemtests;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;

/**
 * Makes a genuinely expiring Keycloak token: a test-only client, created through the admin API of the test instance,
 * whose access tokens live a few seconds. The realm export itself stays free of such clients.
 */
final class ShortLivedTokens {

    private static final String CLIENT_ID = "expiry-probe";

    private ShortLivedTokens() {
    }

    static String centralTokenLivingSeconds(int seconds) {
        String admin = Keycloak.token("master", Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", "admin", "password", "admin"));
        String client = """
                {"clientId":"%s","publicClient":true,"directAccessGrantsEnabled":true,"standardFlowEnabled":false,
                 "attributes":{"access.token.lifespan":"%d"},
                 "protocolMappers":[{"name":"p2p-api audience","protocol":"openid-connect",
                   "protocolMapper":"oidc-audience-mapper",
                   "config":{"included.custom.audience":"p2p-api","access.token.claim":"true"}}]}
                """.formatted(CLIENT_ID, seconds);
        Http.Response created = Http.send(HttpRequest.newBuilder(
                        URI.create(PlatformUnderTest.KEYCLOAK + "/admin/realms/" + Keycloak.REALM + "/clients"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(client)).build());
        if (created.status() != 201 && created.status() != 409) {
            throw new IllegalStateException("cannot create " + CLIENT_ID + ": " + created.status() + " " + created.body());
        }
        return Keycloak.token(Keycloak.REALM, Map.of("grant_type", "password", "client_id", CLIENT_ID,
                "username", "central", "password", "demo"));
    }
}
