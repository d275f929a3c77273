package cn.p2psupervision.systemtests;

import java.util.Map;

/** Real tokens from the test platform's Keycloak. */
public final class Keycloak {

    public static final String REALM = "p2p-supervision";

    private Keycloak() {
    }

    /** A demo user's access token through the public {@code platform-cli} client (password {@code demo}). */
    public static String userToken(String username) {
        return token(REALM, Map.of("grant_type", "password", "client_id", "platform-cli",
                "username", username, "password", "demo"));
    }

    /** A client-credentials token; local secrets are {@code <clientId>-secret}. */
    public static String clientToken(String clientId) {
        return token(REALM, Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", clientId + "-secret"));
    }

    public static String token(String realm, Map<String, String> form) {
        Http.Response response = Http.postForm(
                PlatformUnderTest.KEYCLOAK + "/realms/" + realm + "/protocol/openid-connect/token", form);
        if (response.status() != 200) {
            throw new IllegalStateException("Keycloak refused a token for " + form.get("username") + "/"
                    + form.get("client_id") + ": " + response.status() + " " + response.body());
        }
        return response.json().get("access_token").asString();
    }
}
