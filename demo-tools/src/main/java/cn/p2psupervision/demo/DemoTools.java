package cn.p2psupervision.demo;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code java -jar demo-tools.jar seed|seed-incidents|seed-acceptance|bench [options]}: demo data and a benchmark for a running
 * platform, through its own API only (gateway and Keycloak on this machine). {@code ./platform seed} and
 * {@code ./platform bench} run it with the platform's ports, and restart the incident service on a campaign clock in
 * the past around the incident steps.
 */
public final class DemoTools {

    private static final String USAGE = """
            Usage: java -jar demo-tools.jar <command> [options]
              seed   generate the demo data set and import it through the gateway (as central); then record the
                     classification (findings, decisions, approvals) of the institutions registered in every
                     province (or those of --classification-provinces), as the province's officer (records) and
                     heads (approve): the realm's zj-/gd- demo users for 33 and 44, for any other province
                     p<code>-officer, p<code>-head-finance and p<code>-head-regulator (e.g. p11-officer), created
                     in the local Keycloak through its admin API when missing (password demo); about 70 % get 1-4
                     findings, about 98 % a decision following the platform's proposal (about 1 in 10 another
                     category with a written reason), about 85 % of the decisions approved
                       --institutions N   institutions (default 1000; 10000 is the benchmark's data set)
                       --seed S           random seed (default 42); the same options give the same data
                       --months M         months of reports per institution (default 30, at least 12)
                       --until yyyy-MM    last reported month (default 2017-06, not in the future)
                       --timeout-minutes  give up waiting for one import after this long (default 180)
                       --no-classification          imports only, no findings or decisions
                       --skip-imports               no imports: the registry already holds this data set (the
                                                    same options); seeds the other contexts only
                       --classification-workers 4   institutions recorded at once (default 4)
                       --classification-provinces all|33,44,...
                                          whose institutions are classified (default all)
                       --keycloak-admin admin        Keycloak's master-realm administrator, to create the accounts
                       --keycloak-admin-password admin
                                          its password (default: $KEYCLOAK_ADMIN_PASSWORD, else admin)
                     Idempotent: the same options again import UNCHANGED rows and record no finding or decision twice
                     (rows of institutions whose banning decision was approved come back as CONFLICT: their status
                     BANNED comes from a supervisory decision, which an import does not overwrite)
                     The incidents are seed-incidents, which ./platform seed runs next (unless --no-incidents),
                     then seed-acceptance (unless --no-acceptance)
              seed-incidents
                     the incident context's demo data, through the gateway, for Zhejiang (33) and Guangdong (44):
                     about the 6 institutions registered in each with the largest loan balance, 20 signals by the
                     province's officer (every type) and 3 by the agencies (agency-public-security and
                     agency-market-regulation, client credentials), and an event in each state: open without level;
                     OTHER with containment measures; MAJOR referred to public security (which answers through its
                     door) with a shutdown; ESPECIALLY_MAJOR with watcher, plan started by a head, notification,
                     written report and a follow-up; ESPECIALLY_MAJOR never notified (its deadlines breach); one
                     supported by the business-place province (an institution doing business in the other of the
                     two); one CLOSED after its plan ended; one establishing the institution's status LOST_CONTACT.
                     ./platform seed runs it with the incident service's campaign clock 5 h behind real time and
                     restarts the service on real time afterwards, so the events are 5 h old and the deadline scan
                     records the breaches of the never-notified ones within about 15 s. Idempotent: signals and
                     events already recorded (same institution, text or title) are found and completed, not recorded
                     again
              seed-acceptance
                     the acceptance context's demo data, through the gateway, for Zhejiang (33) and Guangdong (44)
                     (creates the business places' officers in Keycloak when missing, like seed; --keycloak-admin):
                     among the institutions registered there whose classification is approved COMPLIANT (in the
                     order of their ids, skipping those the opening refuses, e.g. ACC-02a), one case in each state:
                     OPEN just opened; OPEN with a joint team of two agencies and every check recorded PASSED and
                     confirmed by the other agency; ON_NOTICE (passed, the business places' opinions answered by
                     their officers) with one public complaint; GUIDED_EXIT still operating (the four shutdown
                     requests to the agencies); BANNED (not cooperative: registry status and referral). CERTIFIED
                     and FILED are left out (the notice runs 14 full days first). Idempotent: cases already there
                     keep their scenario and only the acts they lack are done
              bench  open-loop benchmark: scoped list and file read through the gateway and straight to the
                     service, national statistics; then closed loop: file reads by N concurrent clients, gateway
                     versus direct; then classification: proposals for every institution of one province (closed
                     loop), the scoped decision list (open loop, gateway and direct), national classification
                     statistics
                       --rates 50,200     request rates per second (default 50,200)
                       --seconds 60       duration of each rate (default 60)
                       --statistics 20    sequential statistics requests (default 20)
                       --as-of yyyy-MM    statistics period (default 2017-06)
                       --sequential 20    requests one at a time per target before the rates (unloaded latency)
                       --warm-up-seconds  open loop at the highest rate per target before its recorded phases,
                                          not recorded (default 15; 0 for none)
                       --max-in-flight 32 outstanding requests beyond which new ones are not sent (counted as errors);
                                          5 s at the limit ends the phase, so an overloaded service is not
                                          driven out of memory
                       --timeout-seconds  per request (default 30)
                       --clients 8,32,64  closed loop: concurrent clients, each level straight to the service, then
                                          through the gateway (default 8,32,64)
                       --closed-seconds   duration of each closed-loop level (default 20), after a warm-up of up
                                          to 5 s per target with the most clients
                       --only open,closed,classification,incidents,acceptance
                                          one or more of: the registry's open-loop phases (with statistics), the
                                          registry's closed loop, the classification targets, the incident targets,
                                          the acceptance targets (default all; then classification, incidents and
                                          acceptance are left out with a note when they cannot run, e.g. not
                                          seeded; named here, they must run)
                       --classification-service http://localhost:8082
                                          the classification service, straight (default: port $CLASSIFICATION_PORT,
                                          else 8082)
                       --classification-province 44
                                          proposals for the institutions registered here (default: the province
                                          with the most institutions), and the decision list, as its officer
                                          (zj-/gd-officer for 33/44, else p<code>-officer, which seed creates)
                       --proposal-clients 4
                                          concurrent clients of the proposals' closed loop (default 4)
                       --classification-statistics-rate 5
                                          open-loop rate of the national classification statistics (default 5/s,
                                          for --seconds)
                     then incidents: the breach scan (the deadline scan flagging the due notifications of a batch of
                     especially major events recorded on a clock 3 h behind, measured from the breaches' own
                     recordedAt; the batch is closed afterwards), zombie detection (POST .../zombies/refresh, reported
                     as not available while the service answers 404), and the timeline of one event with 500 entries
                     exported as JSON and as PDF (through the gateway and straight to the service)
                       --incident-service http://localhost:8084
                                          the incident service, straight (default: port $INCIDENT_PORT, else 8084)
                       --incident-events 1000
                                          events of the breach scan's batch (default 1000)
                       --incident-clients 4
                                          concurrent clients recording and closing the batch (default 4)
                       --timeline-entries 500
                                          timeline entries of the exported event before the reads (default 500)
                       --timeline-reads 20
                                          sequential reads per format and target (default 20)
                       --zombie-runs 3    zombie refreshes (default 3)
                       --record-incident-batch
                                          only record the breach scan's batch and write incident-batch.properties
                                          (./platform bench does this first, with the incident service's clock 3 h
                                          behind, then restarts it on real time and runs the benchmark)
                     then acceptance, without a token, through the gateway: the public notice list in open loop at
                     each rate for --seconds, without and then with If-None-Match (its ETag; 304 counts as answered);
                     then complaints from this one address against an institution under notice (seed makes one), one
                     after the other: 201s and 429s, every excess answer a 429 with Retry-After, and the complaints
                     stored on the case (read as its province's officer) equal to the 201s. The limit (ACC-10) is 5 a
                     minute and 20 a day per address and the gateway is the one address: a run is admitted at most
                     5, and once the day's 20 are spent (seed 2, then 5 a run: about the fourth run the same day) a
                     run is refused from its first complaint (reported so)
                       --acceptance-rates 200,500
                                          open-loop rates of the notice list (default 200,500)
                       --complaints 30    complaints lodged (default 30; 0 for none)
              bench-portal
                     how long each portal page takes (issue 10: p95 under 300 ms with seed --institutions 1000): logs
                     in through Keycloak's login form as central and as the province's officer, asks for each page of
                     their role one after the other; writes portal-benchmark.md
                       --province 44      the officer's province (default 44)
                       --requests 30      recorded requests per page (default 30)
                       --warm-up 5        requests per page not recorded first (default 5)
            Common: --gateway http://localhost:8080  --keycloak http://localhost:8180  --service http://localhost:8081
                    --out-dir demo-tools/target (seed-result.properties, benchmark.md)
            """;

    private DemoTools() {
    }

    /** A port from the environment (the platform script exports the services' ports), else the fallback. */
    static int portOr(String value, int fallback) {
        try {
            int port = value == null ? fallback : Integer.parseInt(value.trim());
            return port > 0 && port < 65_536 ? port : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The demo accounts of the provinces without realm users, with the Keycloak admin's login of the options. */
    private static DemoAccounts demoAccounts(Options options, PlatformClient client) {
        String admin = options.string("keycloak-admin", "admin");
        String adminPassword = options.string("keycloak-admin-password",
                System.getenv("KEYCLOAK_ADMIN_PASSWORD") == null ? "admin" : System.getenv("KEYCLOAK_ADMIN_PASSWORD"));
        return new DemoAccounts(client, admin, adminPassword);
    }

    public static void main(String[] args) {
        if (args.length == 0 || List.of("help", "-h", "--help").contains(args[0])
                || Arrays.asList(args).contains("--help")) { // ./platform seed --help
            System.out.print(USAGE);
            return;
        }
        try {
            Options options = new Options(Arrays.asList(args).subList(1, args.length));
            URI gateway = options.localUrl("gateway", "http://localhost:8080");
            URI keycloak = options.localUrl("keycloak", "http://localhost:8180");
            URI service = options.localUrl("service", "http://localhost:8081");
            Path outDir = Path.of(options.string("out-dir", "demo-tools/target"));
            PlatformClient client = new PlatformClient(keycloak);
            switch (args[0]) {
                case "seed" -> {
                    int institutions = options.integer("institutions", 1000, 1, 1_000_000);
                    long seed = options.longValue("seed", 42);
                    int months = options.integer("months", 30, 12, 240);
                    YearMonth until = options.month("until", YearMonth.of(2017, 6));
                    int timeout = options.integer("timeout-minutes", 180, 1, 24 * 60);
                    boolean noClassification = options.flag("no-classification");
                    boolean skipImports = options.flag("skip-imports");
                    int workers = options.integer("classification-workers", 4, 1, 32);
                    Set<String> provinces = DemoClassification.provinces(options.string("classification-provinces",
                            "all"));
                    DemoAccounts accounts = demoAccounts(options, client);
                    options.requireAllUsed();
                    new Seeder(client, gateway, outDir, Duration.ofMinutes(timeout), noClassification ? 0 : workers,
                            provinces, accounts)
                            .run(institutions, seed, months, until, skipImports);
                }
                case "seed-incidents" -> {
                    options.string("service", null); // common, not needed here
                    options.requireAllUsed();
                    new IncidentSeeder(client, gateway, outDir).run();
                }
                case "bench-portal" -> {
                    options.string("service", null); // common, not needed here
                    String province = Provinces.of(options.string("province", "44")).code();
                    int requests = options.integer("requests", 30, 1, 10_000);
                    int warmUp = options.integer("warm-up", 5, 0, 1000);
                    options.requireAllUsed();
                    new PortalBenchmark(client, gateway, outDir, requests, warmUp).run(province);
                }
                case "seed-acceptance" -> {
                    options.string("service", null); // common, not needed here
                    DemoAccounts accounts = demoAccounts(options, client);
                    options.requireAllUsed();
                    new AcceptanceSeeder(client, gateway, outDir, accounts).run();
                }
                case "bench" -> {
                    List<Integer> rates = options.integers("rates", "50,200");
                    int seconds = options.integer("seconds", 60, 1, 3600);
                    int statistics = options.integer("statistics", 20, 1, 1000);
                    YearMonth asOf = options.month("as-of", YearMonth.of(2017, 6));
                    int sequential = options.integer("sequential", 20, 1, 1000);
                    int maxInFlight = options.integer("max-in-flight", 32, 1, 10_000);
                    int timeout = options.integer("timeout-seconds", 30, 1, 300);
                    List<Integer> clients = options.integers("clients", "8,32,64");
                    int closedSeconds = options.integer("closed-seconds", 20, 1, 3600);
                    int warmUp = options.integer("warm-up-seconds", 15, 0, 600);
                    String only = options.string("only", null);
                    Benchmark.Phases phases = Benchmark.Phases.parse(only);
                    URI classificationService = options.localUrl("classification-service", "http://localhost:"
                            + portOr(System.getenv("CLASSIFICATION_PORT"), 8082));
                    String province = options.string("classification-province", null);
                    if (province != null) {
                        Provinces.of(province); // an unknown code is refused before anything runs
                    }
                    int proposalClients = options.integer("proposal-clients", 4, 1, 256);
                    int statisticsRate = options.integer("classification-statistics-rate", 5, 1, 1000);
                    URI incidentService = options.localUrl("incident-service", "http://localhost:"
                            + portOr(System.getenv("INCIDENT_PORT"), 8084));
                    int incidentEvents = options.integer("incident-events", 1000, 1, 100_000);
                    int incidentClients = options.integer("incident-clients", 4, 1, 64);
                    int timelineEntries = options.integer("timeline-entries", 500, 2, 10_000);
                    int timelineReads = options.integer("timeline-reads", 20, 1, 1000);
                    int zombieRuns = options.integer("zombie-runs", 3, 1, 100);
                    boolean recordBatch = options.flag("record-incident-batch");
                    List<Integer> acceptanceRates = options.integers("acceptance-rates", "200,500");
                    int complaints = options.integer("complaints", 30, 0, 1000);
                    options.requireAllUsed();
                    ClassificationBenchmark classification = new ClassificationBenchmark(new ClassificationBenchmark
                            .Settings(classificationService, province, proposalClients, statisticsRate,
                            only != null && phases.classification()));
                    IncidentBenchmark incidents = new IncidentBenchmark(new IncidentBenchmark.Settings(incidentService,
                            incidentEvents, incidentClients, timelineEntries, timelineReads, zombieRuns,
                            only != null && phases.incidents()));
                    if (recordBatch) {
                        incidents.recordBatch(client, service, outDir);
                    } else {
                        new Benchmark(client, gateway, service, outDir, maxInFlight, Duration.ofSeconds(timeout),
                                sequential, Duration.ofSeconds(warmUp)).run(phases, rates, seconds, statistics, asOf,
                                clients, closedSeconds, classification, incidents, new AcceptanceBenchmark(
                                        new AcceptanceBenchmark.Settings(acceptanceRates, seconds, complaints,
                                                only != null && phases.acceptance())));
                    }
                }
                default -> {
                    System.err.print(USAGE);
                    System.exit(2);
                }
            }
            System.exit(0);
        } catch (IllegalArgumentException e) {
            System.err.println("demo-tools: " + e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            System.err.println("demo-tools: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            System.exit(1);
        }
    }
}
