package cn.p2psupervision.demo;

import static cn.p2psupervision.demo.KeycloakStub.answer;
import static cn.p2psupervision.demo.KeycloakStub.query;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link ClassificationSeeder} against a JDK {@link HttpServer} standing in for Keycloak ({@link KeycloakStub}: tokens,
 * where the token is the username, and the admin API), the registry's list and the classification API as described
 * for the service: the accounts of the planned provinces other than 33 and 44 are created before anyone logs in; the
 * findings and decisions of the plan are recorded once, by the province's officer, approved by a head with
 * {@code If-Match}; a second run records nothing and creates no account; institutions the service does not know yet
 * (404) are waited for; a finding dated after the service's today is dated today.
 */
class ClassificationSeederTest {

    static {
        System.setProperty("sun.net.httpserver.nodelay", "true"); // as in BenchmarkTest: no delayed acknowledgements
    }

    private static final LocalDate SERVICE_TODAY = LocalDate.of(2017, 3, 1);
    private static final LocalDate LATEST = Seeder.latestFoundOn(YearMonth.of(2017, 6), LocalDate.of(2026, 1, 15));

    /** The accounts DemoAccounts creates: p11-officer acts for 11. */
    private static final Pattern GENERATED = Pattern.compile("p(\\d\\d)-(officer|head-finance|head-regulator)");

    private final JsonMapper json = JsonMapper.builder().build();
    private final DemoData data = DemoData.generate(150, 7, YearMonth.of(2017, 6), 30, LocalDate.of(2026, 1, 15));
    private final Map<String, DemoData.Institution> byId = new HashMap<>();
    private final Map<String, List<JsonNode>> findings = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> decisions = new ConcurrentHashMap<>();
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger unknownAnswers = new AtomicInteger();
    private final AtomicInteger datedToday = new AtomicInteger();
    /** When the service learns the institutions (its change feed): a second after the first classification call. */
    private final AtomicLong knownFrom = new AtomicLong();
    private final KeycloakStub keycloak = new KeycloakStub();
    private ExecutorService threads;
    private HttpServer server;
    private URI base;

    @BeforeEach
    void start() throws IOException {
        data.institutions().forEach(i -> byId.put("I-" + i.index(), i));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        threads = Executors.newFixedThreadPool(16);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            try {
                handle(exchange);
            } catch (RuntimeException e) {
                violations.add(e.toString());
                answer(exchange, 500, "{}", null);
            }
        });
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
        threads.shutdownNow();
    }

    @Test
    void createsTheAccountsThenRecordsThePlanOfEveryProvinceOnceAndApprovesAsAHead() {
        List<DemoClassification.Plan> plans = DemoClassification.plan(data, 7, LATEST,
                DemoClassification.ALL_PROVINCES);
        Set<String> planned = new TreeSet<>();
        plans.forEach(plan -> planned.add(plan.institution().registeredProvince()));
        assertThat(planned).as("the data set's provinces").contains("33", "44").hasSizeGreaterThan(10);
        PlatformClient client = new PlatformClient(base);

        ClassificationSeeder.Result first = seeder(client).run(data, 7, LATEST, DemoClassification.ALL_PROVINCES);

        assertThat(violations).isEmpty();
        assertThat(keycloak.violations).isEmpty();
        assertThat(unknownAnswers.get()).as("404 before the feed caught up").isPositive();
        assertThat(first.failed()).as(first.failures().toString()).isZero();
        assertThat(first.institutions()).isEqualTo(plans.size()).isPositive();
        Set<String> accounts = new TreeSet<>();
        planned.stream().filter(p -> !Set.of("33", "44").contains(p))
                .forEach(p -> accounts.addAll(DemoClassification.officersOf(p).all()));
        assertThat(keycloak.users().keySet()).as("an officer and two heads per planned province but 33 and 44")
                .containsExactlyInAnyOrderElementsOf(accounts).hasSize(3 * (planned.size() - 2));
        long plannedFindings = plans.stream().mapToLong(p -> p.findings().size()).sum();
        assertThat(first.findingsCreated()).isEqualTo(plannedFindings);
        assertThat(findings.values().stream().mapToLong(List::size).sum()).isEqualTo(plannedFindings);
        assertThat(datedToday.get()).as("findings planned after the service's today, dated today").isPositive();
        assertThat(first.decisionsCreated()).isEqualTo(plans.stream().filter(DemoClassification.Plan::decide).count());
        assertThat(first.differing()).isEqualTo(plans.stream().filter(DemoClassification.Plan::differ).count());
        assertThat(first.approved()).isEqualTo(plans.stream().filter(DemoClassification.Plan::approve).count());
        assertThat(decisions.values().stream().filter(d -> "APPROVED".equals(state(d))).count())
                .isEqualTo(first.approved());
        for (DemoClassification.Plan plan : plans) {
            ObjectNode decision = decisions.get("I-" + plan.institution().index());
            assertThat(decision != null).isEqualTo(plan.decide());
            if (decision != null) {
                assertThat(decision.path("decision").path("recordedBy").asString())
                        .isEqualTo(plan.officers().officer()).isEqualTo(DemoClassification
                                .officersOf(plan.institution().registeredProvince()).officer());
                assertThat(decision.path("decision").path("approvedBy").asString(null))
                        .isEqualTo(plan.approve() ? plan.approver() : null);
            }
        }
        assertThat(decisions.values()).as("recorded by generated accounts too")
                .anyMatch(d -> d.path("decision").path("recordedBy").asString().matches("p\\d\\d-officer"));

        long created = keycloak.created();
        ClassificationSeeder.Result again = seeder(client).run(data, 7, LATEST, DemoClassification.ALL_PROVINCES);

        assertThat(violations).isEmpty();
        assertThat(keycloak.violations).isEmpty();
        assertThat(keycloak.created()).as("no account created twice").isEqualTo(created);
        assertThat(again.failed()).isZero();
        assertThat(again.findingsCreated()).isZero();
        assertThat(again.findingsPresent()).isEqualTo(plannedFindings);
        assertThat(again.decisionsCreated()).isZero();
        assertThat(again.decisionsPresent()).isEqualTo(first.decisionsCreated());
        assertThat(again.approved()).isZero();
        assertThat(findings.values().stream().mapToLong(List::size).sum()).isEqualTo(plannedFindings);
    }

    @Test
    void zhejiangAndGuangdongAloneNeedNoAccountsAndLeaveTheOthersOut() {
        Set<String> provinces = DemoClassification.provinces("33,44");
        List<DemoClassification.Plan> plans = DemoClassification.plan(data, 7, LATEST, provinces);
        keycloak.adminPassword = "not-admin"; // an admin login would fail the run

        ClassificationSeeder.Result result = seeder(new PlatformClient(base)).run(data, 7, LATEST, provinces);

        assertThat(violations).isEmpty();
        assertThat(result.failed()).as(result.failures().toString()).isZero();
        assertThat(keycloak.adminCalls).isEmpty();
        assertThat(keycloak.users()).isEmpty();
        assertThat(result.institutions()).isEqualTo(plans.size()).isPositive();
        assertThat(findings.keySet()).allMatch(id -> provinces.contains(byId.get(id).registeredProvince()));
        assertThat(result.decisionsCreated()).isEqualTo(plans.stream().filter(DemoClassification.Plan::decide).count());
    }

    private ClassificationSeeder seeder(PlatformClient client) {
        return new ClassificationSeeder(client, base, 3, new DemoAccounts(client, "admin", "admin"));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (keycloak.handle(exchange, method, path, query, body)) {
            return;
        }
        String user = exchange.getRequestHeaders().getFirst("Authorization").substring("Bearer ".length());
        Matcher generated = GENERATED.matcher(user);
        String province = user.startsWith("zj-") ? "33" : user.startsWith("gd-") ? "44"
                : generated.matches() ? generated.group(1) : null;
        if (path.equals("/api/v1/registry/institutions")) {
            List<String> ids = byId.keySet().stream().sorted()
                    .filter(id -> byId.get(id).registeredProvince().equals(query.get("province"))).toList();
            int page = Integer.parseInt(query.get("page"));
            int size = Integer.parseInt(query.get("size"));
            ObjectNode list = json.createObjectNode();
            ArrayNode content = list.putArray("content");
            ids.stream().skip((long) page * size).limit(size).forEach(id -> content.addObject().put("id", id)
                    .put("creditCode", byId.get(id).creditCode())
                    .put("registeredProvince", byId.get(id).registeredProvince()));
            list.put("totalElements", ids.size()).put("totalPages", (ids.size() + size - 1) / size);
            answer(exchange, 200, list.toString(), null);
            return;
        }
        if (path.equals("/api/v1/classification/statistics")) {
            answer(exchange, 200, "{\"institutions\":150,\"categories\":{},\"byProvince\":[],\"topRedLines\":[]}", null);
            return;
        }
        String[] parts = path.substring("/api/v1/classification/institutions/".length()).split("/");
        DemoData.Institution institution = byId.get(parts[0]);
        knownFrom.compareAndSet(0, System.nanoTime() + 1_000_000_000L); // learnt a second after the first call
        if (System.nanoTime() < knownFrom.get()) {
            unknownAnswers.incrementAndGet();
            answer(exchange, 404, "{\"detail\":\"Institution " + parts[0] + " not found\"}", null);
            return;
        }
        if (!institution.registeredProvince().equals(province)) {
            violations.add(user + " acted for " + parts[0] + " of province " + institution.registeredProvince());
        }
        List<JsonNode> found = findings.computeIfAbsent(parts[0], k -> Collections.synchronizedList(new ArrayList<>()));
        String what = method + " " + String.join("/", List.of(parts).subList(1, parts.length));
        switch (what) {
            case "GET findings" -> {
                ArrayNode array = json.createArrayNode();
                synchronized (found) {
                    found.forEach(array::add);
                }
                answer(exchange, 200, array.toString(), null);
            }
            case "POST findings" -> {
                JsonNode finding = json.readTree(body);
                DemoClassification.Problem problem = DemoClassification.problem(finding.path("problemCode").asString());
                LocalDate foundOn = LocalDate.parse(finding.path("foundOn").asString());
                if (foundOn.isAfter(SERVICE_TODAY)) {
                    answer(exchange, 422, "{\"detail\":\"A finding cannot be found on " + foundOn + ", after today ("
                            + SERVICE_TODAY + ")\"}", null);
                    return;
                }
                datedToday.addAndGet(foundOn.equals(SERVICE_TODAY) ? 1 : 0);
                if (problem.violatingBusiness() != finding.path("outstandingAmount").isNumber()
                        || finding.path("evidence").path("text").asString().isBlank()
                        || finding.path("evidence").path("documents").isEmpty()
                        || finding.path("source").asString().isEmpty() || user.contains("head")) {
                    violations.add("finding " + finding);
                }
                found.add(finding);
                answer(exchange, 201, finding.toString(), "\"1\"");
            }
            case "GET proposal" -> answer(exchange, 200, "{\"category\":\"" + proposal(institution, found) + "\"}", null);
            case "GET decision" -> {
                ObjectNode decision = decisions.get(parts[0]);
                if (decision == null) {
                    answer(exchange, 404, "{\"detail\":\"Decision on " + parts[0] + " not found\"}", null);
                } else {
                    answer(exchange, 200, decision.toString(), "\"" + decision.path("version").asLong() + "\"");
                }
            }
            case "POST decision" -> {
                JsonNode request = json.readTree(body);
                String category = request.path("category").asString();
                boolean reasoned = !request.path("reason").asString("").isBlank();
                if (decisions.containsKey(parts[0]) || user.contains("head")
                        || !category.equals(proposal(institution, found)) && !reasoned) {
                    violations.add("decision " + request + " by " + user);
                }
                if (!user.equals(DemoClassification.officersOf(institution.registeredProvince()).officer())) {
                    violations.add("decision recorded by " + user + ", not the province's officer");
                }
                ObjectNode decision = json.createObjectNode().put("institutionId", parts[0]).put("version", 1);
                decision.putObject("decision").put("state", "RECORDED").put("category", category)
                        .put("recordedBy", user);
                decisions.put(parts[0], decision);
                answer(exchange, 201, decision.toString(), "\"1\"");
            }
            case "POST decision/approval" -> {
                ObjectNode decision = decisions.get(parts[0]);
                String ifMatch = exchange.getRequestHeaders().getFirst("If-Match");
                if (!user.contains("-head-") || !("\"" + decision.path("version").asLong() + "\"").equals(ifMatch)
                        || !"RECORDED".equals(state(decision))) {
                    violations.add("approval by " + user + " with If-Match " + ifMatch + " of " + decision);
                }
                ObjectNode approved = decision.deepCopy().put("version", decision.path("version").asLong() + 1);
                ((ObjectNode) approved.path("decision")).put("state", "APPROVED").put("approvedBy", user);
                decisions.put(parts[0], approved);
                answer(exchange, 200, approved.toString(), "\"" + approved.path("version").asLong() + "\"");
            }
            default -> {
                violations.add("unexpected " + what);
                answer(exchange, 404, "{}", null);
            }
        }
    }

    /** The category rule of the service, in short: criminal → banning; a failed standard → rectification. */
    private static String proposal(DemoData.Institution institution, List<JsonNode> found) {
        boolean criminal = false;
        boolean failed = institution.custodyBank() == null;
        synchronized (found) {
            for (JsonNode finding : found) {
                DemoClassification.Kind kind = DemoClassification.problem(finding.path("problemCode").asString()).kind();
                criminal |= kind == DemoClassification.Kind.CRIMINAL;
                failed |= kind != DemoClassification.Kind.BUSINESS_TYPE;
            }
        }
        return criminal ? "BANNING" : failed ? "RECTIFICATION" : "COMPLIANT";
    }

    private static String state(JsonNode decision) {
        return decision.path("decision").path("state").asString();
    }
}
