package cn.p2psupervision.demo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The platform's API as the demo tools use it: tokens from Keycloak, JSON reads, CSV imports. HTTP/1.1, JDK client. */
final class PlatformClient {

    static final String REALM = "p2p-supervision";
    static final String CLIENT_ID = "platform-cli";
    /** Access tokens live 300 s: a token older than this is refreshed before use. */
    private static final Duration REFRESH_AFTER = Duration.ofMinutes(4);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    final HttpClient http;
    final JsonMapper json = JsonMapper.builder().build();
    private final URI keycloak;

    PlatformClient(URI keycloak) {
        this.keycloak = keycloak;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4, r -> {
                    Thread thread = new Thread(r, "http-client");
                    thread.setDaemon(true);
                    return thread;
                }))
                .build();
    }

    /**
     * A demo user's bearer token (password grant of {@code platform-cli}), or a machine client's (client credentials,
     * for the agencies' clients), refreshed when it is older than four minutes (tokens live five).
     */
    final class Tokens {
        private final String username;
        /** The client secret of a machine client; null for a user. */
        private final String secret;
        private String token;
        private long obtainedAt;

        Tokens(String username) {
            this(username, null);
        }

        private Tokens(String username, String secret) {
            this.username = username;
            this.secret = secret;
        }

        synchronized String bearer() {
            if (token == null || System.nanoTime() - obtainedAt > REFRESH_AFTER.toNanos()) {
                refresh();
            }
            return "Bearer " + token;
        }

        synchronized void refresh() {
            String form = secret != null ? "grant_type=client_credentials&client_id="
                    + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&client_secret="
                    + URLEncoder.encode(secret, StandardCharsets.UTF_8)
                    : "grant_type=password&client_id=" + CLIENT_ID + "&username="
                    + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=demo";
            HttpRequest request = HttpRequest.newBuilder(keycloak.resolve("/realms/" + REALM + "/protocol/openid-connect/token"))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build();
            HttpResponse<String> response = send(request);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + username + ": HTTP "
                        + response.statusCode() + " " + abbreviate(response.body()));
            }
            token = json.readTree(response.body()).path("access_token").asString();
            obtainedAt = System.nanoTime();
        }

        String username() {
            return username;
        }
    }

    Tokens tokens(String username) {
        return new Tokens(username);
    }

    /**
     * A partner agency's client ({@code agency-public-security}, …): client credentials with the local realm's secret
     * {@code <clientId>-secret} (README, "Machine clients").
     */
    Tokens agency(String clientId) {
        return new Tokens(clientId, clientId + "-secret");
    }

    /** Keycloak's base URL (its realms and admin API). */
    URI keycloak() {
        return keycloak;
    }

    /** GET a JSON document; anything but 2xx is an error with the problem's text. */
    JsonNode getJson(URI uri, Tokens tokens) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Authorization", tokens.bearer()).header("Accept", "application/json").GET().build());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("GET " + uri + ": HTTP " + response.statusCode() + " "
                    + abbreviate(response.body()));
        }
        return json.readTree(response.body());
    }

    /**
     * One JSON call as {@code tokens}' user, whatever its answer: {@code body} (JSON) is sent when not null, and
     * {@code ifMatch} as the {@code If-Match} header when not null.
     */
    HttpResponse<String> call(String method, URI uri, Tokens tokens, String body, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Authorization", tokens.bearer()).header("Accept", "application/json");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    /** POSTs a CSV file to the import endpoint; returns the job (202). */
    JsonNode startImport(URI gateway, String kind, Path csv, Tokens tokens) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(gateway.resolve("/api/v1/registry/imports?kind=" + kind))
                    .timeout(Duration.ofMinutes(5))
                    .header("Authorization", tokens.bearer())
                    .header("Content-Type", "text/csv; charset=utf-8")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofFile(csv)).build();
        } catch (java.io.FileNotFoundException e) {
            throw new IllegalStateException("Cannot read " + csv, e);
        }
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 202) {
            throw new IllegalStateException("Import of " + kind + " refused: HTTP " + response.statusCode() + " "
                    + abbreviate(response.body()));
        }
        return json.readTree(response.body());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "…";
    }
}
