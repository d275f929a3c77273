package cn.p2psupervision.demo;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;

/**
 * The incident targets of {@code bench} ({@code --only incidents}, issue 9), in their own section of the report:
 * <ol>
 * <li><b>Breach scan</b> (INC-06): {@code ./platform bench} first restarts the incident service with its campaign
 * clock three hours behind real time and runs {@code bench --record-incident-batch}, which records
 * {@code --incident-events} especially major events (recorded, then levelled) with {@code --incident-clients}
 * concurrent clients, straight to the service, as the officers of Zhejiang and Guangdong, and writes their ids to
 * {@value #BATCH_FILE}; the script then restarts the service on real time and notes when. Every event of the batch now
 * has its 2 h notification overdue (and its 4 h written report not due yet), so the deadline scan must record one
 * breach per event. The benchmark waits for them on the central office's breach list and reports, from the breach
 * records' own {@code recordedAt}: the first and the last breach of the batch, and the service's restart to the last
 * (the scan's first run waits one scan delay after the start). It then closes the batch's events, so that their
 * written reports never fall due in a later run's scan.</li>
 * <li><b>Zombie detection</b>: {@code POST /api/v1/incidents/zombies/refresh} as central, straight to the service,
 * {@code --zombie-runs} times: the service's own {@code tookMillis} and the call's wall time, with its counts.
 * Reported as not available when the service answers 404 (the endpoint is not there yet).</li>
 * <li><b>Timeline export</b> (INC-12): one new event brought to {@code --timeline-entries} timeline entries with cheap
 * writes (containment measures taken, then moved on twice), then {@code --timeline-reads} sequential reads of its
 * timeline as JSON and as PDF, through the gateway and straight to the service: p50/p95/max and the sizes. Each read
 * is itself recorded on the timeline (AUTH-07), so the count grows by one per read.</li>
 * </ol>
 * The breach scan runs before the other kinds' phases (its figures come from the scan's records, but the scan should
 * not share the processor with their load); zombies and the timeline after them.
 */
final class IncidentBenchmark {

    /** The batch recorded with the clock behind: its events' ids, and when the script restarted the service. */
    static final String BATCH_FILE = "incident-batch.properties";
    /** The clock must stand this far behind real time for the notification (2 h) to be overdue after the restart... */
    static final Duration MIN_BEHIND = Duration.ofHours(2).plusMinutes(5);
    /** ... and no further than this, so that the written report (4 h) is not overdue yet. */
    static final Duration MAX_BEHIND = Duration.ofHours(4).minusMinutes(15);
    /** How long the benchmark waits for the scan to record the batch's breaches. */
    private static final Duration BREACH_WAIT = Duration.ofMinutes(5);
    private static final Duration POLL = Duration.ofSeconds(2);
    private static final Duration ZOMBIE_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration EXPORT_TIMEOUT = Duration.ofMinutes(2);
    private static final int TIMELINE_WARM_UP = 2;
    /** The containment measures the timeline's writes take in turn (INC-07: no level needed). */
    private static final List<String> CONTAINMENT = List.of("CONTROL_ACCOUNTS", "STOP_KEY_PERSONS_LEAVING",
            "SEAL_ASSETS", "PREVENT_CONTAGION", "UNIFIED_MESSAGING", "RIGHTS_PROTECTION_CHANNEL");

    /**
     * @param service         the incident service, straight ({@code --incident-service})
     * @param events          the breach scan's batch ({@code --incident-events})
     * @param clients         concurrent clients recording the batch and closing it ({@code --incident-clients})
     * @param timelineEntries entries of the exported timeline before the reads ({@code --timeline-entries})
     * @param timelineReads   reads per format and target ({@code --timeline-reads})
     * @param zombieRuns      zombie refreshes ({@code --zombie-runs})
     * @param required        asked for with {@code --only}: fail when the incident targets cannot run
     */
    record Settings(URI service, int events, int clients, int timelineEntries, int timelineReads, int zombieRuns,
                    boolean required) {
    }

    /** One line of the breach list: the event, the deadline's kind, and when the scan recorded the breach. */
    record BreachLine(String eventId, String kind, Instant recordedAt) {
    }

    /**
     * What the breach list says of the batch: how many of its events have their notification's breach recorded, the
     * first and last such breach, and the seconds from the restart (and from health) to them; breaches of another kind
     * on the batch's events (none expected: the written report is not due yet). Durations NaN when unknown.
     */
    record BreachFigures(int expected, int flagged, Instant first, Instant last, double firstToLast,
                         double restartToFirst, double restartToLast, double healthyToLast, int otherKinds) {

        static BreachFigures of(Set<String> batch, List<BreachLine> lines, Instant restartedAt, Instant healthyAt) {
            Map<String, Instant> notification = new HashMap<>();
            int other = 0;
            for (BreachLine line : lines) {
                if (!batch.contains(line.eventId())) {
                    continue;
                }
                if ("NOTIFICATION".equals(line.kind())) {
                    notification.merge(line.eventId(), line.recordedAt(), (a, b) -> a.isBefore(b) ? a : b);
                } else {
                    other++;
                }
            }
            Instant first = notification.values().stream().min(Instant::compareTo).orElse(null);
            Instant last = notification.values().stream().max(Instant::compareTo).orElse(null);
            return new BreachFigures(batch.size(), notification.size(), first, last, between(first, last),
                    between(restartedAt, first), between(restartedAt, last), between(healthyAt, last), other);
        }

        boolean complete() {
            return flagged == expected;
        }
    }

    /** min, p50, p95 and max of a sample of nanoseconds, in milliseconds (nearest rank; NaN when empty). */
    record Summary(int n, double min, double p50, double p95, double max) {

        static Summary of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Summary(sorted.length, sorted.length == 0 ? Double.NaN : sorted[0] / 1e6,
                    Benchmark.percentile(sorted, 0.50), Benchmark.percentile(sorted, 0.95),
                    sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6);
        }
    }

    /** The median of whole numbers (the mean of the two middle ones for an even count); NaN when empty. */
    static double median(long[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }

    /** The zombie refreshes: the last answer's counts, the service's own times and the calls' wall times (ms). */
    record ZombieFigures(boolean available, String problem, long institutionsScanned, long zombies, long alerts,
                         long[] tookMillis, long[] wallMillis) {
    }

    /** One format of the timeline export through one target. */
    record TimelineRow(String format, String target, int reads, int errors, Summary latency, int entriesFirst,
                       int entriesLast, long bytes, int pages) {
    }

    private final Settings settings;
    private Benchmark bench;
    private PlatformClient client;
    private IncidentApi direct;
    private IncidentApi viaGateway;
    private final Map<String, PlatformClient.Tokens> users = new HashMap<>();
    private final Map<String, List<String>> institutions = new LinkedHashMap<>();
    private Batch batch;
    private BreachFigures breaches;
    private String breachNote = "";
    private ZombieFigures zombies;
    private final List<TimelineRow> timeline = new ArrayList<>();
    private String timelineNote = "";

    IncidentBenchmark(Settings settings) {
        this.settings = settings;
    }

    boolean required() {
        return settings.required();
    }

    // ------------------------------------------------------------------------------------- the batch (clock behind)

    /** The breach scan's batch as {@code --record-incident-batch} wrote it, and the script's restart times. */
    record Batch(Map<String, String> provinceOf, Instant restartedAt, Instant healthyAt, Duration clockBehind,
                 double seconds, int failed) {

        static Batch read(Path file) {
            if (!Files.exists(file)) {
                return null;
            }
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, String> provinceOf = new LinkedHashMap<>();
            for (String entry : properties.getProperty("events", "").split(",")) {
                int colon = entry.indexOf(':');
                if (colon > 0) {
                    provinceOf.put(entry.substring(colon + 1).trim(), entry.substring(0, colon).trim());
                }
            }
            return new Batch(provinceOf, instant(properties.getProperty("restartedAt")),
                    instant(properties.getProperty("healthyAt")),
                    Duration.ofSeconds(Long.parseLong(properties.getProperty("clockBehindSeconds", "0"))),
                    Double.parseDouble(properties.getProperty("seconds", "NaN")),
                    Integer.parseInt(properties.getProperty("failed", "0")));
        }

        void write(Path file) {
            Properties properties = new Properties();
            StringBuilder events = new StringBuilder();
            provinceOf.forEach((id, province) -> events.append(events.length() == 0 ? "" : ",").append(province)
                    .append(':').append(id));
            properties.setProperty("events", events.toString());
            properties.setProperty("clockBehindSeconds", Long.toString(clockBehind.toSeconds()));
            properties.setProperty("seconds", String.format(java.util.Locale.ROOT, "%.1f", seconds));
            properties.setProperty("failed", Integer.toString(failed));
            try {
                Files.createDirectories(file.getParent());
                try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    properties.store(out, "the breach scan's batch (./platform bench appends restartedAt and healthyAt)");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static Instant instant(String value) {
            return value == null || value.isBlank() ? null : Instant.parse(value.trim());
        }
    }

    /**
     * {@code bench --record-incident-batch}: records the batch with the incident service's clock behind real time
     * (between {@link #MIN_BEHIND} and {@link #MAX_BEHIND}) and writes {@value #BATCH_FILE} to {@code outDir}.
     */
    void recordBatch(PlatformClient platform, URI registry, Path outDir) {
        this.client = platform;
        this.direct = new IncidentApi(platform, settings.service());
        PlatformClient.Tokens central = tokens("central");
        Duration behind = Duration.between(direct.clock(central), Instant.now());
        if (behind.compareTo(MIN_BEHIND) < 0 || behind.compareTo(MAX_BEHIND) > 0) {
            throw new IllegalStateException("the incident service's campaign clock stands "
                    + IncidentSeeder.describe(behind) + ": the breach scan's batch needs it between "
                    + MIN_BEHIND.toMinutes() + " and " + MAX_BEHIND.toMinutes() + " minutes behind (./platform bench "
                    + "restarts it 3 h behind before this step)");
        }
        collectInstitutions(registry, 1000);
        List<String[]> targets = new ArrayList<>(); // province, institution id, one per event
        for (int i = 0; i < settings.events(); i++) {
            String province = IncidentPlan.PROVINCES.get(i % IncidentPlan.PROVINCES.size());
            List<String> ids = institutions.get(province);
            if (ids.isEmpty()) {
                province = IncidentPlan.other(province);
                ids = institutions.get(province);
            }
            targets.add(new String[]{province, ids.get((i / IncidentPlan.PROVINCES.size()) % ids.size())});
        }
        System.out.printf("bench: incidents: recording the breach scan's batch: %,d especially major events over %,d "
                        + "institutions of 33 and %,d of 44, %d clients, straight to %s; the service's clock stands "
                        + "%s ...%n", settings.events(), institutions.get("33").size(), institutions.get("44").size(),
                settings.clients(), settings.service(), IncidentSeeder.describe(behind));
        Map<String, String> recorded = Collections.synchronizedMap(new LinkedHashMap<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        parallel(settings.events(), i -> {
            String[] target = targets.get(i);
            PlatformClient.Tokens officer = tokens(DemoClassification.officersOf(target[0]).officer());
            JsonNode event = direct.recordEvent(officer, target[1], "OVERDUE_PAYMENT", "基准测试：逾期兑付 #"
                    + (i + 1), "基准测试批次（截止时限扫描）", List.of());
            direct.act(officer, event, "PUT", "/level", direct.object().put("level", "ESPECIALLY_MAJOR")
                    .put("reason", "基准测试：定为特别重大"));
            recorded.put(event.path("id").asString(), target[0]);
        }, failures, "batch");
        double seconds = Seeder.seconds(System.nanoTime() - start);
        Map<String, String> ordered = new TreeMap<>(recorded);
        new Batch(ordered, null, null, behind, seconds, failures.size()).write(outDir.resolve(BATCH_FILE));
        System.out.printf("bench: incidents: batch of %,d events recorded and levelled in %.1f s (%.1f events/s), %,d "
                        + "failed; written %s%n", ordered.size(), seconds, ordered.size() / Math.max(seconds, 1e-9),
                failures.size(), outDir.resolve(BATCH_FILE));
        failures.stream().limit(5).forEach(f -> System.out.println("  failed: " + f));
        if (ordered.isEmpty()) {
            throw new IllegalStateException("no event of the batch recorded (first failure: "
                    + (failures.isEmpty() ? "-" : failures.get(0)) + ")");
        }
    }

    // ---------------------------------------------------------------------------------------------- the benchmark

    /**
     * Checks that the officers log in and that the incident service knows the institutions of 33 and 44; reads the
     * batch when {@code ./platform bench} recorded one. Fails before any phase has run when the incident targets
     * cannot run.
     */
    void prepare(Benchmark benchmark, PlatformClient.Tokens central, Path outDir) {
        this.bench = benchmark;
        this.client = benchmark.client();
        this.direct = new IncidentApi(client, settings.service());
        this.viaGateway = new IncidentApi(client, benchmark.gateway());
        for (String province : IncidentPlan.PROVINCES) {
            tokens(DemoClassification.officersOf(province).officer()).refresh();
        }
        collectInstitutions(benchmark.registry(), 200);
        if (institutions.get("33").isEmpty()) {
            throw new IllegalStateException("no institution registered in 33 for the timeline export: run ./platform "
                    + "seed first");
        }
        String probe = institutions.get("33").get(0);
        if (!direct.knows(tokens("zj-officer"), probe)) {
            throw new IllegalStateException("the incident service at " + settings.service() + " does not know "
                    + "institution " + probe + " of the registry (has it learnt the registry's institutions?)");
        }
        direct.clock(central); // the service answers central
        batch = Batch.read(outDir.resolve(BATCH_FILE));
        if (batch == null || batch.provinceOf().isEmpty()) {
            breachNote = "Breach scan left out: no batch recorded (" + BATCH_FILE + "; ./platform bench records it "
                    + "with the incident service on a clock 3 h behind, then restarts it on real time).";
            System.out.println("bench: incidents: " + breachNote);
            batch = null;
        }
        System.out.printf("bench: incidents: service %s; %,d institutions of 33 and %,d of 44; breach batch %s%n",
                settings.service(), institutions.get("33").size(), institutions.get("44").size(),
                batch == null ? "none" : String.format("of %,d events", batch.provinceOf().size()));
    }

    /** Waits for the batch's breaches, measures them, closes the batch. */
    void breachScan(PlatformClient.Tokens central) {
        if (batch == null) {
            return;
        }
        System.out.printf("bench: incidents: waiting for the deadline scan to flag the %,d events of the batch (at most "
                + "%d s) ...%n", batch.provinceOf().size(), BREACH_WAIT.toSeconds());
        long deadline = System.nanoTime() + BREACH_WAIT.toNanos();
        BreachFigures figures;
        central.refresh();
        while (true) {
            figures = BreachFigures.of(batch.provinceOf().keySet(), breachLines(central), batch.restartedAt(),
                    batch.healthyAt());
            if (figures.complete() || System.nanoTime() > deadline) {
                break;
            }
            Seeder.sleep(POLL);
        }
        breaches = figures;
        System.out.printf("bench: incidents: breach scan: %,d of %,d due breaches flagged; first to last %s s; restart "
                        + "to first %s s, to last %s s (health to last %s s); %d breaches of another kind on the "
                        + "batch%n", figures.flagged(), figures.expected(), seconds(figures.firstToLast()),
                seconds(figures.restartToFirst()), seconds(figures.restartToLast()), seconds(figures.healthyToLast()),
                figures.otherKinds());
        if (!figures.complete()) {
            breachNote = String.format("Only %,d of the %,d breaches were recorded %d s after the benchmark began to "
                    + "wait.", figures.flagged(), figures.expected(), BREACH_WAIT.toSeconds());
        }
        closeBatch();
    }

    private List<BreachLine> breachLines(PlatformClient.Tokens central) {
        List<BreachLine> lines = new ArrayList<>();
        for (JsonNode line : direct.get(IncidentApi.BREACHES, central)) {
            lines.add(new BreachLine(line.path("eventId").asString(), line.path("kind").asString(),
                    Instant.parse(line.path("recordedAt").asString())));
        }
        return lines;
    }

    /** Closes the batch's events (version 3 after recording, level and breach; else as the 412 names it). */
    private void closeBatch() {
        List<Map.Entry<String, String>> events = new ArrayList<>(batch.provinceOf().entrySet());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        parallel(events.size(), i -> {
            Map.Entry<String, String> event = events.get(i);
            PlatformClient.Tokens officer = tokens(DemoClassification.officersOf(event.getValue()).officer());
            String path = IncidentApi.EVENTS + "/" + event.getKey() + "/closure";
            var body = direct.object().put("reason", "基准测试结束");
            HttpResponse<String> response = direct.send("POST", path, officer, body, "\"3\"", null);
            if (response.statusCode() == 412) {
                long current = client.json.readTree(response.body()).path("currentVersion").asLong();
                response = direct.send("POST", path, officer, body, "\"" + current + "\"", null);
            }
            direct.expect(response, "POST " + path, 200);
        }, failures, "close");
        System.out.printf("bench: incidents: closed %,d of the batch's %,d events in %.1f s (their written reports "
                        + "would fall due an hour after the restart)%s%n", events.size() - failures.size(),
                events.size(), Seeder.seconds(System.nanoTime() - start),
                failures.isEmpty() ? "" : "; first failure: " + failures.get(0));
        if (!failures.isEmpty()) {
            bench.note(String.format("%,d of the breach batch's events could not be closed (first: %s).",
                    failures.size(), failures.get(0)));
        }
    }

    /** Zombie detection, then the timeline export. */
    void run(PlatformClient.Tokens central) {
        zombies(central);
        timelineExport();
        bench.addSection(table(), markdown());
    }

    private void zombies(PlatformClient.Tokens central) {
        List<Long> took = new ArrayList<>();
        List<Long> wall = new ArrayList<>();
        long scanned = 0;
        long found = 0;
        long alerts = 0;
        String problem = null;
        for (int run = 1; run <= settings.zombieRuns(); run++) {
            central.refresh();
            System.out.printf("bench: incidents: zombie detection, refresh %d of %d ...%n", run, settings.zombieRuns());
            HttpRequest request = HttpRequest.newBuilder(settings.service().resolve(IncidentApi.ZOMBIES))
                    .timeout(ZOMBIE_TIMEOUT).header("Authorization", central.bearer())
                    .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build();
            long begin = System.nanoTime();
            HttpResponse<String> response = client.send(request);
            long elapsed = System.nanoTime() - begin;
            if (response.statusCode() == 404) {
                System.out.println("bench: incidents: zombie detection: not available (endpoint missing)");
                zombies = new ZombieFigures(false, "endpoint missing (404)", 0, 0, 0, new long[0], new long[0]);
                return;
            }
            if (response.statusCode() / 100 != 2) {
                problem = "HTTP " + response.statusCode() + " " + PlatformClient.abbreviate(response.body());
                System.out.println("bench: incidents: zombie detection failed: " + problem);
                break;
            }
            JsonNode answer = client.json.readTree(response.body());
            took.add(answer.path("tookMillis").asLong());
            wall.add(elapsed / 1_000_000);
            scanned = answer.path("institutionsScanned").asLong();
            found = answer.path("zombies").asLong();
            alerts = answer.path("alerts").asLong();
            System.out.printf("  %,d institutions scanned, %,d zombies, %,d alerts; took %,d ms (service), %,d ms "
                    + "(call)%n", scanned, found, alerts, answer.path("tookMillis").asLong(), elapsed / 1_000_000);
        }
        zombies = new ZombieFigures(true, problem, scanned, found, alerts,
                took.stream().mapToLong(Long::longValue).toArray(), wall.stream().mapToLong(Long::longValue).toArray());
    }

    private void timelineExport() {
        PlatformClient.Tokens officer = tokens("zj-officer");
        String institution = institutions.get("33").get(0);
        JsonNode event = direct.recordEvent(officer, institution, "OTHER", "基准测试：时间线导出（"
                + settings.timelineEntries() + " 条）", "基准测试：以处置措施及其进展写满时间线", List.of());
        String id = event.path("id").asString();
        System.out.printf("bench: incidents: timeline export: event %s, %d writes to reach %d entries ...%n", id,
                settings.timelineEntries() - 1, settings.timelineEntries());
        int entries = 1; // RECORDED
        int stage = 0;
        String measure = null;
        long start = System.nanoTime();
        while (entries < settings.timelineEntries()) {
            if (stage == 0) {
                String kind = CONTAINMENT.get(event.path("measures").size() % CONTAINMENT.size());
                event = direct.act(officer, event, "POST", "/measures", direct.object().put("kind", kind)
                        .put("description", "基准测试措施 " + (event.path("measures").size() + 1)).put("status",
                                "PLANNED"));
                JsonNode measures = event.path("measures");
                measure = measures.get(measures.size() - 1).path("id").asString();
            } else {
                event = direct.act(officer, event, "PUT", "/measures/" + measure, direct.object().put("status",
                        stage == 1 ? "IN_PROGRESS" : "DONE").put("note", stage == 1 ? "开始实施" : "已完成"));
            }
            stage = (stage + 1) % 3;
            entries++;
        }
        double writing = Seeder.seconds(System.nanoTime() - start);
        System.out.printf("  %d writes in %.1f s (%.1f/s)%n", entries - 1, writing, (entries - 1) / writing);
        String path = IncidentApi.EVENTS + "/" + id + "/timeline";
        for (String target : new String[]{"gateway", "service"}) {
            URI base = "gateway".equals(target) ? bench.gateway() : settings.service();
            timeline.add(exports("JSON", target, base.resolve(path), officer));
            timeline.add(exports("PDF", target, base.resolve(path + ".pdf"), officer));
        }
        timelineNote = String.format("Event %s: %d entries written (%d writes in %.1f s), then %d reads per format "
                        + "and target, each after %d unrecorded ones; every read adds an entry (AUTH-07).", id,
                settings.timelineEntries(), settings.timelineEntries() - 1, writing, settings.timelineReads(),
                TIMELINE_WARM_UP);
    }

    /** {@code --timeline-reads} sequential reads of one format through one target, after the warm-up. */
    private TimelineRow exports(String format, String target, URI uri, PlatformClient.Tokens officer) {
        boolean pdf = "PDF".equals(format);
        System.out.printf("bench: incidents: timeline as %s via %s, %d reads one at a time ...%n", format, target,
                settings.timelineReads());
        for (int i = 0; i < TIMELINE_WARM_UP; i++) {
            read(uri, officer, pdf);
        }
        long[] latencies = new long[settings.timelineReads()];
        int ok = 0;
        int errors = 0;
        int entriesFirst = -1;
        int entriesLast = -1;
        long bytes = 0;
        int pages = 0;
        for (int i = 0; i < settings.timelineReads(); i++) {
            long begin = System.nanoTime();
            HttpResponse<byte[]> response = read(uri, officer, pdf);
            long elapsed = System.nanoTime() - begin;
            if (response == null || response.statusCode() != 200) {
                errors++;
                continue;
            }
            latencies[ok++] = elapsed;
            bytes = response.body().length;
            if (pdf) {
                pages = PdfPages.count(response.body());
            } else {
                int n = client.json.readTree(response.body()).path("entries").size();
                entriesFirst = entriesFirst < 0 ? n : entriesFirst;
                entriesLast = n;
            }
        }
        Summary latency = Summary.of(Arrays.copyOf(latencies, ok));
        System.out.printf("  p50 %s ms, p95 %s ms, max %s ms, %d errors, %,d bytes%s%n", ms(latency.p50()),
                ms(latency.p95()), ms(latency.max()), errors, bytes, pdf ? ", " + pages + " pages"
                        : ", " + entriesFirst + "–" + entriesLast + " entries");
        return new TimelineRow(format, target, settings.timelineReads(), errors, latency, entriesFirst, entriesLast,
                bytes, pages);
    }

    private HttpResponse<byte[]> read(URI uri, PlatformClient.Tokens who, boolean pdf) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(EXPORT_TIMEOUT).header("Authorization", who.bearer())
                .header("Accept", pdf ? "application/pdf" : "application/json").GET().build();
        try {
            return client.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    // ---------------------------------------------------------------------------------------------------- output

    String table() {
        StringBuilder text = new StringBuilder("incidents\n");
        if (breaches != null) {
            text.append(String.format("  breach scan: %,d of %,d flagged; first→last %s s; restart→first %s s, "
                            + "restart→last %s s, health→last %s s%n", breaches.flagged(), breaches.expected(),
                    seconds(breaches.firstToLast()), seconds(breaches.restartToFirst()),
                    seconds(breaches.restartToLast()), seconds(breaches.healthyToLast())));
        } else {
            text.append("  breach scan: not run\n");
        }
        if (zombies != null && zombies.available() && zombies.tookMillis().length > 0) {
            text.append(String.format("  zombie detection: %,d institutions, %,d zombies, %,d alerts; took %s ms "
                            + "(min/median/max), call %s ms%n", zombies.institutionsScanned(), zombies.zombies(),
                    zombies.alerts(), spread(zombies.tookMillis()), spread(zombies.wallMillis())));
        } else {
            text.append("  zombie detection: ").append(zombies == null ? "not run" : zombies.available()
                    ? "failed: " + zombies.problem() : "not available (endpoint missing)").append('\n');
        }
        String format = "  %-6s %-8s %6s %7s %9s %9s %9s %9s %10s %6s%n";
        text.append(String.format(format, "format", "target", "reads", "errors", "p50 ms", "p95 ms", "max ms",
                "entries", "bytes", "pages"));
        for (TimelineRow row : timeline) {
            text.append(String.format(format, row.format(), row.target(), row.reads(), row.errors(),
                    ms(row.latency().p50()), ms(row.latency().p95()), ms(row.latency().max()), entries(row),
                    String.format("%,d", row.bytes()), "PDF".equals(row.format()) ? row.pages() : "-"));
        }
        return text.toString();
    }

    String markdown() {
        StringBuilder md = new StringBuilder("## Incidents\n\n");
        md.append("Incident service ").append(settings.service()).append(", straight; the timeline also through the "
                + "gateway.\n\n");
        md.append("### Breach scan (INC-06)\n\n");
        if (breaches != null) {
            md.append(String.format("%,d especially major events recorded and levelled by %d clients straight to the "
                            + "incident service (%.1f s, %d failed) with its campaign clock %s; then the service "
                            + "restarted on real time, so that each event's 2 h notification was overdue and its 4 h "
                            + "written report not yet due. Seconds from the breach records' own `recordedAt` (the "
                            + "campaign clock, real time after the restart) and from the script's restart (process "
                            + "launched) and the service's health; the scan's first run waits one scan delay "
                            + "(`incident.deadlines.scan-delay`, 15 s by default) after the start. The batch was "
                            + "closed afterwards.%n%n", batch.provinceOf().size(), settings.clients(), batch.seconds(),
                    batch.failed(), IncidentSeeder.describe(batch.clockBehind())));
            md.append("| events | breaches flagged | first → last s | restart → first s | restart → last s "
                    + "| health → last s | other breaches |\n|---:|---:|---:|---:|---:|---:|---:|\n");
            md.append(String.format("| %,d | %,d | %s | %s | %s | %s | %d |%n%n", breaches.expected(),
                    breaches.flagged(), seconds(breaches.firstToLast()), seconds(breaches.restartToFirst()),
                    seconds(breaches.restartToLast()), seconds(breaches.healthyToLast()), breaches.otherKinds()));
        }
        if (!breachNote.isEmpty()) {
            md.append(breachNote).append("\n\n");
        }
        md.append("### Zombie detection\n\n");
        if (zombies == null) {
            md.append("Not run.\n\n");
        } else if (!zombies.available()) {
            md.append("Not available: `POST /api/v1/incidents/zombies/refresh` answered 404 (endpoint missing).\n\n");
        } else {
            md.append(String.format("`POST /api/v1/incidents/zombies/refresh` as central, straight to the incident "
                    + "service, %d times one after the other: the service's own `tookMillis` and the call's wall "
                    + "time; counts of the last answer.%n%n", zombies.tookMillis().length));
            md.append("| refreshes | institutions scanned | zombies | alerts | tookMillis min / median / max "
                    + "| call ms min / median / max |\n|---:|---:|---:|---:|---:|---:|\n");
            md.append(String.format("| %d | %,d | %,d | %,d | %s | %s |%n%n", zombies.tookMillis().length,
                    zombies.institutionsScanned(), zombies.zombies(), zombies.alerts(), spread(zombies.tookMillis()),
                    spread(zombies.wallMillis())));
            if (zombies.problem() != null) {
                md.append("A refresh failed: ").append(zombies.problem()).append("\n\n");
            }
        }
        md.append("### Timeline export (INC-12)\n\n");
        if (!timelineNote.isEmpty()) {
            md.append(timelineNote).append(" Latency from the send to the last byte, one read at a time.\n\n");
        }
        md.append("| format | target | reads | errors | p50 ms | p95 ms | max ms | entries | bytes | pages |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---|---:|---:|\n");
        for (TimelineRow row : timeline) {
            md.append(String.format("| %s | %s | %d | %d | %s | %s | %s | %s | %,d | %s |%n", row.format(),
                    row.target(), row.reads(), row.errors(), ms(row.latency().p50()), ms(row.latency().p95()),
                    ms(row.latency().max()), entries(row), row.bytes(), "PDF".equals(row.format()) ? row.pages()
                            : "-"));
        }
        md.append('\n');
        return md.toString();
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    /** Up to {@code max} ids of the institutions registered in 33 and in 44 each (the officers' lists). */
    private void collectInstitutions(URI registry, int max) {
        for (String province : IncidentPlan.PROVINCES) {
            PlatformClient.Tokens officer = tokens(DemoClassification.officersOf(province).officer());
            List<String> ids = new ArrayList<>();
            for (int page = 0; ids.size() < max; page++) {
                JsonNode list = client.getJson(registry.resolve("/api/v1/registry/institutions?province=" + province
                        + "&page=" + page + "&size=200"), officer);
                for (JsonNode summary : list.path("content")) {
                    if (province.equals(summary.path("registeredProvince").asString()) && ids.size() < max) {
                        ids.add(summary.path("id").asString());
                    }
                }
                if (page + 1 >= list.path("totalPages").asLong()) {
                    break;
                }
            }
            institutions.put(province, ids);
        }
        if (institutions.values().stream().allMatch(List::isEmpty)) {
            throw new IllegalStateException("no institutions registered in 33 or 44: run ./platform seed first");
        }
    }

    /** Runs {@code task(i)} for i in [0, n) on {@code --incident-clients} threads; failures are counted, not thrown. */
    private void parallel(int n, java.util.function.IntConsumer task, List<String> failures, String what) {
        AtomicInteger next = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < settings.clients(); c++) {
            Thread thread = new Thread(() -> {
                for (int i; (i = next.getAndIncrement()) < n; ) {
                    try {
                        task.accept(i);
                    } catch (RuntimeException e) {
                        failures.add(e.getMessage() == null ? e.toString() : e.getMessage());
                    }
                    done.incrementAndGet();
                }
            }, "incident-" + what + "-" + c);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        long nextProgress = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                try {
                    thread.join(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted", e);
                }
                if (System.nanoTime() > nextProgress) {
                    System.out.printf("  %s: %,d of %,d, %,d failed%n", what, done.get(), n, failures.size());
                    nextProgress = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                }
            }
        }
    }

    private PlatformClient.Tokens tokens(String username) {
        synchronized (users) {
            return users.computeIfAbsent(username, client::tokens);
        }
    }

    private static double between(Instant from, Instant to) {
        return from == null || to == null ? Double.NaN : Duration.between(from, to).toMillis() / 1000.0;
    }

    static String seconds(double value) {
        return Double.isNaN(value) ? "-" : String.format("%.1f", value);
    }

    private static String ms(double value) {
        return Double.isNaN(value) ? "-" : String.format("%.1f", value);
    }

    /** min / median / max of whole milliseconds. */
    static String spread(long[] values) {
        if (values.length == 0) {
            return "-";
        }
        long min = Arrays.stream(values).min().orElseThrow();
        long max = Arrays.stream(values).max().orElseThrow();
        double median = median(values);
        return String.format("%,d / %s / %,d", min, median == Math.rint(median) ? String.format("%,d", (long) median)
                : String.format("%,.1f", median), max);
    }

    private static String entries(TimelineRow row) {
        return row.entriesFirst() < 0 ? "-" : row.entriesFirst() == row.entriesLast()
                ? Integer.toString(row.entriesFirst()) : row.entriesFirst() + "–" + row.entriesLast();
    }
}
