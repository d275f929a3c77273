package cn.p2psupervision.demo;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

/**
 * {@code bench}: load tests of the running platform, open loop and closed loop.
 * <p>
 * Open loop: requests are scheduled at fixed intervals and sent with {@code sendAsync} whether or not earlier ones
 * have answered; latency runs from the scheduled send time to the last byte of the answer, so a slow server cannot
 * slow the load down and hide its own queueing (no coordinated omission). Non-2xx answers, failures (time-outs,
 * refused connections) and requests not sent because too many were already outstanding are counted as errors, apart
 * from the latencies of the 2xx answers.
 * <p>
 * Closed loop: a fixed number of clients, each sending a file read, waiting for the whole answer and sending the next,
 * once straight to the service and once through the gateway. The throughput at a given concurrency, side by side, is
 * what the gateway costs; the open loop cannot tell it, because it only sends what its rate asks for.
 */
final class Benchmark {

    /**
     * Which phases a run includes: {@code open} (the registry's open loop, with its statistics), {@code closed} (the
     * registry's closed-loop file reads), {@code classification} (proposals, decision list, classification
     * statistics), {@code incidents} (breach scan, zombie detection, timeline export), {@code acceptance} (the public
     * notice list, open loop, and the complaints' rate limit); {@code --only} names one or more, comma-separated; all
     * by default.
     */
    record Phases(boolean open, boolean closed, boolean classification, boolean incidents, boolean acceptance) {

        static final Phases ALL = new Phases(true, true, true, true, true);

        static Phases parse(String only) {
            if (only == null || only.isBlank() || "all".equals(only)) {
                return ALL;
            }
            boolean open = false;
            boolean closed = false;
            boolean classification = false;
            boolean incidents = false;
            boolean acceptance = false;
            for (String part : only.split(",")) {
                switch (part.trim()) {
                    case "open" -> open = true;
                    case "closed" -> closed = true;
                    case "classification" -> classification = true;
                    case "incidents" -> incidents = true;
                    case "acceptance" -> acceptance = true;
                    case "both" -> { // before classification, "both" meant the registry's open and closed phases
                        open = true;
                        closed = true;
                    }
                    default -> throw new IllegalArgumentException("--only takes open, closed, classification, incidents "
                            + "and/or acceptance, comma-separated, was '" + only + "'");
                }
            }
            return new Phases(open, closed, classification, incidents, acceptance);
        }

        boolean registry() {
            return open || closed;
        }
    }

    /** One line of the result table. */
    record Row(String phase, String target, String rate, long requests, long errors, double p50, double p99,
               double max, double achieved, String note) {
    }

    /**
     * One target at one client count of the closed loop: requests sent, non-2xx answers by status, transport failures
     * by exception, 2xx answers per second, and the latencies of the 2xx answers (ms).
     */
    record ClosedRow(String target, int clients, long requests, Map<String, Long> statuses,
                     Map<String, Long> failures, double throughput, double p50, double p99, double max) {

        long nonOk() {
            return statuses.values().stream().mapToLong(Long::longValue).sum();
        }

        long failed() {
            return failures.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** One client count of the closed loop, both targets: the gateway's throughput as a share of the direct one. */
    record Comparison(ClosedRow direct, ClosedRow gateway) {

        double ratio() {
            return direct.throughput() > 0 ? gateway.throughput() / direct.throughput() : Double.NaN;
        }
    }

    private final PlatformClient client;
    private final URI gateway;
    private final URI service;
    private final Path outDir;
    private final int maxInFlight;
    private final Duration timeout;
    private final int baselineRuns;
    /** Unrecorded open loop at the highest rate before each target's recorded phases (JIT compilation, connections). */
    private final Duration openWarmUp;
    private String probePath = "/api/v1/registry/me";
    /** A phase stops sending when its outstanding requests stayed at the limit this long. */
    private static final Duration SATURATED = Duration.ofSeconds(5);
    /** Unrecorded closed loop per target before the recorded ones: opens the connections, warms the JIT. */
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    /** A closed-loop client waits this long after a transport failure, so a refused connection is not a busy loop. */
    static final Duration FAILURE_PAUSE = Duration.ofMillis(100);
    private final List<Row> rows = new ArrayList<>();
    private final List<Comparison> comparisons = new ArrayList<>();
    /** Closed-loop passes of classification proposals, and what they ran over. */
    private final List<ClosedRow> proposals = new ArrayList<>();
    private String proposalsLabel = "";
    private String proposalsDescription = "";
    private String classificationDescription = "";
    private boolean registryOpenRan;
    private final List<String> notes = new ArrayList<>();
    /** Sections other kinds add after the tables (the incidents'): the terminal's text and the report's markdown. */
    private final List<String[]> sections = new ArrayList<>();

    Benchmark(PlatformClient client, URI gateway, URI service, Path outDir, int maxInFlight, Duration timeout,
              int baselineRuns, Duration openWarmUp) {
        this.baselineRuns = baselineRuns;
        this.openWarmUp = openWarmUp;
        this.client = client;
        this.gateway = gateway;
        this.service = service;
        this.outDir = outDir;
        this.maxInFlight = maxInFlight;
        this.timeout = timeout;
    }

    void run(Phases phases, List<Integer> rates, int seconds, int statisticsRuns, YearMonth asOf, List<Integer> clients,
             int closedSeconds, ClassificationBenchmark classification, IncidentBenchmark incidents,
             AcceptanceBenchmark acceptance) {
        PlatformClient.Tokens officer = client.tokens("zj-officer");
        PlatformClient.Tokens central = client.tokens("central");
        officer.refresh();
        if (phases.open() || phases.classification() || phases.incidents()) {
            central.refresh(); // fails now rather than after the open-loop phases
        }
        String started = OffsetDateTime.now().withNano(0).toString();
        boolean classify = phases.classification();
        if (classify) {
            try {
                classification.prepare(this, central); // fails now when classification is not seeded
            } catch (IllegalStateException e) {
                if (classification.required()) {
                    throw e;
                }
                System.out.println("bench: classification targets left out: " + e.getMessage());
                notes.add("Classification targets left out: " + e.getMessage());
                classify = false;
            }
        }
        boolean incidentTargets = phases.incidents();
        if (incidentTargets) {
            try {
                incidents.prepare(this, central, outDir); // fails now when the incident service cannot be benchmarked
            } catch (IllegalStateException e) {
                if (incidents.required()) {
                    throw e;
                }
                System.out.println("bench: incident targets left out: " + e.getMessage());
                notes.add("Incident targets left out: " + e.getMessage());
                incidentTargets = false;
            }
        }
        boolean acceptanceTargets = phases.acceptance();
        if (acceptanceTargets) {
            try {
                acceptance.prepare(this); // fails now when the public notice list cannot be read
            } catch (IllegalStateException e) {
                if (acceptance.required()) {
                    throw e;
                }
                System.out.println("bench: acceptance targets left out: " + e.getMessage());
                notes.add("Acceptance targets left out: " + e.getMessage());
                acceptanceTargets = false;
            }
        }
        if (incidentTargets) {
            // first: the scan of the batch ./platform bench recorded before this run, without the other phases' load
            incidents.breachScan(central);
        }
        List<String> ids = phases.registry() ? registryPhases(phases, officer, central, rates, seconds, statisticsRuns,
                asOf, clients, closedSeconds) : List.of();
        if (classify) {
            classification.run(rates, seconds, central);
        }
        if (incidentTargets) {
            incidents.run(central);
        }
        if (acceptanceTargets) {
            acceptance.run();
        }
        String report = report(started, rates, seconds, closedSeconds, ids.size());
        System.out.println();
        System.out.println(table());
        write(report);
    }

    /** The registry's phases; returns the ids the file reads picked among. */
    private List<String> registryPhases(Phases phases, PlatformClient.Tokens officer, PlatformClient.Tokens central,
                                        List<Integer> rates, int seconds, int statisticsRuns, YearMonth asOf,
                                        List<Integer> clients, int closedSeconds) {
        // set-up reads go straight to the service: the list can take longer than the gateway's 10 s time-out
        JsonNode scoped = client.getJson(service.resolve("/api/v1/registry/institutions?page=0&size=20"), officer);
        long inScope = scoped.path("totalElements").asLong();
        int pages = (int) Math.max(1, scoped.path("totalPages").asLong());
        if (inScope == 0) {
            throw new IllegalStateException("zj-officer sees no institutions: run ./platform seed first");
        }
        List<String> ids = collectIds(officer);
        probePath = "/api/v1/registry/institutions/" + ids.get(0);
        System.out.printf("bench: %,d institutions in zj-officer's scope (%d pages of 20); %,d ids for file reads%n",
                inScope, pages, ids.size());
        notes.add(String.format("zj-officer (province 33) sees %,d institutions (registered in or doing business in "
                + "Zhejiang), %d pages of 20; file reads pick among %,d of their ids.", inScope, pages, ids.size()));

        if (phases.open()) {
            registryOpenRan = true;
            String own = ownFile(officer);
            try (BackgroundWriter writer = new BackgroundWriter(client, service, own, officer).start()) {
                openPhases(officer, pages, ids, rates, seconds);
                notes.add(String.format("While the open-loop phases ran, a background writer committed one change per"
                        + " second to one of zj-officer's files (a merge patch, straight to the registry): %,d committed,"
                        + " %,d failed.", writer.committed(), writer.failed()));
            }
            try (BackgroundWriter writer = new BackgroundWriter(client, service, own, officer)) {
                for (URI base : List.of(gateway, service)) {
                    String target = base == gateway ? "gateway" : "service";
                    rows.add(statistics(central, statisticsRuns, asOf, base, target));
                    rows.add(statisticsAfterChange(central, statisticsRuns, asOf, base, target, writer));
                }
            }
        }
        if (phases.closed()) {
            closedPhases(officer, ids, clients, closedSeconds);
        }
        return ids;
    }

    // -------------------------------------------------------------------------- what ClassificationBenchmark adds

    void add(Row row) {
        rows.add(row);
    }

    void addProposals(ClosedRow row) {
        proposals.add(row);
    }

    /** {@code label}: a few words for the terminal's table; {@code description}: the report's paragraph. */
    void describeProposals(String label, String description) {
        proposalsLabel = label;
        proposalsDescription = description;
    }

    void describeClassification(String description) {
        classificationDescription = description;
    }

    /** A section of its own after the tables: {@code text} for the terminal, {@code markdown} for the report. */
    void addSection(String text, String markdown) {
        sections.add(new String[]{text, markdown});
    }

    /** A line under the report's tables. */
    void note(String note) {
        notes.add(note);
    }

    PlatformClient client() {
        return client;
    }

    URI gateway() {
        return gateway;
    }

    /** The registry service, straight ({@code --service}). */
    URI registry() {
        return service;
    }

    Duration timeout() {
        return timeout;
    }

    int baselineRuns() {
        return baselineRuns;
    }

    Duration openWarmUp() {
        return openWarmUp;
    }

    /** Each target: first one request at a time (the unloaded latency), then open loop at each rate. */
    private void openPhases(PlatformClient.Tokens officer, int pages, List<String> ids, List<Integer> rates,
                            int seconds) {
        SplittableRandom random = new SplittableRandom(42);
        IntFunction<URI> listPage = i -> URI.create("/api/v1/registry/institutions?page=" + random.nextInt(pages) + "&size=20");
        IntFunction<URI> fileRead = i -> URI.create("/api/v1/registry/institutions/" + ids.get(random.nextInt(ids.size())));
        for (String[] target : new String[][]{{"scoped paged list", "gateway"}, {"file read", "gateway"},
                {"scoped paged list", "service"}, {"file read", "service"}}) {
            URI base = "gateway".equals(target[1]) ? gateway : service;
            IntFunction<URI> path = target[0].startsWith("file") ? fileRead : listPage;
            officer.refresh();
            settle(base, officer);
            rows.add(sequential(target[0], target[1], request(base, officer, path, timeout), baselineRuns, 2, ""));
            if (!openWarmUp.isZero()) {
                int rate = Collections.max(rates);
                System.out.printf("bench: warming up %s via %s at %d req/s for %d s (not recorded) ...%n", target[0],
                        target[1], rate, openWarmUp.toSeconds());
                openLoop(target[0], target[1], rate, (int) openWarmUp.toSeconds(), request(base, officer, path, timeout));
            }
            for (int rate : rates) {
                rows.add(phase(target[0], target[1], base, rate, seconds, officer, path));
            }
        }
    }

    /** Up to 1,000 ids of files in the officer's scope, from the list. */
    private List<String> collectIds(PlatformClient.Tokens officer) {
        List<String> ids = new ArrayList<>();
        for (int page = 0; page < 5; page++) {
            JsonNode list = client.getJson(service.resolve("/api/v1/registry/institutions?page=" + page + "&size=200"),
                    officer);
            for (JsonNode summary : list.path("content")) {
                ids.add(summary.path("id").asString());
            }
            if (page + 1 >= list.path("totalPages").asLong()) {
                break;
            }
        }
        return ids;
    }

    private Row phase(String phase, String target, URI base, int rate, int seconds, PlatformClient.Tokens tokens,
                      IntFunction<URI> path) {
        return phase(phase, target, base, rate, seconds, tokens, path, probePath);
    }

    /** One open-loop phase after the target settled ({@code probe}: a quick read of the target's store). */
    Row phase(String phase, String target, URI base, int rate, int seconds, PlatformClient.Tokens tokens,
              IntFunction<URI> path, String probe) {
        tokens.refresh(); // a fresh token outlives the phase (tokens live 300 s)
        settle(base, tokens, probe);
        System.out.printf("bench: %s via %s at %d req/s for %d s ...%n", phase, target, rate, seconds);
        Row row = openLoop(phase, target, rate, seconds, request(base, tokens, path, timeout));
        System.out.printf("  %,d requests, %,d errors, p50 %s ms, p99 %s ms, max %s ms, achieved %.1f/s%s%n",
                row.requests(), row.errors(), ms(row.p50()), ms(row.p99()), ms(row.max()), row.achieved(),
                row.note().isEmpty() ? "" : " (" + row.note() + ")");
        return row;
    }

    static IntFunction<HttpRequest> request(URI base, PlatformClient.Tokens tokens, IntFunction<URI> path,
                                            Duration timeout) {
        return i -> HttpRequest.newBuilder(base.resolve(path.apply(i))).timeout(timeout)
                .header("Authorization", tokens.bearer()).header("Accept", "application/json").GET().build();
    }

    /** Sends {@code rate × seconds} requests at fixed intervals, without waiting for answers; 2xx is success. */
    Row openLoop(String phase, String target, int rate, int seconds, IntFunction<HttpRequest> requests) {
        return openLoop(phase, target, rate, seconds, requests, Benchmark::ok);
    }

    /** A 2xx answer. */
    static boolean ok(int status) {
        return status / 100 == 2;
    }

    /**
     * Sends {@code rate × seconds} requests at fixed intervals, without waiting for answers; {@code success} says
     * which statuses count as answered (their latencies make the percentiles), every other status is an error.
     */
    Row openLoop(String phase, String target, int rate, int seconds, IntFunction<HttpRequest> requests,
                 IntPredicate success) {
        int total = rate * seconds;
        long[] latencies = new long[total];
        Arrays.fill(latencies, -1);
        AtomicLong failures = new AtomicLong();
        AtomicLong dropped = new AtomicLong();
        AtomicLong lastCompletion = new AtomicLong();
        AtomicInteger inFlight = new AtomicInteger();
        Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(total);
        long maxLag = 0;
        long saturatedSince = 0;
        double abortedAt = -1;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        for (int i = 0; i < total; i++) {
            final int index = i;
            final long due = start + (long) i * 1_000_000_000L / rate;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            maxLag = Math.max(maxLag, -wait);
            if (inFlight.get() >= maxInFlight) {
                long now = System.nanoTime();
                saturatedSince = saturatedSince == 0 ? now : saturatedSince;
                if (now - saturatedSince > SATURATED.toNanos()) {
                    // the target keeps up with nothing: stop loading it, the rest counts as not sent
                    abortedAt = (now - start) / 1e9;
                    dropped.addAndGet(total - i);
                    for (int rest = i; rest < total; rest++) {
                        done.countDown();
                    }
                    break;
                }
                dropped.incrementAndGet();
                done.countDown();
                continue;
            }
            saturatedSince = 0;
            inFlight.incrementAndGet();
            client.http.sendAsync(requests.apply(i), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> {
                        long end = System.nanoTime();
                        if (failure != null) {
                            failures.incrementAndGet();
                            Throwable cause = failure instanceof java.util.concurrent.CompletionException
                                    && failure.getCause() != null ? failure.getCause() : failure;
                            statuses.computeIfAbsent(cause.getClass().getSimpleName(), k -> new AtomicLong())
                                    .incrementAndGet();
                        } else if (success.test(response.statusCode())) {
                            latencies[index] = end - due;
                        } else {
                            statuses.computeIfAbsent("HTTP " + response.statusCode(), k -> new AtomicLong())
                                    .incrementAndGet();
                        }
                        lastCompletion.accumulateAndGet(end, Math::max);
                        inFlight.decrementAndGet();
                        done.countDown();
                    });
        }
        try {
            if (!done.await(timeout.toSeconds() + 15, TimeUnit.SECONDS)) {
                notes.add(phase + " via " + target + " at " + rate + "/s: " + done.getCount()
                        + " requests still outstanding when the phase was closed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
        long[] ok = Arrays.stream(latencies).filter(l -> l >= 0).sorted().toArray();
        long errors = total - ok.length;
        double elapsed = Math.max(lastCompletion.get() - start, 1) / 1e9;
        StringBuilder note = new StringBuilder();
        new TreeMap<>(statuses).forEach((status, n) -> note.append(note.length() == 0 ? "" : ", ")
                .append(status).append(" × ").append(n.get()));
        if (dropped.get() > 0) {
            note.append(note.length() == 0 ? "" : ", ").append("not sent (").append(maxInFlight)
                    .append(" outstanding) × ").append(dropped.get());
        }
        if (abortedAt >= 0) {
            note.append(note.length() == 0 ? "" : ", ").append(String.format("saturated: %d outstanding for %d s, "
                    + "stopped sending at %.0f s", maxInFlight, SATURATED.toSeconds(), abortedAt));
        }
        if (maxLag > TimeUnit.MILLISECONDS.toNanos(20)) {
            note.append(note.length() == 0 ? "" : ", ").append(String.format("sender up to %.0f ms late", maxLag / 1e6));
        }
        return new Row(phase, target, Integer.toString(rate), total, errors, percentile(ok, 0.50),
                percentile(ok, 0.99), ok.length == 0 ? Double.NaN : ok[ok.length - 1] / 1e6, ok.length / elapsed,
                note.toString());
    }

    /**
     * Closed loop, gateway versus direct, file reads as the officer: after a warm-up per target at the largest client
     * count, each count runs straight to the service, then through the gateway, so that the two figures of a count
     * are taken back to back. Every phase starts with a fresh token; as each request asks {@link PlatformClient.Tokens}
     * for its header, a phase that outlasts the token (four minutes) gets a new one in its middle.
     */
    private void closedPhases(PlatformClient.Tokens officer, List<String> ids, List<Integer> clients, int seconds) {
        HttpClient http = closedLoopClient();
        IntFunction<URI> anyFile = i -> URI.create("/api/v1/registry/institutions/"
                + ids.get(ThreadLocalRandom.current().nextInt(ids.size())));
        int most = Collections.max(clients);
        Duration warmUp = Duration.ofSeconds(Math.min(seconds, WARM_UP.toSeconds()));
        for (String target : new String[]{"direct", "gateway"}) {
            URI base = "gateway".equals(target) ? gateway : service;
            officer.refresh();
            settle(base, officer);
            System.out.printf("bench: closed-loop warm-up via %s, %d clients for %d s ...%n", target, most,
                    warmUp.toSeconds());
            closedLoop(http, "warm-up", most, warmUp, request(base, officer, anyFile, timeout));
        }
        for (int count : clients) {
            ClosedRow direct = closedPhase(http, "direct", service, count, seconds, officer, anyFile);
            ClosedRow viaGateway = closedPhase(http, "gateway", gateway, count, seconds, officer, anyFile);
            comparisons.add(new Comparison(direct, viaGateway));
        }
    }

    private ClosedRow closedPhase(HttpClient http, String target, URI base, int clients, int seconds,
                                  PlatformClient.Tokens tokens, IntFunction<URI> path) {
        tokens.refresh();
        settle(base, tokens);
        System.out.printf("bench: file read via %s, closed loop, %d clients for %d s ...%n", target, clients, seconds);
        ClosedRow row = closedLoop(http, target, clients, Duration.ofSeconds(seconds),
                request(base, tokens, path, timeout));
        System.out.printf("  %,d requests, %,d non-2xx%s, %,d transport failures%s, %.1f req/s, p50 %s ms, "
                        + "p99 %s ms, max %s ms%n", row.requests(), row.nonOk(), parenthesised(row.statuses()),
                row.failed(), parenthesised(row.failures()), row.throughput(), ms(row.p50()), ms(row.p99()),
                ms(row.max()));
        return row;
    }

    /**
     * The closed loop's HTTP client, with connections of its own. HTTP/1.1, without the h2c upgrade that the JDK
     * client otherwise offers on every request to a server that does not take it; the JDK client then gives every
     * outstanding exchange a connection of its own, reusing idle ones and opening more without a per-host limit, so
     * {@code n} clients are {@code n} requests in the server at once ({@code BenchmarkTest} checks 64 against a stub
     * server).
     */
    static HttpClient closedLoopClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /**
     * {@code clients} threads that each send a request, wait for the last byte of its answer and send the next, for
     * {@code duration}; a request under way at the end is waited for and counted. The request is built before its
     * clock starts (building it may refresh the token). Throughput is 2xx answers per second from the first send to the
     * last answer.
     */
    static ClosedRow closedLoop(HttpClient http, String target, int clients, Duration duration,
                                IntFunction<HttpRequest> requests) {
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        List<LoopClient> loops = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            loops.add(new LoopClient(http, requests, start, start + duration.toNanos(), null, 0));
        }
        return collect(target, start, loops);
    }

    /**
     * A closed-loop pass over {@code total} requests: {@code clients} threads each take the next index not yet sent,
     * send its request, wait for the last byte of the answer and take the next, until every index was sent once.
     * Throughput is 2xx answers per second from the first send to the last answer.
     */
    static ClosedRow closedPass(HttpClient http, String target, int clients, int total,
                                IntFunction<HttpRequest> requests) {
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        AtomicInteger next = new AtomicInteger();
        List<LoopClient> loops = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            loops.add(new LoopClient(http, requests, start, Long.MAX_VALUE, next, total));
        }
        return collect(target, start, loops);
    }

    /** Runs the clients, each on a thread of its own, and merges their counts when all have ended. */
    private static ClosedRow collect(String target, long start, List<LoopClient> loops) {
        int clients = loops.size();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(loops.get(i), "closed-loop-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        long requestCount = 0;
        long last = start;
        Map<String, Long> statuses = new TreeMap<>();
        Map<String, Long> failures = new TreeMap<>();
        long[] latencies = new long[0];
        for (int i = 0; i < clients; i++) {
            try {
                threads.get(i).join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
            LoopClient loop = loops.get(i);
            if (loop.error != null) {
                throw loop.error;
            }
            requestCount += loop.sent;
            last = Math.max(last, loop.finished);
            loop.statuses.forEach((status, n) -> statuses.merge(status, n, Long::sum));
            loop.failures.forEach((kind, n) -> failures.merge(kind, n, Long::sum));
            int from = latencies.length;
            latencies = Arrays.copyOf(latencies, from + loop.ok);
            System.arraycopy(loop.latencies, 0, latencies, from, loop.ok);
        }
        Arrays.sort(latencies);
        double elapsed = Math.max(last - start, 1) / 1e9;
        return new ClosedRow(target, clients, requestCount, statuses, failures, latencies.length / elapsed,
                percentile(latencies, 0.50), percentile(latencies, 0.99),
                latencies.length == 0 ? Double.NaN : latencies[latencies.length - 1] / 1e6);
    }

    /**
     * One client of the closed loop, with counts of its own (merged after the phase: nothing shared while it runs but
     * the index of a pass): until {@code end}, or, with {@code next}, until the pass's {@code total} requests are sent.
     */
    private static final class LoopClient implements Runnable {
        private final HttpClient http;
        private final IntFunction<HttpRequest> requests;
        private final long start;
        private final long end;
        private final AtomicInteger next;
        private final int total;
        private final Map<String, Long> statuses = new TreeMap<>();
        private final Map<String, Long> failures = new TreeMap<>();
        private long[] latencies = new long[1024];
        private int ok;
        private long sent;
        private long finished;
        private RuntimeException error;

        LoopClient(HttpClient http, IntFunction<HttpRequest> requests, long start, long end, AtomicInteger next,
                   int total) {
            this.http = http;
            this.requests = requests;
            this.start = start;
            this.end = end;
            this.next = next;
            this.total = total;
        }

        @Override
        public void run() {
            try {
                long wait;
                while ((wait = start - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                while (true) {
                    int index;
                    if (next == null) {
                        if (System.nanoTime() >= end) {
                            break;
                        }
                        index = (int) sent;
                    } else {
                        index = next.getAndIncrement();
                        if (index >= total) {
                            break;
                        }
                    }
                    HttpRequest request = requests.apply(index);
                    sent++;
                    long begin = System.nanoTime();
                    try {
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        long latency = System.nanoTime() - begin;
                        if (status / 100 == 2) {
                            if (ok == latencies.length) {
                                latencies = Arrays.copyOf(latencies, 2 * ok);
                            }
                            latencies[ok++] = latency;
                        } else {
                            statuses.merge(Integer.toString(status), 1L, Long::sum);
                        }
                    } catch (IOException e) {
                        failures.merge(e.getClass().getSimpleName(), 1L, Long::sum);
                        LockSupport.parkNanos(FAILURE_PAUSE.toNanos());
                    }
                }
            } catch (InterruptedException e) {
                error = new IllegalStateException("Interrupted", e);
            } catch (RuntimeException e) {
                error = e; // e.g. Keycloak refused a token: the phase fails rather than losing a client unnoticed
            }
            finished = System.nanoTime();
        }
    }

    /** A file zj-officer may write (registered in Zhejiang), for the background writer. */
    private String ownFile(PlatformClient.Tokens officer) {
        JsonNode list = client.getJson(service.resolve("/api/v1/registry/institutions?province=33&page=0&size=1"),
                officer);
        return list.path("content").get(0).path("id").asString();
    }

    /**
     * National statistics, each the first request after a change: the writer commits one change (acknowledged), then
     * one statistics request is timed; {@code runs} times.
     */
    private Row statisticsAfterChange(PlatformClient.Tokens central, int runs, YearMonth asOf, URI base, String target,
                                      BackgroundWriter writer) {
        URI uri = base.resolve("/api/v1/registry/statistics?asOf=" + asOf);
        central.refresh();
        System.out.printf("bench: national statistics via %s, first request after a change, %d times ...%n", target,
                runs);
        long[] latencies = new long[runs];
        long errors = 0;
        for (int i = 0; i < runs; i++) {
            if (!writer.commitOne()) {
                errors++;
            }
            long begin = System.nanoTime();
            int status = send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120))
                    .header("Authorization", central.bearer()).header("Accept", "application/json").GET().build());
            latencies[i] = System.nanoTime() - begin;
            if (status / 100 != 2) {
                errors++;
            }
        }
        Arrays.sort(latencies);
        Row row = new Row("national statistics, first after a change", target, "sequential", runs, errors,
                percentile(latencies, 0.50), percentile(latencies, 0.99), latencies[runs - 1] / 1e6, 0, "");
        System.out.printf("  p50 %s ms, p99 %s ms, max %s ms, %d errors%n", ms(row.p50()), ms(row.p99()),
                ms(row.max()), errors);
        return row;
    }

    /** National statistics as central, one request at a time, nothing changing meanwhile. */
    private Row statistics(PlatformClient.Tokens central, int runs, YearMonth asOf, URI base, String target) {
        URI uri = base.resolve("/api/v1/registry/statistics?asOf=" + asOf);
        central.refresh();
        settle(base, central);
        HttpResponse<String> first = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120))
                .header("Authorization", central.bearer()).header("Accept", "application/json").GET().build());
        if (first.statusCode() != 200) {
            throw new IllegalStateException("statistics: HTTP " + first.statusCode() + " "
                    + PlatformClient.abbreviate(first.body()));
        }
        JsonNode national = client.json.readTree(first.body()).path("national");
        return sequential("national statistics, unchanged", target, i -> HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(120)).header("Authorization", central.bearer())
                        .header("Accept", "application/json").GET().build(), runs, 1,
                String.format("asOf %s: %,d institutions, %,d without a report", asOf,
                        national.path("institutions").asLong(), national.path("withoutReport").asLong()));
    }

    /** {@code runs} requests one after the other (after {@code warmups} unmeasured ones): latency without load. */
    Row sequential(String phase, String target, IntFunction<HttpRequest> request, int runs, int warmups,
                   String note) {
        System.out.printf("bench: %s via %s, %d requests one at a time ...%n", phase, target, runs);
        for (int i = 0; i < warmups; i++) {
            send(request.apply(i));
        }
        long[] latencies = new long[runs];
        long errors = 0;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            long begin = System.nanoTime();
            int status = send(request.apply(i));
            latencies[i] = System.nanoTime() - begin;
            if (status / 100 != 2) {
                errors++;
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        Row row = new Row(phase, target, "sequential", runs, errors, percentile(latencies, 0.50),
                percentile(latencies, 0.99), latencies[runs - 1] / 1e6, (runs - errors) / elapsed, note);
        System.out.printf("  p50 %s ms, p99 %s ms, max %s ms, %d errors%n", ms(row.p50()), ms(row.p99()),
                ms(row.max()), errors);
        return row;
    }

    /**
     * Waits (at most 120 s) until a file read answers within 250 ms three times in a row, so that a phase does not
     * start while the service still works off the backlog of the one before (requests the client gave up on keep
     * running in the service, holding the store). A file read needs the store; {@code /me} would not.
     */
    private void settle(URI base, PlatformClient.Tokens tokens) {
        settle(base, tokens, probePath);
    }

    void settle(URI base, PlatformClient.Tokens tokens, String probe) {
        URI me = base.resolve(probe);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        int quick = 0;
        while (System.nanoTime() < deadline) {
            long begin = System.nanoTime();
            int status = send(HttpRequest.newBuilder(me).timeout(Duration.ofSeconds(10))
                    .header("Authorization", tokens.bearer()).GET().build());
            boolean fast = status / 100 == 2 && System.nanoTime() - begin < TimeUnit.MILLISECONDS.toNanos(250);
            quick = fast ? quick + 1 : 0;
            if (quick == 3) {
                return;
            }
            Seeder.sleep(Duration.ofMillis(fast ? 200 : 2000));
        }
        notes.add("a phase started although the service had not settled after 120 s");
    }

    private int send(HttpRequest request) {
        try {
            return client.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    // ------------------------------------------------------------------------------------------------------ output

    String table() {
        StringBuilder text = new StringBuilder();
        if (!rows.isEmpty()) {
            String format = "%-20s %-8s %-10s %9s %7s %9s %9s %9s %9s%n";
            text.append(String.format(format, "phase", "target", "rate/s", "requests", "errors", "p50 ms", "p99 ms",
                    "max ms", "achieved"));
            for (Row row : rows) {
                text.append(String.format(format, row.phase(), row.target(), row.rate(), row.requests(), row.errors(),
                        ms(row.p50()), ms(row.p99()), ms(row.max()), String.format("%.1f/s", row.achieved())));
            }
            for (Row row : rows) {
                if (!row.note().isEmpty()) {
                    text.append(String.format("  %s via %s at %s: %s%n", row.phase(), row.target(), row.rate(),
                            row.note()));
                }
            }
        }
        if (!comparisons.isEmpty()) {
            text.append(rows.isEmpty() ? "" : "\n").append("closed loop, file reads: gateway versus direct\n");
            String format = "%7s %12s %13s %6s %17s %18s  %-15s %s%n";
            text.append(String.format(format, "clients", "direct req/s", "gateway req/s", "ratio", "direct p50/p99",
                    "gateway p50/p99", "non-2xx direct", "non-2xx gateway"));
            for (Comparison level : comparisons) {
                ClosedRow direct = level.direct();
                ClosedRow viaGateway = level.gateway();
                text.append(String.format(format, direct.clients(), String.format("%.1f", direct.throughput()),
                        String.format("%.1f", viaGateway.throughput()), ratio(level.ratio()), latencies(direct),
                        latencies(viaGateway), nonOk(direct), nonOk(viaGateway)));
            }
            String detail = "%-8s %7s %9s %9s %9s %9s %9s %9s  %s%n";
            text.append('\n').append(String.format(detail, "target", "clients", "requests", "req/s", "p50 ms", "p99 ms", "max ms",
                    "failures", "non-2xx"));
            for (ClosedRow row : closedRows()) {
                text.append(String.format(detail, row.target(), row.clients(), row.requests(),
                        String.format("%.1f", row.throughput()), ms(row.p50()), ms(row.p99()), ms(row.max()),
                        row.failed(), nonOk(row)));
            }
            for (ClosedRow row : closedRows()) {
                if (row.failed() > 0) {
                    text.append(String.format("  %s with %d clients: transport failures %s%n", row.target(),
                            row.clients(), counts(row.failures())));
                }
            }
        }
        if (!proposals.isEmpty()) {
            text.append(rows.isEmpty() && comparisons.isEmpty() ? "" : "\n")
                    .append("closed loop, classification proposals: ").append(proposalsLabel).append('\n');
            String detail = "%-8s %7s %9s %11s %9s %9s %9s %9s  %s%n";
            text.append(String.format(detail, "target", "clients", "requests", "proposals/s", "p50 ms", "p99 ms",
                    "max ms", "failures", "non-2xx"));
            for (ClosedRow row : proposals) {
                text.append(String.format(detail, row.target(), row.clients(), row.requests(),
                        String.format("%.1f", row.throughput()), ms(row.p50()), ms(row.p99()), ms(row.max()),
                        row.failed(), nonOk(row)));
            }
        }
        for (String[] section : sections) {
            text.append(text.length() == 0 ? "" : "\n").append(section[0]);
        }
        Properties seed = lastSeed();
        if (seed != null && seed.getProperty("classification.institutions") != null
                && !"skipped".equals(seed.getProperty("classification.institutions"))) {
            text.append(String.format("classification (last seed): %s institutions; findings %s; decisions %s; "
                            + "%s failed, %s s%n", seed.getProperty("classification.institutions"),
                    seed.getProperty("classification.findings", "-"), seed.getProperty("classification.decisions", "-"),
                    seed.getProperty("classification.failed", "0"), seed.getProperty("classification.seconds", "-")));
        }
        if (seed != null) {
            text.append(String.format("import (last seed, %s institutions): institutions %s rows/s (%s rows in %s s, %s); "
                            + "reports %s rows/s (%s rows in %s s, %s)%n", seed.getProperty("institutions"),
                    seed.getProperty("institutions.rate"), seed.getProperty("institutions.rows"),
                    seed.getProperty("institutions.seconds"), seed.getProperty("institutions.counts"),
                    seed.getProperty("reports.rate"), seed.getProperty("reports.rows"),
                    seed.getProperty("reports.seconds"), seed.getProperty("reports.counts")));
        }
        return text.toString();
    }

    private String report(String started, List<Integer> rates, int seconds, int closedSeconds, int idCount) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark\n\n");
        md.append("Run ").append(started).append(" against gateway ").append(gateway).append(" and service ")
                .append(service).append(" (").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ").append(System.getProperty("java.version")).append(").\n\n");
        if (!rows.isEmpty()) {
            md.append("Open loop: requests scheduled every 1/rate s for ").append(seconds).append(" s at ")
                    .append(rates).append(" req/s, sent asynchronously whatever the answers; latency from the "
                            + "scheduled send time to the last byte (no coordinated omission); percentiles over 2xx "
                            + "answers; before each target's recorded phases, ").append(openWarmUp.toSeconds())
                    .append(" s unrecorded at the highest rate (JIT compilation, connections); errors = non-2xx + "
                            + "failures + not sent (more than ").append(maxInFlight)
                    .append(" outstanding; a phase stops sending after ").append(SATURATED.toSeconds())
                    .append(" s at that limit); time-out ").append(timeout.toSeconds())
                    .append(" s. Rows \"sequential\": one request at a time (").append(baselineRuns)
                    .append(" per target), the latency without load.");
            if (registryOpenRan) {
                md.append(" List and file reads as zj-officer (province 33), random pages / random ids of its scope, "
                        + "through the gateway and straight to the registry service with the same token; statistics "
                        + "as central.");
            }
            if (!classificationDescription.isEmpty()) {
                md.append(' ').append(classificationDescription);
            }
            md.append("\n\n");
        }
        Properties seed = lastSeed();
        if (seed != null) {
            md.append("## Import (last `./platform seed`, ").append(seed.getProperty("at")).append(")\n\n");
            md.append("| import | rows | seconds | rows/s | outcomes |\n|---|---:|---:|---:|---|\n");
            for (String kind : new String[]{"institutions", "reports"}) {
                md.append("| ").append(kind).append(" | ").append(seed.getProperty(kind + ".rows")).append(" | ")
                        .append(seed.getProperty(kind + ".seconds")).append(" | ")
                        .append(seed.getProperty(kind + ".rate")).append(" | ")
                        .append(seed.getProperty(kind + ".counts")).append(" |\n");
            }
            md.append("\nSeed: ").append(seed.getProperty("institutions")).append(" institutions, seed ")
                    .append(seed.getProperty("seed")).append(", ").append(seed.getProperty("months"))
                    .append(" months of reports up to ").append(seed.getProperty("until")).append(".");
            if ("skipped".equals(seed.getProperty("classification.institutions"))) {
                md.append(" Classification: skipped (--no-classification).");
            } else if (seed.getProperty("classification.institutions") != null) {
                md.append(" Classification: ").append(seed.getProperty("classification.institutions"))
                        .append(" institutions (provinces: ")
                        .append(seed.getProperty("classification.provinces", "33,44")).append("); findings ")
                        .append(seed.getProperty("classification.findings", "-")).append("; decisions ")
                        .append(seed.getProperty("classification.decisions", "-")).append("; ")
                        .append(seed.getProperty("classification.failed", "0")).append(" failed; ")
                        .append(seed.getProperty("classification.seconds", "-")).append(" s.");
            }
            if (seed.getProperty("incidents.events") != null) {
                md.append(" Incidents (").append(seed.getProperty("incidents.clock", "-")).append("): signals ")
                        .append(seed.getProperty("incidents.signals")).append("; events ")
                        .append(seed.getProperty("incidents.events")).append("; ")
                        .append(seed.getProperty("incidents.breachesExpected", "-")).append(" breaches expected; ")
                        .append(seed.getProperty("incidents.failed", "0")).append(" failed; ")
                        .append(seed.getProperty("incidents.seconds", "-")).append(" s.");
            }
            if (seed.getProperty("acceptance.cases") != null) {
                md.append(" Acceptance: cases ").append(seed.getProperty("acceptance.cases")).append("; ")
                        .append(seed.getProperty("acceptance.complaints", "0")).append(" complaints lodged; ")
                        .append(seed.getProperty("acceptance.seconds", "-")).append(" s.");
            }
            md.append("\n\n");
        }
        if (!rows.isEmpty()) {
            md.append("## Requests\n\n");
            md.append("| phase | target | rate/s | requests | errors | p50 ms | p99 ms | max ms | achieved/s "
                    + "| notes |\n");
            md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
            for (Row row : rows) {
                md.append("| ").append(row.phase()).append(" | ").append(row.target()).append(" | ").append(row.rate())
                        .append(" | ").append(row.requests()).append(" | ").append(row.errors()).append(" | ")
                        .append(ms(row.p50())).append(" | ").append(ms(row.p99())).append(" | ").append(ms(row.max()))
                        .append(" | ").append(String.format("%.1f", row.achieved())).append(" | ").append(row.note())
                        .append(" |\n");
            }
            md.append('\n');
        }
        if (!comparisons.isEmpty()) {
            int most = closedRows().stream().mapToInt(ClosedRow::clients).max().orElseThrow();
            md.append("## Closed loop: gateway versus direct file reads\n\n");
            md.append("At each client count, that many clients each send a file read as zj-officer (a random id among ")
                    .append(String.format("%,d", idCount)).append(" of its scope), wait for the last byte of the "
                            + "answer and send the next, for ").append(closedSeconds).append(" s; first straight to "
                            + "the registry service (direct), then through the gateway, with the same token. Before "
                            + "the counts, a ").append(Math.min(closedSeconds, WARM_UP.toSeconds())).append(" s "
                            + "warm-up per target with ").append(most).append(" clients, not recorded. HTTP/1.1, a "
                            + "connection per client. req/s: 2xx answers per second from the first send to the last "
                            + "answer; ratio: gateway req/s ÷ direct req/s; latency from the send to the last byte, "
                            + "over the 2xx answers; a client waits ").append(FAILURE_PAUSE.toMillis())
                    .append(" ms after a transport failure; time-out ").append(timeout.toSeconds()).append(" s.\n\n");
            md.append("| clients | direct req/s | gateway req/s | ratio | direct p50/p99 ms | gateway p50/p99 ms "
                    + "| non-2xx direct | non-2xx gateway |\n");
            md.append("|---:|---:|---:|---:|---:|---:|---|---|\n");
            for (Comparison level : comparisons) {
                md.append("| ").append(level.direct().clients()).append(" | ")
                        .append(String.format("%.1f", level.direct().throughput())).append(" | ")
                        .append(String.format("%.1f", level.gateway().throughput())).append(" | ")
                        .append(ratio(level.ratio())).append(" | ").append(latencies(level.direct())).append(" | ")
                        .append(latencies(level.gateway())).append(" | ").append(nonOk(level.direct())).append(" | ")
                        .append(nonOk(level.gateway())).append(" |\n");
            }
            md.append("\n| target | clients | requests | req/s | p50 ms | p99 ms | max ms | non-2xx "
                    + "| transport failures |\n");
            md.append("|---|---:|---:|---:|---:|---:|---:|---|---|\n");
            for (ClosedRow row : closedRows()) {
                md.append("| ").append(row.target()).append(" | ").append(row.clients()).append(" | ")
                        .append(row.requests()).append(" | ").append(String.format("%.1f", row.throughput()))
                        .append(" | ").append(ms(row.p50())).append(" | ").append(ms(row.p99())).append(" | ")
                        .append(ms(row.max())).append(" | ").append(nonOk(row)).append(" | ").append(row.failed())
                        .append(parenthesised(row.failures())).append(" |\n");
            }
            md.append('\n');
        }
        if (!proposals.isEmpty()) {
            md.append("## Classification proposals, closed loop\n\n");
            md.append("Proposals for ").append(proposalsDescription).append("\n\n");
            md.append("| target | clients | requests | proposals/s | p50 ms | p99 ms | max ms | non-2xx "
                    + "| transport failures |\n");
            md.append("|---|---:|---:|---:|---:|---:|---:|---|---|\n");
            for (ClosedRow row : proposals) {
                md.append("| ").append(row.target()).append(" | ").append(row.clients()).append(" | ")
                        .append(row.requests()).append(" | ").append(String.format("%.1f", row.throughput()))
                        .append(" | ").append(ms(row.p50())).append(" | ").append(ms(row.p99())).append(" | ")
                        .append(ms(row.max())).append(" | ").append(nonOk(row)).append(" | ").append(row.failed())
                        .append(parenthesised(row.failures())).append(" |\n");
            }
            md.append('\n');
        }
        sections.forEach(section -> md.append(section[1]));
        notes.forEach(note -> md.append("- ").append(note).append('\n'));
        return md.toString();
    }

    private void write(String markdown) {
        try {
            Files.createDirectories(outDir);
            Path file = outDir.resolve("benchmark.md");
            Files.writeString(file, markdown, StandardCharsets.UTF_8);
            System.out.println("bench: written " + file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Properties lastSeed() {
        Path file = outDir.resolve("seed-result.properties");
        if (!Files.exists(file)) {
            return null;
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            return null;
        }
    }

    private static String ms(double value) {
        return Double.isNaN(value) ? "-" : String.format("%.1f", value);
    }

    private List<ClosedRow> closedRows() {
        return comparisons.stream().flatMap(level -> Stream.of(level.direct(), level.gateway())).toList();
    }

    /** Counts by status or exception, as {@code 503×12, 504×1}. */
    static String counts(Map<String, Long> counts) {
        StringBuilder text = new StringBuilder();
        counts.forEach((key, n) -> text.append(text.length() == 0 ? "" : ", ").append(key).append('×').append(n));
        return text.toString();
    }

    private static String parenthesised(Map<String, Long> counts) {
        return counts.isEmpty() ? "" : " (" + counts(counts) + ")";
    }

    private static String nonOk(ClosedRow row) {
        return row.nonOk() + parenthesised(row.statuses());
    }

    private static String latencies(ClosedRow row) {
        return ms(row.p50()) + " / " + ms(row.p99());
    }

    private static String ratio(double value) {
        return Double.isNaN(value) ? "-" : String.format("%.2f", value);
    }
}
