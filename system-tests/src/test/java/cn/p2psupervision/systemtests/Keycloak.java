package cn.p2psupervision.systemtests;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real tokens from the test platform's Keycloak. */
public final class Keycloak {

    public static final String REALM = "p2p-supervision";

    /** Tokens {@link #cachedToken} handed out, by caller; each is used for a minute (they live five). */
    private static final Map<String, Token> CACHED = new ConcurrentHashMap<>();

    private Keycloak() {
    }

    /**
     * A token for {@code caller}, fetched at most once a minute, for the scope tables that call hundreds of times as
     * the same people: {@code anonymous} is none (null), {@code agency-*} a client-credentials token, anyone else a
     * demo user's.
     */
    public static String cachedToken(String caller) {
        if (caller.equals("anonymous")) {
            return null;
        }
        Token cached = CACHED.get(caller);
        if (cached != null && cached.fetched().isAfter(Instant.now().minusSeconds(60))) {
            return cached.value();
        }
        String value = caller.startsWith("agency-") ? clientToken(caller) : userToken(caller);
        CACHED.put(caller, new Token(value, Instant.now()));
        return value;
    }

    private record Token(String value, Instant fetched) {
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
