package cn.p2psupervision.platform.registryfeed;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry's internal endpoints and Keycloak's token endpoint, served from memory over real HTTP on the loopback
 * address: institutions in id order for the reference pages, a commit sequence of changes for the feed, operating
 * report series by institution, and the status endpoint. A test sets what the registry answers (an error status, a
 * resync, a slow answer) and reads what it was asked.
 */
final class FakeRegistry implements AutoCloseable {

    static final String SERVICE_TOKEN = "platform-services-token";
    private static final Pattern INSTITUTION_PATH = Pattern.compile("/internal/registry/institutions/([^/]+)/(reports|status)");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final ExecutorService workers = Executors.newCachedThreadPool();
    private final TreeMap<String, Map<String, Object>> institutions = new TreeMap<>();
    private final List<List<String>> changes = new ArrayList<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();
    /** A status every feed request is answered with instead of a page; 0 for none. */
    volatile int failWith;
    /** The change feed answers {@code resync: true}. */
    volatile boolean resync;
    /** When set, change requests wait for it before they are answered. */
    volatile CountDownLatch holdChanges;
    /** The operating-report series by institution id, as the registry answers them; an id not here is a 404. */
    final Map<String, List<Map<String, Object>>> reports = new ConcurrentHashMap<>();
    /** Every institution's figures for the bulk read, by id (in id order); each a list of months as answered. */
    final Map<String, List<Map<String, Object>>> figures = new ConcurrentHashMap<>();
    /** When set, report requests wait for it before they are answered. */
    volatile CountDownLatch holdReports;
    /** The status and body the status endpoint answers with (the body null: the registry's usual 200 answer). */
    volatile int statusAnswer = 200;
    volatile Map<String, Object> statusBody;

    FakeRegistry() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(workers);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Registers or changes an institution: its data at the next version, and a change naming it. */
    synchronized void change(String id, String registeredProvince, List<String> businessProvinces, String status) {
        long version = institutions.containsKey(id) ? ((Number) institutions.get(id).get("version")).longValue() + 1 : 1;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("creditCode", "91330100MA28A7K3X6");
        data.put("name", "Institution " + id);
        data.put("registeredProvince", registeredProvince);
        data.put("businessProvinces", businessProvinces);
        data.put("status", status);
        data.put("establishedOn", "2015-08-12");
        data.put("lendingStartedOn", null);
        data.put("inScope", true);
        data.put("custodyBank", null);
        data.put("version", version);
        data.put("riskRating", "a member this consumer does not know yet");
        institutions.put(id, data);
        changes.add(List.of(id));
    }

    synchronized long latest() {
        return changes.size();
    }

    synchronized void reset() {
        institutions.clear();
        changes.clear();
        requests.clear();
        failWith = 0;
        resync = false;
        holdChanges = null;
        reports.clear();
        figures.clear();
        holdReports = null;
        statusAnswer = 200;
        statusBody = null;
    }

    /** The feed requests (not the token requests) to {@code path}. */
    List<Request> requestsTo(String path) {
        return requests.stream().filter(request -> request.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            Request request = new Request(exchange.getRequestMethod(), path, query,
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(body.readAllBytes(), StandardCharsets.UTF_8));
            requests.add(request);
            if (path.equals("/token")) {
                respond(exchange, 200, Map.of("access_token", SERVICE_TOKEN, "token_type", "Bearer", "expires_in", 300));
                return;
            }
            if (failWith != 0) {
                respond(exchange, failWith, Map.of("type", "urn:p2p-supervision:problem:service-unavailable",
                        "status", failWith));
                return;
            }
            Matcher institution = INSTITUTION_PATH.matcher(path);
            if (institution.matches()) {
                institution(exchange, institution.group(1), institution.group(2));
                return;
            }
            switch (path) {
                case "/internal/registry/report-figures" -> respond(exchange, 200,
                        figures(JSON.readTree(request.body()).get("institutionIds")));
                case "/internal/registry/institutions/reference" -> respond(exchange, 200,
                        reference(query.get("after"), Integer.parseInt(query.get("limit"))));
                case "/internal/registry/changes" -> {
                    CountDownLatch hold = holdChanges;
                    if (hold != null) {
                        hold.await(30, TimeUnit.SECONDS);
                    }
                    respond(exchange, 200, changes(Long.parseLong(query.get("after")), Integer.parseInt(query.get("limit"))));
                }
                default -> respond(exchange, 404, Map.of("status", 404));
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void institution(HttpExchange exchange, String id, String endpoint) throws IOException,
            InterruptedException {
        if (endpoint.equals("reports") && exchange.getRequestMethod().equals("GET")) {
            CountDownLatch hold = holdReports;
            if (hold != null) {
                hold.await(30, TimeUnit.SECONDS);
            }
            List<Map<String, Object>> series = reports.get(id);
            if (series == null) {
                respond(exchange, 404, Map.of("type", "urn:p2p-supervision:problem:not-found", "title", "Not found",
                        "status", 404, "detail", "Institution " + id + " was not found"));
            } else {
                respond(exchange, 200, series);
            }
        } else if (endpoint.equals("status") && exchange.getRequestMethod().equals("PUT")) {
            Map<String, Object> body = statusBody;
            respond(exchange, statusAnswer, body != null ? body : Map.of("id", id, "creditCode", "91330100MA28A7K3X6",
                    "registeredProvince", "33", "status", "BANNED", "version", 2, "changed", true));
        } else {
            respond(exchange, 405, Map.of("status", 405));
        }
    }

    private synchronized Map<String, Object> reference(String after, int limit) {
        List<Map<String, Object>> page = new ArrayList<>(
                (after == null ? institutions : institutions.tailMap(after, false)).values());
        boolean more = page.size() > limit;
        List<Map<String, Object>> content = more ? page.subList(0, limit) : page;
        Map<String, Object> answer = new HashMap<>();
        answer.put("seq", latest());
        answer.put("next", more ? content.get(limit - 1).get("id") : null);
        answer.put("institutions", content);
        return answer;
    }

    /** The figures of the institutions asked for that have some, by id, as the registry answers its bulk read. */
    private Map<String, Object> figures(JsonNode asked) {
        TreeMap<String, List<Map<String, Object>>> found = new TreeMap<>();
        asked.forEach(id -> {
            List<Map<String, Object>> months = figures.get(id.asString());
            if (months != null) {
                found.put(id.asString(), months);
            }
        });
        List<Map<String, Object>> items = new ArrayList<>();
        found.forEach((id, months) -> items.add(Map.of("institutionId", id, "figures", months,
                "riskRating", "a member this consumer does not know yet")));
        return Map.of("items", items);
    }

    private synchronized Map<String, Object> changes(long after, int limit) {
        if (resync) {
            return Map.of("next", after, "latest", latest(), "resync", true, "institutions", List.of());
        }
        Set<String> ids = new LinkedHashSet<>();
        long next = after;
        while (next < latest() && ids.size() < limit) {
            ids.addAll(changes.get((int) next));
            next++;
        }
        return Map.of("next", next, "latest", latest(), "resync", false,
                "institutions", ids.stream().map(institutions::get).toList());
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type",
                status < 400 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> parameters = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] parts = pair.split("=", 2);
                parameters.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
        }
        return parameters;
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    record Request(String method, String path, Map<String, String> query, String authorization, String contentType,
                   String body) {
    }
}
