package cn.p2psupervision.demo;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The classification part of {@code seed}, after the imports: records the findings and decisions of
 * {@link DemoClassification} through the gateway, as the users of the institution's province (the officer records, a
 * head approves; the realm's demo users for 33 and 44, for the other planned provinces the accounts {@link DemoAccounts}
 * makes sure of first), a few workers at a time, each working through one institution: its findings, then the
 * platform's proposal, the decision following the proposal's category (or, for a few, another with a written reason),
 * then the approval.
 * <p>
 * Idempotent like the imports: a finding whose problem the institution already has, and a decision already
 * recorded, are left as they are (counted as already there); a decision still waiting for approval is approved when the
 * plan says so.
 */
final class ClassificationSeeder {

    /** How long to wait for the classification service to learn the imported institutions (registry change feed). */
    private static final Duration FEED_WAIT = Duration.ofSeconds(120);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(2);
    /** A GET answered 404 (institution not known yet) or 502–504 is tried this often in all. */
    private static final int ATTEMPTS = 5;
    private static final Duration PROGRESS = Duration.ofSeconds(15);
    private static final Pattern AFTER_TODAY = Pattern.compile("after today \\((\\d{4}-\\d{2}-\\d{2})\\)");
    private static final int FAILURES_KEPT = 10;

    /** What the classification seed did. */
    record Result(int institutions, int missing, long findingsCreated, long findingsPresent, long decisionsCreated,
                  long decisionsPresent, long differing, long approved, Map<String, Long> categories, long failed,
                  List<String> failures, double seconds) {
    }

    private record Task(DemoClassification.Plan plan, String id) {
    }

    private final PlatformClient client;
    private final URI gateway;
    private final int workers;
    private final DemoAccounts accounts;
    private final Map<String, PlatformClient.Tokens> users = new HashMap<>();

    private final AtomicLong findingsCreated = new AtomicLong();
    private final AtomicLong findingsPresent = new AtomicLong();
    private final AtomicLong decisionsCreated = new AtomicLong();
    private final AtomicLong decisionsPresent = new AtomicLong();
    private final AtomicLong differing = new AtomicLong();
    private final AtomicLong approved = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Map<String, Long> categories = new ConcurrentHashMap<>();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    /**
     * @param accounts makes sure the planned provinces other than 33 and 44 have their accounts in Keycloak
     */
    ClassificationSeeder(PlatformClient client, URI gateway, int workers, DemoAccounts accounts) {
        this.client = client;
        this.gateway = gateway;
        this.workers = workers;
        this.accounts = accounts;
    }

    /**
     * @param provinces the provinces whose institutions are classified ({@code --classification-provinces})
     */
    Result run(DemoData data, long seed, LocalDate latestFoundOn, Set<String> provinces) {
        long start = System.nanoTime();
        List<DemoClassification.Plan> plans = DemoClassification.plan(data, seed, latestFoundOn, provinces);
        printPlan(data, plans, provinces);
        if (plans.isEmpty()) {
            return result(0, 0, start);
        }
        Map<String, DemoClassification.Officers> planned = new TreeMap<>();
        plans.forEach(plan -> planned.putIfAbsent(plan.officers().province(), plan.officers()));
        accounts.ensure(planned.keySet()); // 33 and 44 have their realm users: nothing is created for them
        for (DemoClassification.Officers officers : planned.values()) {
            officers.all().forEach(user -> tokens(user).refresh()); // fails now if a user is missing
        }

        Map<String, String> ids = new HashMap<>();
        for (DemoClassification.Officers officers : planned.values()) {
            ids.putAll(idsByCreditCode(officers.province(), tokens(officers.officer())));
        }
        List<Task> tasks = new ArrayList<>();
        int missing = 0;
        for (DemoClassification.Plan plan : plans) {
            String id = ids.get(plan.institution().creditCode());
            if (id == null) {
                missing++;
            } else {
                tasks.add(new Task(plan, id));
            }
        }
        if (missing > 0) {
            System.out.printf("seed: classification: %,d planned institutions are not in the registry (import "
                    + "rejected them?): skipped%n", missing);
        }
        if (tasks.isEmpty()) {
            return result(0, missing, start);
        }
        awaitFeed(List.of(tasks.get(0), tasks.get(tasks.size() - 1)));

        System.out.printf("seed: classification: recording findings and decisions with %d workers ...%n", workers);
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread thread = new Thread(r, "classification-seed");
            thread.setDaemon(true);
            return thread;
        });
        for (Task task : tasks) {
            pool.submit(() -> {
                try {
                    seedOne(task);
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                    if (failures.size() < FAILURES_KEPT) {
                        failures.add(task.plan().institution().creditCode() + " (" + task.id() + "): "
                                + (e.getMessage() == null ? e.toString() : e.getMessage()));
                    }
                } finally {
                    done.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        try {
            while (!pool.awaitTermination(PROGRESS.toSeconds(), TimeUnit.SECONDS)) {
                double elapsed = Seeder.seconds(System.nanoTime() - start);
                System.out.printf("  classification: %,d of %,d institutions, %,d findings and %,d decisions recorded, "
                                + "%,d approved, %,d failed (%.0f s)%n", done.get(), tasks.size(), findingsCreated.get(),
                        decisionsCreated.get(), approved.get(), failed.get(), elapsed);
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
        Result result = result(tasks.size(), missing, start);
        System.out.printf("seed: classification of %,d institutions in %.1f s (%d workers): findings %,d created, %,d "
                        + "already there; decisions %,d recorded (%,d against the proposal, with a reason), %,d already "
                        + "there; %,d approved; by recorded category %s; %,d failed%n", result.institutions(),
                result.seconds(), workers, result.findingsCreated(), result.findingsPresent(),
                result.decisionsCreated(), result.differing(), result.decisionsPresent(), result.approved(),
                result.categories(), result.failed());
        result.failures().forEach(failure -> System.out.println("  failed: " + failure));
        printStatistics();
        return result;
    }

    private Result result(int institutions, int missing, long start) {
        return new Result(institutions, missing, findingsCreated.get(), findingsPresent.get(), decisionsCreated.get(),
                decisionsPresent.get(), differing.get(), approved.get(), new TreeMap<>(categories), failed.get(),
                List.copyOf(failures), Seeder.seconds(System.nanoTime() - start));
    }

    private static void printPlan(DemoData data, List<DemoClassification.Plan> plans, Set<String> provinces) {
        Map<String, Long> byProvince = new TreeMap<>();
        plans.forEach(plan -> byProvince.merge(plan.officers().province(), 1L, Long::sum));
        long withFindings = plans.stream().filter(plan -> !plan.findings().isEmpty()).count();
        long findings = plans.stream().mapToLong(plan -> plan.findings().size()).sum();
        long decisions = plans.stream().filter(DemoClassification.Plan::decide).count();
        long differ = plans.stream().filter(DemoClassification.Plan::differ).count();
        long approve = plans.stream().filter(DemoClassification.Plan::approve).count();
        long leftOut = data.institutions().stream().filter(i -> !provinces.contains(i.registeredProvince())).count();
        String scope = provinces.containsAll(DemoClassification.ALL_PROVINCES) ? "every province"
                : String.format("provinces %s (--classification-provinces; the other %d provinces' %,d institutions "
                + "are left out)", String.join(",", provinces), DemoClassification.ALL_PROVINCES.size()
                - provinces.size(), leftOut);
        System.out.printf("seed: classification plan for %s, acting as the realm's demo users in 33 and 44 and as "
                        + "p<code>-officer/-head-finance/-head-regulator elsewhere: %,d institutions in scope %s, %,d "
                        + "with findings (%,d findings), %,d decisions (%,d against the proposal, %,d to be approved)%n",
                scope, plans.size(), byProvince, withFindings, findings, decisions, differ, approve);
    }

    /** The registry ids of the files registered in {@code province}, by credit code (the officer's list). */
    private Map<String, String> idsByCreditCode(String province, PlatformClient.Tokens officer) {
        Map<String, String> ids = new HashMap<>();
        for (int page = 0; ; page++) {
            JsonNode list = client.getJson(gateway.resolve("/api/v1/registry/institutions?province=" + province
                    + "&page=" + page + "&size=200"), officer);
            for (JsonNode summary : list.path("content")) {
                if (province.equals(summary.path("registeredProvince").asString())) {
                    ids.put(summary.path("creditCode").asString(), summary.path("id").asString());
                }
            }
            if (page + 1 >= list.path("totalPages").asLong()) {
                return ids;
            }
        }
    }

    /**
     * Waits until the classification service knows the given institutions: it learns the registry's files through
     * a change feed, a few seconds behind the import.
     */
    private void awaitFeed(List<Task> probes) {
        long deadline = System.nanoTime() + FEED_WAIT.toNanos();
        boolean told = false;
        for (Task probe : probes) {
            PlatformClient.Tokens officer = tokens(probe.plan().officers().officer());
            URI findings = gateway.resolve("/api/v1/classification/institutions/" + probe.id() + "/findings");
            while (true) {
                HttpResponse<String> response = client.call("GET", findings, officer, null, null);
                if (response.statusCode() == 200) {
                    break;
                }
                if (response.statusCode() != 404 && response.statusCode() / 100 != 5 || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the classification service does not answer for institution "
                            + probe.id() + " (GET " + findings + ": HTTP " + response.statusCode() + " "
                            + PlatformClient.abbreviate(response.body()) + ")" + (response.statusCode() == 404
                            ? " after " + FEED_WAIT.toSeconds() + " s: has it learnt the registry's institutions?" : ""));
                }
                if (!told) {
                    System.out.println("seed: classification: waiting for the classification service to learn the "
                            + "imported institutions (registry change feed) ...");
                    told = true;
                }
                Seeder.sleep(RETRY_PAUSE);
            }
        }
    }

    /** One institution: its findings, then (when planned) the decision against the proposal and its approval. */
    private void seedOne(Task task) {
        DemoClassification.Plan plan = task.plan();
        PlatformClient.Tokens officer = tokens(plan.officers().officer());
        String base = "/api/v1/classification/institutions/" + task.id();

        HttpResponse<String> listed = get(gateway.resolve(base + "/findings"), officer, true);
        expect(listed, 200, "GET findings");
        Set<String> present = new HashSet<>();
        for (JsonNode finding : client.json.readTree(listed.body())) {
            present.add(finding.path("problemCode").asString());
        }
        for (DemoClassification.Finding finding : plan.findings()) {
            if (present.contains(finding.problemCode())) {
                findingsPresent.incrementAndGet();
            } else {
                recordFinding(gateway.resolve(base + "/findings"), finding, officer);
            }
        }
        if (!plan.decide()) {
            return;
        }

        URI decisionUri = gateway.resolve(base + "/decision");
        HttpResponse<String> current = get(decisionUri, officer, false);
        if (current.statusCode() == 200) {
            decisionsPresent.incrementAndGet();
            JsonNode decision = client.json.readTree(current.body()).path("decision");
            if ("RECORDED".equals(decision.path("state").asString()) && plan.approve()) {
                approve(decisionUri, plan, etag(current));
            }
            return;
        }
        expect(current, 404, "GET decision");
        HttpResponse<String> proposal = get(gateway.resolve(base + "/proposal"), officer, false);
        expect(proposal, 200, "GET proposal");
        String proposed = client.json.readTree(proposal.body()).path("category").asString();
        ObjectNode body = client.json.createObjectNode();
        if (plan.differ()) {
            DemoClassification.Override override = DemoClassification.override(proposed, plan);
            body.put("category", override.category());
            body.put("reason", override.reason());
        } else {
            body.put("category", proposed);
        }
        HttpResponse<String> recorded = client.call("POST", decisionUri, officer,
                client.json.writeValueAsString(body), null);
        expect(recorded, 201, "POST decision " + body.path("category").asString());
        decisionsCreated.incrementAndGet();
        differing.addAndGet(plan.differ() ? 1 : 0);
        categories.merge(body.path("category").asString(), 1L, Long::sum);
        if (plan.approve()) {
            approve(decisionUri, plan, etag(recorded));
        }
    }

    private void recordFinding(URI findings, DemoClassification.Finding finding, PlatformClient.Tokens officer) {
        LocalDate foundOn = finding.foundOn();
        for (int attempt = 0; ; attempt++) {
            ObjectNode body = client.json.createObjectNode();
            body.put("problemCode", finding.problemCode());
            ObjectNode evidence = body.putObject("evidence");
            evidence.put("text", finding.text());
            tools.jackson.databind.node.ArrayNode documents = evidence.putArray("documents");
            finding.documents().forEach(documents::add);
            body.put("source", finding.source().name());
            body.put("foundOn", foundOn.toString());
            if (finding.outstandingAmount() != null) {
                body.put("outstandingAmount", finding.outstandingAmount());
            }
            HttpResponse<String> response = client.call("POST", findings, officer, client.json.writeValueAsString(body),
                    null);
            if (response.statusCode() == 201) {
                findingsCreated.incrementAndGet();
                return;
            }
            // the service's campaign clock (platform.clock.start) may stand before the day planned: date it today
            Matcher today = AFTER_TODAY.matcher(response.body() == null ? "" : response.body());
            if (response.statusCode() == 422 && attempt == 0 && today.find()) {
                foundOn = LocalDate.parse(today.group(1));
                continue;
            }
            expect(response, 201, "POST finding " + finding.problemCode());
        }
    }

    /** The head approves the recorded version; when another version is current by now, that one (once). */
    private void approve(URI decision, DemoClassification.Plan plan, String etag) {
        PlatformClient.Tokens head = tokens(plan.approver());
        URI approval = URI.create(decision + "/approval");
        HttpResponse<String> response = client.call("POST", approval, head, null, etag);
        if (response.statusCode() == 412) {
            HttpResponse<String> current = get(decision, head, false);
            expect(current, 200, "GET decision");
            if (!"RECORDED".equals(client.json.readTree(current.body()).path("decision").path("state").asString())) {
                return; // approved meanwhile
            }
            response = client.call("POST", approval, head, null, etag(current));
        }
        expect(response, 200, "POST approval as " + plan.approver());
        approved.incrementAndGet();
    }

    /** A GET, tried again after a pause on 502–504 and, when {@code unknownIsTransient}, on 404. */
    private HttpResponse<String> get(URI uri, PlatformClient.Tokens tokens, boolean unknownIsTransient) {
        Supplier<HttpResponse<String>> call = () -> client.call("GET", uri, tokens, null, null);
        HttpResponse<String> response = call.get();
        for (int attempt = 1; attempt < ATTEMPTS && (response.statusCode() >= 502 && response.statusCode() <= 504
                || unknownIsTransient && response.statusCode() == 404); attempt++) {
            Seeder.sleep(RETRY_PAUSE);
            response = call.get();
        }
        return response;
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + ": HTTP " + response.statusCode() + " "
                    + PlatformClient.abbreviate(response.body()));
        }
    }

    /** The version in the answer's ETag, or from its {@code version} member. */
    private String etag(HttpResponse<String> response) {
        return response.headers().firstValue("ETag")
                .orElseGet(() -> "\"" + client.json.readTree(response.body()).path("version").asLong() + "\"");
    }

    private synchronized PlatformClient.Tokens tokens(String username) {
        return users.computeIfAbsent(username, client::tokens);
    }

    /** The national figures as central sees them now (CLS-09). */
    private void printStatistics() {
        try {
            JsonNode statistics = client.getJson(gateway.resolve("/api/v1/classification/statistics"),
                    tokens("central"));
            Map<String, Long> byProvince = new LinkedHashMap<>();
            for (JsonNode line : statistics.path("byProvince")) {
                long decided = 0;
                for (JsonNode n : line.path("categories")) {
                    decided += n.asLong();
                }
                if (decided + line.path("awaiting").asLong() > 0) {
                    byProvince.put(line.path("province").asString(), decided);
                }
            }
            List<String> redLines = new ArrayList<>();
            statistics.path("topRedLines").forEach(p -> redLines.add(p.path("code").asString() + "="
                    + p.path("institutions").asLong()));
            System.out.printf("seed: classification statistics (national, today): %,d institutions in scope, approved "
                            + "by category %s, %,d awaiting approval, %,d undecided, %,d flagged; approved by province "
                            + "%s; top red lines %s%n", statistics.path("institutions").asLong(),
                    statistics.path("categories"), statistics.path("awaiting").asLong(),
                    statistics.path("undecided").asLong(), statistics.path("flagged").asLong(), byProvince, redLines);
        } catch (RuntimeException e) {
            System.out.println("seed: classification statistics not available: " + e.getMessage());
        }
    }
}
