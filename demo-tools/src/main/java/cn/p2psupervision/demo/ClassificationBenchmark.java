package cn.p2psupervision.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import tools.jackson.databind.JsonNode;

/**
 * The classification targets of {@code bench} ({@code --only classification}), reported in the benchmark's tables:
 * <ol>
 * <li><b>Proposals</b>, closed loop: a few clients ({@code --proposal-clients}) ask for the proposal of every
 * institution registered in one province (the one with the most institutions, or {@code --classification-province}),
 * as the province's officer ({@link DemoClassification#officersOf}), one pass straight to the classification service,
 * then one through the gateway, each after a short unrecorded warm-up. A proposal reads the institution's operating
 * reports from the registry: the expensive call.</li>
 * <li><b>The scoped decision list</b> ({@code GET /api/v1/classification/decisions?size=20}) as the same officer, open
 * loop at {@code --rates} through the gateway and straight to the service, like the registry's list.</li>
 * <li><b>National classification statistics</b> (CLS-09) as central, one at a time and open loop at a modest rate
 * ({@code --classification-statistics-rate}), through the gateway and straight to the service.</li>
 * </ol>
 */
final class ClassificationBenchmark {

    /**
     * @param service          the classification service, straight ({@code --classification-service})
     * @param province         the province whose institutions get proposals, or null for the one with the most
     * @param proposalClients  concurrent clients of the proposal passes
     * @param statisticsRate   requests per second of the statistics' open loop
     * @param required         asked for with {@code --only}: fail when classification cannot be benchmarked (not
     *                         seeded, service down), rather than leave it out with a note
     */
    record Settings(URI service, String province, int proposalClients, int statisticsRate, boolean required) {
    }

    boolean required() {
        return settings.required();
    }

    /** The proposals' warm-up per target: this many institutions, not recorded. */
    private static final int PROPOSAL_WARM_UP = 100;

    private final Settings settings;
    private Benchmark bench;
    private PlatformClient client;
    private String province;
    private List<String> ids;
    private String proposerName;
    private PlatformClient.Tokens proposer;
    private String officerName;
    private PlatformClient.Tokens officer;
    /** A quick read of the classification store, readable by every user here: one decision, by {@code _id}. */
    private String probe;

    ClassificationBenchmark(Settings settings) {
        this.settings = settings;
    }

    /**
     * Picks the province and the users, collects the institutions' ids and checks that the officer's decision list has
     * decisions; fails before any phase has run when classification was not seeded.
     */
    void prepare(Benchmark benchmark, PlatformClient.Tokens central) {
        this.bench = benchmark;
        this.client = benchmark.client();
        URI registry = benchmark.registry();
        Map<String, Long> institutions = new LinkedHashMap<>();
        for (Provinces.Province p : Provinces.ALL) {
            JsonNode page = client.getJson(registry.resolve("/api/v1/registry/institutions?province=" + p.code()
                    + "&page=0&size=1"), central);
            institutions.put(p.code(), page.path("totalElements").asLong());
        }
        province = settings.province() != null ? Provinces.of(settings.province()).code() : largest(institutions);
        officerName = DemoClassification.officersOf(province).officer();
        officer = client.tokens(officerName);
        try {
            officer.refresh();
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + ": the officer of province " + province + " ("
                    + Provinces.of(province).name() + ") logs in once ./platform seed has classified it (seed creates "
                    + "the accounts of the provinces it classifies, --classification-provinces)", e);
        }
        proposerName = officerName;
        proposer = officer;

        ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode list = client.getJson(registry.resolve("/api/v1/registry/institutions?province=" + province
                    + "&page=" + page + "&size=200"), proposer);
            for (JsonNode summary : list.path("content")) {
                if (province.equals(summary.path("registeredProvince").asString())) {
                    ids.add(summary.path("id").asString());
                }
            }
            if (page + 1 >= list.path("totalPages").asLong()) {
                break;
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("no institutions registered in province " + province + ": run ./platform seed "
                    + "first");
        }
        Collections.shuffle(ids, new java.util.Random(42)); // not in name order: the store's pages are touched at random

        JsonNode decisions = client.getJson(settings.service().resolve("/api/v1/classification/decisions?size=20"),
                officer);
        long inScope = decisions.path("totalElements").asLong();
        if (inScope == 0 || decisions.path("content").isEmpty()) {
            throw new IllegalStateException(officerName + " sees no classification decisions at " + settings.service()
                    + ": run ./platform seed (without --no-classification) first, or leave classification out with "
                    + "--only open,closed");
        }
        probe = "/api/v1/classification/institutions/" + decisions.path("content").get(0).path("institutionId").asString()
                + "/decision";
        System.out.printf("bench: classification: province %s (%s) has %,d institutions, proposals as %s; %s sees %,d "
                        + "decisions%n", province, Provinces.of(province).name(), ids.size(), proposerName, officerName,
                inScope);
        bench.describeProposals(String.format("every institution of province %s (%,d), one pass per target, %d "
                + "clients, as %s; 422 = outside the campaign's scope", province, ids.size(), settings.proposalClients(),
                proposerName), String.format("every one of the %,d institutions registered in province %s (%s; %s), "
                        + "in a shuffled order, as %s: %d clients each ask "
                        + "for a proposal, wait for the last byte and ask for the next, until every institution was "
                        + "asked once; first straight to the classification service (direct), then through the "
                        + "gateway, each after %d proposals not recorded. A proposal reads the institution's operating "
                        + "reports from the registry. proposals/s: 2xx answers per second from the first send to the "
                        + "last answer; latency over the 2xx answers; 422 is an institution outside the campaign's "
                        + "scope (no proposal).", ids.size(), province, Provinces.of(province).name(),
                settings.province() != null ? "chosen with --classification-province"
                        : "the province with the most institutions",
                proposerName, settings.proposalClients(), Math.min(PROPOSAL_WARM_UP, ids.size())));
        bench.describeClassification(String.format("Classification (service %s): the decision list "
                        + "(GET /api/v1/classification/decisions?size=20, the first page) as %s, who sees %,d decisions, "
                        + "open loop at the same rates through the gateway and straight to the classification service; "
                        + "national classification statistics (CLS-09, today) as central, one at a time, then open loop "
                        + "at %d req/s.", settings.service(), officerName, inScope, settings.statisticsRate()));
    }

    /** The proposals' closed passes, then the decision list's open loop, then the statistics. */
    void run(List<Integer> rates, int seconds, PlatformClient.Tokens central) {
        proposals();
        decisionList(rates, seconds);
        statistics(seconds, central);
    }

    private void proposals() {
        HttpClient http = Benchmark.closedLoopClient();
        IntFunction<URI> path = i -> URI.create("/api/v1/classification/institutions/" + ids.get(i) + "/proposal");
        for (String target : new String[]{"direct", "gateway"}) {
            URI base = "gateway".equals(target) ? bench.gateway() : settings.service();
            proposer.refresh();
            bench.settle(base, proposer, probe);
            int warmUp = Math.min(PROPOSAL_WARM_UP, ids.size());
            System.out.printf("bench: proposals via %s, warm-up of %d (not recorded) ...%n", target, warmUp);
            Benchmark.closedPass(http, "warm-up", settings.proposalClients(), warmUp,
                    Benchmark.request(base, proposer, path, bench.timeout()));
            proposer.refresh();
            System.out.printf("bench: proposals via %s, closed loop, %d clients, %,d institutions of province %s ...%n",
                    target, settings.proposalClients(), ids.size(), province);
            Benchmark.ClosedRow row = Benchmark.closedPass(http, target, settings.proposalClients(), ids.size(),
                    Benchmark.request(base, proposer, path, bench.timeout()));
            System.out.printf("  %,d proposals, %.1f/s, p50 %s ms, p99 %s ms, max %s ms, %,d non-2xx %s, %,d "
                            + "transport failures %s%n", row.requests(), row.throughput(), ms(row.p50()), ms(row.p99()),
                    ms(row.max()), row.nonOk(), Benchmark.counts(row.statuses()), row.failed(),
                    Benchmark.counts(row.failures()));
            bench.addProposals(row);
        }
    }

    private void decisionList(List<Integer> rates, int seconds) {
        IntFunction<URI> path = i -> URI.create("/api/v1/classification/decisions?size=20");
        Duration warmUp = bench.openWarmUp();
        for (String target : new String[]{"gateway", "service"}) {
            URI base = "gateway".equals(target) ? bench.gateway() : settings.service();
            officer.refresh();
            bench.settle(base, officer, probe);
            bench.add(bench.sequential("decision list", target, Benchmark.request(base, officer, path,
                    bench.timeout()), bench.baselineRuns(), 2, ""));
            if (!warmUp.isZero()) {
                int rate = Collections.max(rates);
                System.out.printf("bench: warming up decision list via %s at %d req/s for %d s (not recorded) ...%n",
                        target, rate, warmUp.toSeconds());
                bench.openLoop("decision list", target, rate, (int) warmUp.toSeconds(),
                        Benchmark.request(base, officer, path, bench.timeout()));
            }
            for (int rate : rates) {
                bench.add(bench.phase("decision list", target, base, rate, seconds, officer, path, probe));
            }
        }
    }

    private void statistics(int seconds, PlatformClient.Tokens central) {
        IntFunction<URI> path = i -> URI.create("/api/v1/classification/statistics");
        for (String target : new String[]{"gateway", "service"}) {
            URI base = "gateway".equals(target) ? bench.gateway() : settings.service();
            central.refresh();
            bench.settle(base, central, probe);
            JsonNode national = client.getJson(base.resolve("/api/v1/classification/statistics"), central);
            String figures = String.format("%,d institutions, approved %s, %,d awaiting, %,d undecided",
                    national.path("institutions").asLong(), national.path("categories"),
                    national.path("awaiting").asLong(), national.path("undecided").asLong());
            bench.add(bench.sequential("classification statistics", target, Benchmark.request(base, central, path,
                    Duration.ofSeconds(120)), bench.baselineRuns(), 2, figures));
            bench.add(bench.phase("classification statistics", target, base, settings.statisticsRate(), seconds,
                    central, path, probe));
        }
    }

    /** The province with the most institutions; the lower code on a tie. */
    static String largest(Map<String, Long> institutions) {
        String best = null;
        for (Map.Entry<String, Long> entry : institutions.entrySet()) {
            if (best == null || entry.getValue() > institutions.get(best)
                    || entry.getValue().equals(institutions.get(best)) && entry.getKey().compareTo(best) < 0) {
                best = entry.getKey();
            }
        }
        return best;
    }

    private static String ms(double value) {
        return Double.isNaN(value) ? "-" : String.format("%.1f", value);
    }
}
