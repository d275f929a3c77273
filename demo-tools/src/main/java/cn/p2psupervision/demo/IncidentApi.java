package cn.p2psupervision.demo;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The incident context's API as the incident seed and benchmark use it, at one base URL (the gateway or the incident
 * service straight): JSON in and out; every change of an event names the version it is based on ({@code If-Match},
 * from the event's {@code version}) and answers the event after it; any unexpected answer is an error naming the call
 * and the problem's text.
 */
final class IncidentApi {

    static final String EVENTS = "/api/v1/incidents/events";
    static final String SIGNALS = "/api/v1/incidents/signals";
    static final String AGENCY_SIGNALS = "/api/v1/incidents/agency-signals";
    static final String AGENCY_REQUESTS = "/api/v1/incidents/agency-requests";
    static final String BOARD = "/api/v1/incidents/board";
    static final String BREACHES = "/api/v1/incidents/breaches";
    static final String ZOMBIES = "/api/v1/incidents/zombies/refresh";
    /** A GET answered 502–504 (the gateway's breaker, a service restarting) is tried this often in all. */
    private static final int ATTEMPTS = 5;
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(2);

    private final PlatformClient client;
    private final URI base;

    IncidentApi(PlatformClient client, URI base) {
        this.client = client;
        this.base = base;
    }

    PlatformClient client() {
        return client;
    }

    URI base() {
        return base;
    }

    ObjectNode object() {
        return client.json.createObjectNode();
    }

    /** The incident service's campaign clock now: the board's {@code at}, read as central (a recorded read). */
    Instant clock(PlatformClient.Tokens central) {
        return Instant.parse(get(BOARD, central).path("at").asString());
    }

    /** Whether the incident service knows the institution and lets {@code who} read it (its registry projection). */
    boolean knows(PlatformClient.Tokens who, String institutionId) {
        HttpResponse<String> response = send("GET", "/api/v1/incidents/institutions/" + institutionId
                + "/agency-requests", who, null, null, null);
        if (response.statusCode() == 200) {
            return true;
        }
        if (response.statusCode() == 404 || response.statusCode() / 100 == 5) {
            return false;
        }
        throw failure("GET agency requests of institution " + institutionId, response);
    }

    /** INC-02: records an event as the officer of the institution's registration province; answers it (version 1). */
    JsonNode recordEvent(PlatformClient.Tokens officer, String institutionId, String type, String title,
                         String description, List<String> signalIds) {
        ObjectNode draft = object().put("institutionId", institutionId).put("type", type).put("title", title);
        if (description != null) {
            draft.put("description", description);
        }
        if (signalIds != null && !signalIds.isEmpty()) {
            ArrayNode ids = draft.putArray("signalIds");
            signalIds.forEach(ids::add);
        }
        return expect(send("POST", EVENTS, officer, draft, null, null), "POST event of " + institutionId, 201);
    }

    /** One act on an event ({@code path} below the event, e.g. {@code /level}), based on the version read. */
    JsonNode act(PlatformClient.Tokens who, JsonNode event, String method, String path, ObjectNode body) {
        String id = event.path("id").asString();
        HttpResponse<String> response = send(method, EVENTS + "/" + id + path, who, body,
                "\"" + event.path("version").asLong() + "\"", null);
        return expect(response, method + " " + id + path + " as " + who.username(), 200, 201);
    }

    /** The event as {@code who} reads it (a recorded read). */
    JsonNode event(PlatformClient.Tokens who, String id) {
        return get(EVENTS + "/" + id, who);
    }

    /** The events of one institution {@code who} may read (summaries, newest change first; at most 200). */
    List<JsonNode> eventsOf(PlatformClient.Tokens who, String institutionId) {
        return content(get(EVENTS + "?institutionId=" + encode(institutionId) + "&size=200", who));
    }

    /** The signals about one institution {@code who} may read, the agencies' included (at most 200). */
    List<JsonNode> signalsOf(PlatformClient.Tokens who, String institutionId) {
        return content(get(SIGNALS + "?institutionId=" + encode(institutionId) + "&size=200", who));
    }

    /** INC-01: a signal recorded by an officer. */
    JsonNode recordSignal(PlatformClient.Tokens officer, ObjectNode draft) {
        return expect(send("POST", SIGNALS, officer, draft, null, null), "POST signal as " + officer.username(), 201);
    }

    /** INC-01/AUTH-05: a signal posted by an agency's client through its own door. */
    JsonNode postAgencySignal(PlatformClient.Tokens agency, ObjectNode draft) {
        return expect(send("POST", AGENCY_SIGNALS, agency, draft, null, null), "POST agency signal as "
                + agency.username(), 201);
    }

    /** AUTH-05: one request addressed to the agency: 200, or 404 while the outbox has not delivered it. */
    HttpResponse<String> agencyRequest(PlatformClient.Tokens agency, String requestId) {
        return send("GET", AGENCY_REQUESTS + "/" + encode(requestId), agency, null, null, null);
    }

    /** AUTH-05: the agency's answer, once per {@code Idempotency-Key}. */
    JsonNode answer(PlatformClient.Tokens agency, String requestId, String idempotencyKey, String text,
                    String reference) {
        ObjectNode body = object().put("text", text).put("reference", reference);
        return expect(send("POST", AGENCY_REQUESTS + "/" + encode(requestId) + "/answers", agency, body, null,
                idempotencyKey), "POST answer to " + requestId + " as " + agency.username(), 200);
    }

    /** A GET answering JSON, tried again on 502–504. */
    JsonNode get(String path, PlatformClient.Tokens who) {
        HttpResponse<String> response = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            response = send("GET", path, who, null, null, null);
            if (response.statusCode() < 502 || response.statusCode() > 504) {
                break;
            }
            if (attempt < ATTEMPTS) {
                Seeder.sleep(RETRY_PAUSE);
            }
        }
        return expect(response, "GET " + path + " as " + who.username(), 200);
    }

    HttpResponse<String> send(String method, String path, PlatformClient.Tokens who, JsonNode body, String ifMatch,
                              String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(PlatformClient.REQUEST_TIMEOUT)
                .header("Authorization", who.bearer()).header("Accept", "application/json");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return client.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build());
    }

    /** The answer's JSON when its status is one of {@code statuses}; an error naming the call otherwise. */
    JsonNode expect(HttpResponse<String> response, String what, int... statuses) {
        for (int status : statuses) {
            if (response.statusCode() == status) {
                String body = response.body();
                return body == null || body.isEmpty() ? client.json.nullNode() : client.json.readTree(body);
            }
        }
        throw failure(what, response);
    }

    static IllegalStateException failure(String what, HttpResponse<String> response) {
        return new IllegalStateException(what + ": HTTP " + response.statusCode() + " "
                + PlatformClient.abbreviate(response.body()));
    }

    private static List<JsonNode> content(JsonNode page) {
        List<JsonNode> content = new ArrayList<>();
        page.path("content").forEach(content::add);
        return content;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
