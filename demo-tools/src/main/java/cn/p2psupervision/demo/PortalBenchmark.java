package cn.p2psupervision.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * {@code bench-portal}: how long each portal page takes to render (issue 10: p95 under 300 ms with
 * {@code seed --institutions 1000}). A user logs in as a browser does (the portal's login link, Keycloak's own login
 * form, the code back to the portal, whose session then holds the tokens), then asks for each page of their role
 * {@code --requests} times one after the other, after {@code --warm-up} not recorded, and the time to the last byte is
 * taken on the same machine (so it is the server's time plus the loopback). Pages: the public ones without login; as
 * central the dashboard, the institution list, a file, the acceptance cases and the incidents; as a provincial officer
 * the work queue, the province's institutions, one of its files, its acceptance cases and one case, its incidents and
 * one event.
 */
final class PortalBenchmark {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final double TARGET_P95_MS = 300;

    private final PlatformClient api;
    private final URI gateway;
    private final Path outDir;
    private final int requests;
    private final int warmUp;

    PortalBenchmark(PlatformClient api, URI gateway, Path outDir, int requests, int warmUp) {
        this.api = api;
        this.gateway = gateway;
        this.outDir = outDir;
        this.requests = requests;
        this.warmUp = warmUp;
    }

    /** One page's figures. */
    record Row(String user, String page, int requests, int errors, double p50, double p95, double max, int bytes) {
    }

    void run(String province) throws IOException {
        String officer = DemoClassification.officersOf(province).officer();
        PlatformClient.Tokens officerApi = api.tokens(officer);
        PlatformClient.Tokens centralApi = api.tokens("central");
        String institution = first(gateway.resolve("/api/v1/registry/institutions?province=" + province
                + "&page=0&size=1"), officerApi, "id");
        String acceptanceCase = first(gateway.resolve("/api/v1/acceptance/cases?page=0&size=1"), officerApi,
                "institutionId");
        String event = first(gateway.resolve("/api/v1/incidents/events?page=0&size=1"), officerApi, "id");

        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put("(public)", List.of("/public/notices", "/public/filed", "/public/complaint-status",
                "/public/certificates"));
        List<String> centralPages = new ArrayList<>(List.of("/dashboard", "/institutions",
                "/institutions?province=" + province, "/acceptance", "/incidents", "/central", "/central/schedule",
                "/central/thresholds", "/central/custody-banks", "/central/summary-reports", "/central/overdue",
                "/central/read-audit", "/decisions?state=APPROVED&category=COMPLIANT", "/incidents/board",
                "/incidents/signals", "/incidents/zombies", "/incidents/alerts"));
        List<String> officerPages = new ArrayList<>(List.of("/work", "/institutions", "/acceptance", "/incidents",
                "/incidents/new", "/incidents/signals", "/incidents/signals/new", "/incidents/zombies",
                "/incidents/alerts", "/incidents/board", "/decisions?state=RECORDED"));
        if (institution != null) {
            centralPages.add("/institutions/" + institution);
            officerPages.add("/institutions/" + institution);
            officerPages.add("/acceptance/new?institution=" + institution);
            for (String records : List.of("/history", "/history/1", "/verification", "/reports")) {
                officerPages.add("/institutions/" + institution + records);
            }
        }
        if (acceptanceCase != null) {
            officerPages.add("/acceptance/" + acceptanceCase);
        }
        if (event != null) {
            officerPages.add("/incidents/" + event);
        }
        pages.put("central", centralPages);
        pages.put(officer, officerPages);

        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : pages.entrySet()) {
            HttpClient browser = browser();
            if (!entry.getKey().startsWith("(")) {
                logIn(browser, entry.getKey());
            }
            for (String page : entry.getValue()) {
                Row row = measure(browser, entry.getKey(), page);
                rows.add(row);
                System.out.printf("  %-14s %-52s p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms  %s%n", row.user(),
                        row.page(), row.p50(), row.p95(), row.max(), row.errors() == 0 ? ""
                                : row.errors() + " errors");
            }
        }
        write(rows, province);
    }

    /**
     * A browser: its own cookies (the portal's session, Keycloak's login session), redirects followed. Like a browser,
     * it treats {@code http://localhost} as a secure context and sends cookies marked {@code Secure} there.
     */
    private static HttpClient browser() {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        CookieHandler localhostIsSecure = new CookieHandler() {
            @Override
            public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
                return cookies.get(uri, headers);
            }

            @Override
            public void put(URI uri, Map<String, List<String>> headers) throws IOException {
                Map<String, List<String>> notSecure = new LinkedHashMap<>();
                headers.forEach((name, values) -> notSecure.put(name, name == null ? values : values.stream()
                        .map(value -> SECURE.matcher(value).replaceAll("")).toList()));
                cookies.put(uri, notSecure);
            }
        };
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(localhostIsSecure)
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static final Pattern SECURE = Pattern.compile(";\\s*Secure\\b", Pattern.CASE_INSENSITIVE);

    /** The portal's login link, Keycloak's login form with the demo password, the code back to the portal. */
    private void logIn(HttpClient browser, String username) {
        HttpResponse<String> form = get(browser, gateway.resolve("/oauth2/authorization/keycloak"));
        Matcher action = FORM_ACTION.matcher(form.body());
        if (form.statusCode() != 200 || !action.find()) {
            throw new IllegalStateException("portal login: no Keycloak login form at " + form.uri() + " ("
                    + form.statusCode() + ")");
        }
        String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=demo";
        HttpRequest post = HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .timeout(TIMEOUT).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> landed = send(browser, post);
        if (landed.statusCode() != 200 || !landed.uri().toString().startsWith(gateway.toString())) {
            throw new IllegalStateException("portal login as " + username + " ended at " + landed.uri() + " ("
                    + landed.statusCode() + ")");
        }
    }

    private Row measure(HttpClient browser, String user, String page) {
        URI uri = gateway.resolve(page);
        for (int i = 0; i < warmUp; i++) {
            try {
                get(browser, uri);
            } catch (UncheckedIOException broken) {
                System.out.printf("  %s %s (warm-up): %s%n", user, page, broken.getCause().getMessage());
            }
        }
        double[] millis = new double[requests];
        int errors = 0;
        int bytes = 0;
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response;
            try {
                response = get(browser, uri);
            } catch (UncheckedIOException broken) {
                millis[i] = (System.nanoTime() - start) / 1e6;
                errors++; // the answer did not arrive whole: counted, and the run goes on
                System.out.printf("  %s %s: %s%n", user, page, broken.getCause().getMessage());
                continue;
            }
            millis[i] = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 200 || !response.uri().getPath().equals(uri.getPath())) {
                errors++; // an error page, or sent to the login: not the page asked for
            }
            bytes = response.body().getBytes(StandardCharsets.UTF_8).length; // the page as sent (UTF-8)
        }
        Arrays.sort(millis);
        return new Row(user, page, requests, errors, percentile(millis, 50), percentile(millis, 95),
                millis[millis.length - 1], bytes);
    }

    private static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private HttpResponse<String> get(HttpClient browser, URI uri) {
        return send(browser, HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "text/html").GET().build());
    }

    private static HttpResponse<String> send(HttpClient browser, HttpRequest request) {
        try {
            return browser.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The first entry's {@code member} of an API list, or null when the list is empty or cannot be read. */
    private String first(URI list, PlatformClient.Tokens tokens, String member) {
        try {
            JsonNode content = api.getJson(list, tokens).path("content");
            return content.isEmpty() ? null : content.get(0).path(member).asString();
        } catch (RuntimeException e) {
            System.out.println("bench-portal: " + list.getPath() + " not read (" + e.getMessage() + "); its page is "
                    + "left out");
            return null;
        }
    }

    private void write(List<Row> rows, String province) throws IOException {
        StringBuilder md = new StringBuilder("# Portal pages\n\n");
        md.append(String.format("Each page %d times one after the other after %d not recorded, through the gateway "
                + "(http://localhost:%d), logged in through Keycloak's login form; time to the last byte on the same "
                + "machine. Province %s for the officer. Target: p95 under %.0f ms.%n%n", requests, warmUp,
                gateway.getPort(), province, TARGET_P95_MS));
        md.append("| user | page | requests | errors | p50 ms | p95 ms | max ms | KB | p95 < 300 ms |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (Row row : rows) {
            md.append(String.format("| %s | `%s` | %d | %d | %.1f | %.1f | %.1f | %.1f | %s |%n", row.user(),
                    row.page(), row.requests(), row.errors(), row.p50(), row.p95(), row.max(), row.bytes() / 1024.0,
                    row.p95() < TARGET_P95_MS ? "yes" : "**no**"));
        }
        Files.createDirectories(outDir);
        Path file = outDir.resolve("portal-benchmark.md");
        Files.writeString(file, md.toString());
        long over = rows.stream().filter(row -> row.p95() >= TARGET_P95_MS || row.errors() > 0).count();
        System.out.printf("bench-portal: %d pages, %d over %.0f ms at p95 or with errors; written %s%n", rows.size(),
                over, TARGET_P95_MS, file);
    }
}
