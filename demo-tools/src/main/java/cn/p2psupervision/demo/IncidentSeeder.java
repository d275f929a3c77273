package cn.p2psupervision.demo;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code seed-incidents}: the incident context's demo data through the gateway ({@link IncidentPlan}): in Zhejiang
 * and Guangdong, signals by the province's officer and by the agencies' clients (client credentials), and one event in
 * each state, each brought there act by act as the realm's users: the officer records and leads, a head starts and ends
 * the emergency plan, the business-place province's officer adds the support note, public security answers the
 * referral through the agencies' door.
 * <p>
 * {@code ./platform seed} runs it after {@code seed}, with the incident service restarted on a campaign clock five hours
 * behind real time and restarted on real time afterwards: the events recorded here are five hours old then, so the
 * especially major events never notified have missed their 2 h and 4 h deadlines, and the deadline scan records
 * those breaches within one scan delay. Run on real time, they breach two and four hours after the seed.
 * <p>
 * Idempotent: a signal already recorded (same institution, type, text and agency) and an event already recorded (same
 * institution and title) are not recorded again; an event's acts are checked one by one against the event as it
 * stands, and only those not done yet are done, so a run that stopped half-way is completed by the next.
 */
final class IncidentSeeder {

    /** How long to wait for the incident service to learn the institutions (registry change feed). */
    private static final Duration FEED_WAIT = Duration.ofSeconds(120);
    /** How long to wait for the outbox to deliver the referral to public security's door. */
    private static final Duration DELIVERY_WAIT = Duration.ofSeconds(60);
    private static final String ALL_OFFICES = "P2P_RECTIFICATION_OFFICE,INTERNET_FINANCE_RECTIFICATION_OFFICE,"
            + "ILLEGAL_FUNDRAISING_OFFICE";
    private static final int FAILURES_KEPT = 10;

    /** What the incident seed did. */
    record Result(int signalsCreated, int signalsPresent, int eventsCreated, int eventsPresent,
                  Map<String, Long> byScenario, int breachesExpected, Duration clockBehind, int failed,
                  List<String> failures, double seconds) {

        int signals() {
            return signalsCreated + signalsPresent;
        }

        int events() {
            return eventsCreated + eventsPresent;
        }
    }

    /** One act of an event's scenario: done already when {@code done} says so of the event as it stands. */
    private record Step(String name, Predicate<JsonNode> done, UnaryOperator<JsonNode> act) {
    }

    private final PlatformClient client;
    private final URI gateway;
    private final IncidentApi api;
    private final Path outDir;
    private final Map<String, PlatformClient.Tokens> users = new HashMap<>();
    private final List<String> failures = new ArrayList<>();
    private int signalsCreated;
    private int signalsPresent;
    private int eventsCreated;
    private int eventsPresent;
    private int failed;

    IncidentSeeder(PlatformClient client, URI gateway, Path outDir) {
        this.client = client;
        this.gateway = gateway;
        this.api = new IncidentApi(client, gateway);
        this.outDir = outDir;
    }

    Result run() {
        long start = System.nanoTime();
        PlatformClient.Tokens central = tokens("central");
        Instant clock = api.clock(central);
        Duration behind = Duration.between(clock, Instant.now());
        System.out.printf("seed: incidents: the incident service's campaign clock stands %s%n", describe(behind));

        Map<String, List<IncidentPlan.Candidate>> largest = new LinkedHashMap<>();
        Map<String, IncidentPlan.Candidate> support = new HashMap<>();
        for (String province : IncidentPlan.PROVINCES) {
            PlatformClient.Tokens officer = tokens(officer(province));
            largest.put(province, candidates(officer, "province=" + province + "&sort=loanBalance,desc&page=0&size="
                    + 4 * IncidentPlan.INSTITUTIONS));
            IncidentPlan.Candidate cross = crossRegion(officer, province, IncidentPlan.other(province));
            if (cross != null) {
                support.put(province, cross);
            }
        }
        IncidentPlan.Plan plan = IncidentPlan.plan(largest, support);
        long agencySignals = plan.signals().stream().filter(s -> s.agency() != null).count();
        System.out.printf("seed: incidents plan for %s: %d institutions, %d signals (%d by officers, %d by agencies), "
                        + "%d events %s%n", String.join(" and ", IncidentPlan.PROVINCES),
                java.util.stream.Stream.concat(plan.events().stream().map(e -> e.institution().id()),
                        plan.signals().stream().map(s -> s.institution().id())).distinct().count(),
                plan.signals().size(), plan.signals().size() - agencySignals, agencySignals, plan.events().size(),
                plan.eventsByScenario());
        plan.notes().forEach(note -> System.out.println("  note: " + note));
        if (plan.events().isEmpty()) {
            throw new IllegalStateException("no institutions registered in " + IncidentPlan.PROVINCES
                    + ": run ./platform seed (with imports) first");
        }
        awaitFeed(plan);

        Map<String, JsonNode> signals = new HashMap<>();
        for (IncidentPlan.PlannedSignal planned : plan.signals()) {
            try {
                signals.put(key(planned.province(), planned.number()), signal(planned, clock, signals));
            } catch (RuntimeException e) {
                fail("signal " + planned.province() + "#" + planned.number() + " about " + planned.institution().id(),
                        e);
            }
        }
        int breaches = 0;
        int perEvent = IncidentPlan.breachesOnceBack(behind);
        for (IncidentPlan.PlannedEvent planned : plan.events()) {
            try {
                boolean created = event(planned, signals);
                if (created && planned.scenario() == IncidentPlan.Scenario.ESPECIALLY_MAJOR_UNNOTIFIED) {
                    breaches += perEvent;
                }
            } catch (RuntimeException e) {
                fail("event " + planned.province() + " " + planned.scenario() + " of " + planned.institution().id(), e);
            }
        }
        Result result = new Result(signalsCreated, signalsPresent, eventsCreated, eventsPresent,
                plan.eventsByScenario(), breaches, behind, failed, List.copyOf(failures),
                Seeder.seconds(System.nanoTime() - start));
        System.out.printf("seed: incidents: %d signals (%d recorded, %d already there), %d events (%d recorded, %d "
                        + "already there; %s), %d breaches expected (%s) in %.1f s; %d failed%n", result.signals(),
                result.signalsCreated(), result.signalsPresent(), result.events(), result.eventsCreated(),
                result.eventsPresent(), result.byScenario(), result.breachesExpected(), breaches > 0
                        ? expectation(behind, perEvent) : "none new: no especially major event never notified was "
                        + "recorded now",
                result.seconds(), result.failed());
        result.failures().forEach(failure -> System.out.println("  failed: " + failure));
        record(result);
        if (result.failed() > 0) {
            throw new IllegalStateException("incidents: " + result.failed() + " signals or events failed (first: "
                    + result.failures().get(0) + "); the rest is recorded, running seed again completes it");
        }
        return result;
    }

    // ------------------------------------------------------------------------------------------------- candidates

    private List<IncidentPlan.Candidate> candidates(PlatformClient.Tokens officer, String query) {
        JsonNode page = client.getJson(gateway.resolve("/api/v1/registry/institutions?" + query), officer);
        List<IncidentPlan.Candidate> found = new ArrayList<>();
        for (JsonNode summary : page.path("content")) {
            List<String> business = new ArrayList<>();
            summary.path("businessProvinces").forEach(p -> business.add(p.asString()));
            JsonNode balance = summary.path("latestReport").path("loanBalance");
            found.add(new IncidentPlan.Candidate(summary.path("id").asString(), summary.path("name").asString(),
                    summary.path("registeredProvince").asString(), List.copyOf(business),
                    balance.isMissingNode() || balance.isNull() ? null : new BigDecimal(balance.asString())));
        }
        return found;
    }

    /** The largest institution registered in {@code province} that does business in {@code other}, or null. */
    private IncidentPlan.Candidate crossRegion(PlatformClient.Tokens officer, String province, String other) {
        for (int page = 0; page < 10; page++) {
            List<IncidentPlan.Candidate> cross = candidates(officer, "province=" + province
                    + "&crossRegion=true&sort=loanBalance,desc&page=" + page + "&size=200");
            for (IncidentPlan.Candidate candidate : cross) {
                if (candidate.businessProvinces().contains(other)) {
                    return candidate;
                }
            }
            if (cross.size() < 200) {
                return null;
            }
        }
        return null;
    }

    /** Waits until the incident service knows every planned institution (it learns them from the registry's feed). */
    private void awaitFeed(IncidentPlan.Plan plan) {
        long deadline = System.nanoTime() + FEED_WAIT.toNanos();
        boolean told = false;
        for (IncidentPlan.PlannedEvent event : plan.events()) {
            PlatformClient.Tokens officer = tokens(officer(event.province()));
            while (!api.knows(officer, event.institution().id())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the incident service does not know institution "
                            + event.institution().id() + " after " + FEED_WAIT.toSeconds() + " s: has it learnt the "
                            + "registry's institutions?");
                }
                if (!told) {
                    System.out.println("seed: incidents: waiting for the incident service to learn the institutions "
                            + "(registry change feed) ...");
                    told = true;
                }
                Seeder.sleep(Duration.ofSeconds(2));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------- signals

    /** The planned signal as recorded: found among the institution's signals, or recorded now. */
    private JsonNode signal(IncidentPlan.PlannedSignal planned, Instant clock, Map<String, JsonNode> known) {
        PlatformClient.Tokens officer = tokens(officer(planned.province()));
        for (JsonNode existing : api.signalsOf(officer, planned.institution().id())) {
            if (matches(existing, planned)) {
                signalsPresent++;
                return existing;
            }
        }
        ObjectNode draft = api.object().put("type", planned.type()).put("source", planned.source())
                .put("observedAt", clock.minus(Duration.ofMinutes(planned.minutesAgo())).toString())
                .put("description", planned.description());
        draft.putArray("institutionIds").add(planned.institution().id());
        JsonNode recorded = planned.agency() == null ? api.recordSignal(officer, draft)
                : api.postAgencySignal(agency(planned.agencyClient()), draft);
        signalsCreated++;
        return recorded;
    }

    /** Whether a recorded signal is the planned one: same institution, type, text and agency. */
    static boolean matches(JsonNode signal, IncidentPlan.PlannedSignal planned) {
        JsonNode institutions = signal.path("institutionIds");
        String agency = signal.path("agency").isString() ? signal.path("agency").asString() : null;
        return institutions.size() == 1 && planned.institution().id().equals(institutions.get(0).asString())
                && planned.type().equals(signal.path("type").asString())
                && planned.description().equals(signal.path("description").asString())
                && java.util.Objects.equals(planned.agency(), agency);
    }

    // ----------------------------------------------------------------------------------------------------- events

    /** The planned event brought to its state; answers whether it was recorded now. */
    private boolean event(IncidentPlan.PlannedEvent planned, Map<String, JsonNode> signals) {
        PlatformClient.Tokens officer = tokens(officer(planned.province()));
        JsonNode event = null;
        for (JsonNode summary : api.eventsOf(officer, planned.institution().id())) {
            if (planned.title().equals(summary.path("title").asString())) {
                event = api.event(officer, summary.path("id").asString());
                break;
            }
        }
        boolean created = event == null;
        if (created) {
            List<String> links = new ArrayList<>();
            for (int number : planned.links()) {
                JsonNode signal = signals.get(key(planned.province(), number));
                if (signal != null && !signal.path("eventId").isString()) {
                    links.add(signal.path("id").asString());
                }
            }
            event = api.recordEvent(officer, planned.institution().id(), planned.scenario().type(), planned.title(),
                    planned.description(), links);
            eventsCreated++;
        } else {
            eventsPresent++;
        }
        List<String> done = new ArrayList<>();
        for (Step step : steps(planned)) {
            if (!step.done().test(event)) {
                event = step.act().apply(event);
                done.add(step.name());
            }
        }
        System.out.printf("  %s %s %s: %s (%s%s)%n", event.path("id").asString(), planned.province(),
                planned.scenario().label(), planned.title(), created ? "recorded" : "already there",
                done.isEmpty() ? "" : "; " + String.join(", ", done));
        return created;
    }

    /** The acts that bring an event of the scenario to its state, in order. */
    private List<Step> steps(IncidentPlan.PlannedEvent planned) {
        String province = planned.province();
        PlatformClient.Tokens officer = tokens(officer(province));
        DemoClassification.Officers users = DemoClassification.officersOf(province);
        PlatformClient.Tokens headFinance = tokens(users.heads().get(0));
        PlatformClient.Tokens headRegulator = tokens(users.heads().get(users.heads().size() - 1));
        List<Step> steps = new ArrayList<>();
        switch (planned.scenario()) {
            case OPEN -> {
            }
            case OTHER_CONTAINED -> {
                steps.add(level(officer, "OTHER", "出借人情绪总体可控，未见扩散"));
                steps.add(measure(officer, "UNIFIED_MESSAGING", "统一对外口径，发布风险提示"));
                steps.add(measure(officer, "RIGHTS_PROTECTION_CHANNEL", "设立维权接待组，公布接待地点和时间"));
                steps.add(measureUpdate(officer, "UNIFIED_MESSAGING", "DONE", "风险提示已发布"));
            }
            case MAJOR_REFERRED -> {
                steps.add(level(officer, "MAJOR", "涉嫌非法集资，涉及出借人众多"));
                steps.add(measure(officer, "REFERRAL_TO_PUBLIC_SECURITY", "涉嫌非法吸收公众存款，移送公安并追赃挽损"));
                steps.add(answerReferral());
                steps.add(measure(officer, "APP_AND_LICENCE_SHUTDOWN", "关停App并注销ICP许可"));
            }
            case ESPECIALLY_MAJOR_REPORTED -> {
                steps.add(level(officer, "ESPECIALLY_MAJOR", "出借人围堵公司，影响扩大"));
                steps.add(watcher(officer));
                steps.add(new Step("plan started by " + headFinance.username(), e -> e.path("plan").isObject(),
                        e -> api.act(headFinance, e, "POST", "/plan/start", reason("出借人聚集，启动省级应急预案"))));
                steps.add(new Step("central offices notified", e -> e.path("notification").isObject(), e -> {
                    ObjectNode body = api.object().put("reference", Provinces.of(province).icp() + "金办电〔2018〕12号");
                    ArrayNode recipients = body.putArray("recipients");
                    for (String office : ALL_OFFICES.split(",")) {
                        recipients.add(office);
                    }
                    return api.act(officer, e, "POST", "/notification", body);
                }));
                steps.add(report(officer, "WRITTEN", "书面详细报告：平台全面暂停兑付，涉及出借人约两万人，已启动应急预案"));
                steps.add(report(officer, "FOLLOW_UP", "续报：出借人情绪趋稳，兑付方案正在制定"));
            }
            case ESPECIALLY_MAJOR_UNNOTIFIED -> {
                steps.add(level(officer, "ESPECIALLY_MAJOR", "实际控制人失联，风险可能外溢"));
                steps.add(watcher(officer));
            }
            case SUPPORTED -> {
                PlatformClient.Tokens supporter = tokens(officer(planned.supportProvince()));
                steps.add(level(officer, "OTHER", "经营地出借人聚集，规模有限"));
                steps.add(new Step("support note by " + supporter.username(), e -> e.path("supportNotes").size() > 0,
                        e -> api.act(supporter, e, "POST", "/support-notes", api.object().put("text",
                                Provinces.of(planned.supportProvince()).name() + "分支机构已派员驻守，维稳力量到位"))));
            }
            case CLOSED -> {
                steps.add(level(officer, "MAJOR", "退出过程中出借人诉求集中"));
                steps.add(new Step("plan started by " + headRegulator.username(), e -> e.path("plan").isObject(),
                        e -> api.act(headRegulator, e, "POST", "/plan/start", reason("启动退出应急预案"))));
                steps.add(measure(officer, "NEGOTIATED_REPAYMENT", "兑付方案报省级监管部门备案"));
                steps.add(measureUpdate(officer, "NEGOTIATED_REPAYMENT", "DONE", "兑付完毕"));
                steps.add(new Step("plan ended by " + headFinance.username(),
                        e -> e.path("plan").path("endedAt").isString(),
                        e -> api.act(headFinance, e, "POST", "/plan/end", reason("兑付完毕，风险缓释"))));
                steps.add(new Step("closed", e -> "CLOSED".equals(e.path("status").asString()),
                        e -> api.act(officer, e, "POST", "/closure", reason("处置完毕"))));
            }
            case LOST_CONTACT -> {
                steps.add(level(officer, "MAJOR", "平台失联，出借人众多"));
                steps.add(measure(officer, "CONTROL_ACCOUNTS", "冻结平台及实际控制人名下账户"));
                steps.add(new Step("institution status LOST_CONTACT", e -> has(e.path("institutionStatuses"),
                        "status", "LOST_CONTACT"), e -> api.act(officer, e, "POST", "/institution-status",
                        api.object().put("status", "LOST_CONTACT").put("reason", "实际控制人及平台均无法联系"))));
            }
            default -> throw new IllegalStateException("unknown scenario " + planned.scenario());
        }
        return steps;
    }

    private Step level(PlatformClient.Tokens officer, String level, String reason) {
        return new Step("level " + level, e -> level.equals(e.path("level").asString(null)),
                e -> api.act(officer, e, "PUT", "/level", api.object().put("level", level).put("reason", reason)));
    }

    private Step watcher(PlatformClient.Tokens officer) {
        return new Step("watcher", e -> e.path("watcher").isObject(), e -> api.act(officer, e, "PUT", "/watcher",
                api.object().put("name", "张三").put("position", "金融办风险处副处长").put("contact", "0571-00000000")));
    }

    private Step measure(PlatformClient.Tokens officer, String kind, String description) {
        return new Step("measure " + kind, e -> measureOf(e, kind) != null, e -> api.act(officer, e, "POST",
                "/measures", api.object().put("kind", kind).put("description", description)));
    }

    private Step measureUpdate(PlatformClient.Tokens officer, String kind, String status, String note) {
        return new Step(kind + " " + status, e -> measureOf(e, kind) == null
                || status.equals(measureOf(e, kind).path("status").asString()), e -> api.act(officer, e, "PUT",
                "/measures/" + measureOf(e, kind).path("id").asString(), api.object().put("status", status)
                        .put("note", note)));
    }

    private Step report(PlatformClient.Tokens officer, String kind, String text) {
        return new Step(kind.toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " report",
                e -> has(e.path("reports"), "kind", kind),
                e -> api.act(officer, e, "POST", "/reports", api.object().put("kind", kind).put("text", text)));
    }

    /** AUTH-05: public security answers the referral once it reached its door (the outbox delivers it). */
    private Step answerReferral() {
        PlatformClient.Tokens police = agency("agency-public-security");
        return new Step("referral answered by public security", e -> {
            String request = referral(e);
            if (request == null) {
                return true; // no referral to answer
            }
            HttpResponse<String> response = api.agencyRequest(police, request);
            return response.statusCode() == 200 && client.json.readTree(response.body()).path("answers").size() > 0;
        }, e -> {
            String request = referral(e);
            long deadline = System.nanoTime() + DELIVERY_WAIT.toNanos();
            HttpResponse<String> response;
            while ((response = api.agencyRequest(police, request)).statusCode() == 404) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("referral " + request + " not at public security's door after "
                            + DELIVERY_WAIT.toSeconds() + " s (the incident service's outbox)");
                }
                Seeder.sleep(Duration.ofSeconds(1));
            }
            api.expect(response, "GET agency request " + request, 200);
            api.answer(police, request, "seed-answer-" + request, "已立案侦查，正在追赃挽损",
                    Provinces.of(e.path("registeredProvince").asString()).icp() + "公经立字〔2018〕001号");
            return e;
        });
    }

    private static String referral(JsonNode event) {
        JsonNode measure = measureOf(event, "REFERRAL_TO_PUBLIC_SECURITY");
        return measure == null || measure.path("agencyRequestIds").isEmpty() ? null
                : measure.path("agencyRequestIds").get(0).asString();
    }

    private static JsonNode measureOf(JsonNode event, String kind) {
        for (JsonNode measure : event.path("measures")) {
            if (kind.equals(measure.path("kind").asString())) {
                return measure;
            }
        }
        return null;
    }

    private static boolean has(JsonNode array, String member, String value) {
        for (JsonNode element : array) {
            if (value.equals(element.path(member).asString())) {
                return true;
            }
        }
        return false;
    }

    private ObjectNode reason(String reason) {
        return api.object().put("reason", reason);
    }

    // ------------------------------------------------------------------------------------------------------ other

    private static String officer(String province) {
        return DemoClassification.officersOf(province).officer();
    }

    private PlatformClient.Tokens tokens(String username) {
        return users.computeIfAbsent(username, client::tokens);
    }

    private PlatformClient.Tokens agency(String clientId) {
        return users.computeIfAbsent("client:" + clientId, k -> client.agency(clientId));
    }

    private static String key(String province, int number) {
        return province + "#" + number;
    }

    private void fail(String what, RuntimeException e) {
        failed++;
        if (failures.size() < FAILURES_KEPT) {
            failures.add(what + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    /** How far the clock stands from real time, in words. */
    static String describe(Duration behind) {
        double hours = behind.toMillis() / 3_600_000.0;
        if (Math.abs(hours) < 0.02) {
            return "on real time";
        }
        return String.format("%.1f h %s real time", Math.abs(hours), hours > 0 ? "behind" : "ahead of");
    }

    /** When the expected breaches show. */
    static String expectation(Duration behind, int perEvent) {
        if (perEvent == 2) {
            return "2 per especially major event never notified, recorded by the deadline scan within about 15 s of "
                    + "the incident service's restart on real time";
        }
        if (perEvent == 1) {
            return "the notification's of each especially major event never notified at the restart on real time, "
                    + "the written report's later";
        }
        return "none at once: the clock is not behind; each especially major event never notified breaches 2 h and "
                + "4 h after it was recorded";
    }

    /** Adds the incident seed's figures to the last seed's ({@code seed-result.properties}). */
    private void record(Result result) {
        try {
            Files.createDirectories(outDir);
            Path file = outDir.resolve("seed-result.properties");
            Properties properties = new Properties();
            if (Files.exists(file)) {
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    properties.load(in);
                }
            }
            properties.setProperty("incidents.signals", result.signals() + " (" + result.signalsCreated()
                    + " recorded, " + result.signalsPresent() + " already there)");
            properties.setProperty("incidents.events", result.events() + " (" + result.eventsCreated() + " recorded, "
                    + result.eventsPresent() + " already there; " + result.byScenario() + ")");
            properties.setProperty("incidents.breachesExpected", Integer.toString(result.breachesExpected()));
            properties.setProperty("incidents.clock", describe(result.clockBehind()));
            properties.setProperty("incidents.failed", Integer.toString(result.failed()));
            properties.setProperty("incidents.seconds", String.format("%.1f", result.seconds()));
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(out, "last ./platform seed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
