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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * {@code seed-acceptance}: the acceptance context's demo data through the gateway ({@link AcceptancePlan}): in
 * Zhejiang and Guangdong, for institutions registered there whose classification is approved COMPLIANT, one case in
 * each scenario: just opened; open with the joint team (a financial office's and a banking regulator's member) and
 * every check recorded PASSED by one and confirmed by the other; passed and under public notice, with one complaint of
 * the public; guided exit while still operating (the shutdown requests to the agencies); banned. The business places'
 * opinions are answered by their provinces' officers before a conclusion.
 * <p>
 * CERTIFIED and FILED are left out: the notice must run 14 full days before the signatures, which on real time the
 * seed cannot wait for (the system test {@code AcceptanceSystemIT} restarts the acceptance service and the registry on
 * a clock 15 days ahead for that).
 * <p>
 * Idempotent: candidates are taken in the order of their ids and a case already there keeps its scenario; each act
 * is done only when the case as it stands has not had it yet (a check recorded and confirmed, an opinion answered, the
 * conclusion, a complaint), so a run that stopped half-way is completed by the next, and nothing is recorded twice.
 */
final class AcceptanceSeeder {

    static final List<String> CHECKS = List.of("LEDGER_SYSTEM", "FUND_FLOWS", "PROJECT_AUTHENTICITY",
            "LOAN_CONTRACTS", "OFFLINE_MARKETING", "PRODUCT_COMPLIANCE", "DEBT_TRANSFER", "RISK_RESERVE",
            "BORROWING_COST", "OFFLINE_STORES", "DISCLOSURE", "NETWORK_SECURITY", "CUSTODY_BANK",
            "EXCHANGE_COOPERATION_ENDED", "CORE_BUSINESS_NOT_OUTSOURCED", "LEGAL_ENTITY_AND_BRANCHES");
    private static final String API = "/api/v1/acceptance/cases";
    private static final int MAX_CANDIDATES = 1000;
    private static final int FEED_ATTEMPTS = 30;

    /** What the acceptance seed did. */
    record Result(int opened, int present, Map<String, String> byScenario, int acts, int complaints, int refused,
                  List<String> notes, double seconds) {
    }

    private final PlatformClient client;
    private final URI gateway;
    private final Path outDir;
    private final Map<String, PlatformClient.Tokens> users = new HashMap<>();
    private final Map<String, String> byScenario = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final DemoAccounts accounts;
    /** The provinces whose accounts are known to exist in Keycloak (a business place's officer answers opinions). */
    private final Set<String> provincesWithAccounts = new HashSet<>();
    private int opened;
    private int present;
    private int acts;
    private int complaints;
    private int refused;

    AcceptanceSeeder(PlatformClient client, URI gateway, Path outDir, DemoAccounts accounts) {
        this.client = client;
        this.gateway = gateway;
        this.outDir = outDir;
        this.accounts = accounts;
    }

    Result run() {
        long start = System.nanoTime();
        for (String province : AcceptancePlan.PROVINCES) {
            PlatformClient.Tokens officer = tokens(officer(province));
            List<String> candidates = compliant(officer, province);
            Set<String> withCase = new HashSet<>();
            for (String id : candidates) {
                if (get(API + "/" + id, officer).statusCode() == 200) {
                    withCase.add(id);
                }
            }
            List<AcceptancePlan.Assignment> plan = AcceptancePlan.assign(candidates, withCase,
                    id -> open(officer, id));
            System.out.printf("seed: acceptance: %s: %d institutions classified COMPLIANT (approved), %d with a case "
                    + "already; %d scenarios given%n", province, candidates.size(), withCase.size(), plan.size());
            if (plan.size() < AcceptancePlan.Scenario.values().length) {
                notes.add(province + ": only " + plan.size() + " institutions could be opened (approved COMPLIANT, "
                        + "passing ACC-02a..e); scenarios left out: " + List.of(AcceptancePlan.Scenario.values())
                        .subList(plan.size(), AcceptancePlan.Scenario.values().length));
            }
            present += withCase.size();
            for (AcceptancePlan.Assignment assignment : plan) {
                JsonNode done = bring(officer, province, assignment);
                byScenario.put(province + " " + assignment.scenario().label(), done.path("creditCode").asString()
                        + " " + done.path("state").asString());
                System.out.printf("  %s %s %s: %s, %s (%s)%n", province, assignment.institutionId(),
                        done.path("creditCode").asString(), assignment.scenario().label(),
                        done.path("state").asString(), done.path("institutionName").asString());
            }
        }
        notes.add("CERTIFIED and FILED left out: the notice runs 14 full days before the heads sign, which a seed on "
                + "real time cannot wait for");
        Result result = new Result(opened, present, byScenario, acts, complaints, refused, List.copyOf(notes),
                Seeder.seconds(System.nanoTime() - start));
        System.out.printf("seed: acceptance: %d cases (%d opened now, %d already there), %d acts, %d complaints lodged "
                        + "in %.1f s%n", result.opened() + result.present(), result.opened(), result.present(),
                result.acts(), result.complaints(), result.seconds());
        result.notes().forEach(note -> System.out.println("  note: " + note));
        record(result);
        return result;
    }

    /** The institutions registered in {@code province} whose decision is approved COMPLIANT, as its officer sees. */
    private List<String> compliant(PlatformClient.Tokens officer, String province) {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ids.size() < MAX_CANDIDATES; page++) {
            JsonNode list = client.getJson(gateway.resolve("/api/v1/classification/decisions?category=COMPLIANT"
                    + "&state=APPROVED&page=" + page + "&size=200"), officer);
            for (JsonNode decision : list.path("content")) {
                if (province.equals(decision.path("registeredProvince").asString())) {
                    ids.add(decision.path("institutionId").asString());
                }
            }
            if (list.path("content").size() < 200) {
                break;
            }
        }
        return ids;
    }

    /**
     * Opens the case; false when the opening is refused (not eligible: 422). A 404 (the acceptance context has not
     * learnt the institution from the registry's feed yet) is tried again for up to a minute, then fails: skipping it
     * would give the scenarios to other institutions than the next run does.
     */
    private boolean open(PlatformClient.Tokens officer, String institutionId) {
        HttpResponse<String> answer = null;
        for (int attempt = 0; attempt < FEED_ATTEMPTS; attempt++) {
            answer = client.call("POST", gateway.resolve(API), officer,
                    "{\"institutionId\":\"" + institutionId + "\",\"complexity\":\"MAIN\"}", null);
            if (answer.statusCode() != 404) {
                break;
            }
            Seeder.sleep(java.time.Duration.ofSeconds(2));
        }
        if (answer.statusCode() == 201) {
            opened++;
            return true;
        }
        if (answer.statusCode() == 422) {
            refused++;
            return false;
        }
        throw failure("open the case of " + institutionId, answer);
    }

    /** Brings the case to its scenario's state, doing only the acts it has not had yet. */
    private JsonNode bring(PlatformClient.Tokens officer, String province, AcceptancePlan.Assignment assignment) {
        String one = API + "/" + assignment.institutionId();
        Case current = read(one, officer);
        AcceptancePlan.Scenario scenario = assignment.scenario();
        if (!"OPEN".equals(current.json().path("state").asString())) {
            current = complain(officer, one, current, scenario);
            return current.json();
        }
        if (scenario.checked()) {
            current = team(officer, one, current);
            String recorder = member(current.json(), "FINANCIAL_OFFICE");
            String confirmer = member(current.json(), "BANKING_REGULATOR");
            for (String code : CHECKS) {
                JsonNode check = check(current.json(), code);
                if (check == null || !"PASSED".equals(check.path("result").asString())) {
                    String custody = code.equals("CUSTODY_BANK") ? ",\"custodyBank\":\""
                            + custodyBank(officer, assignment.institutionId()) + "\"" : "";
                    current = act("PUT", one + "/checks/" + code, officer, current, """
                            {"result":"PASSED","evidence":"联合验收小组现场检查记录","documents":["检查底稿-%s"],\
                            "recordedBy":"%s"%s}""".formatted(code, recorder, custody));
                    check = check(current.json(), code);
                }
                if (!check.path("confirmedBy").isString()) {
                    current = act("POST", one + "/checks/" + code + "/confirmation", officer, current,
                            "{\"confirmedBy\":\"" + confirmer + "\"}");
                }
            }
        }
        if (scenario.concluded()) {
            for (JsonNode opinion : current.json().path("opinions")) {
                if ("ASKED".equals(opinion.path("state").asString())) {
                    String place = opinion.path("province").asString();
                    if (provincesWithAccounts.add(place)) {
                        accounts.ensure(Set.of(place)); // a seed of 33 and 44 only did not create them
                    }
                    current = act("POST", one + "/opinions/" + place, tokens(officer(place)), current,
                            "{\"agrees\":true,\"text\":\"经营地已核查，未发现该机构在本地违规经营，同意验收\"}");
                }
            }
            String conclusion = switch (scenario) {
                case ON_NOTICE -> "{\"outcome\":\"PASSED\",\"reason\":\"联合验收小组各项检查均合格，同意通过验收\"}";
                case GUIDED_EXIT -> "{\"outcome\":\"GUIDED_EXIT\",\"reason\":\"整改不到位，引导其有序退出\","
                        + "\"stillOperating\":true}";
                default -> "{\"outcome\":\"BANNING\",\"reason\":\"拒不配合验收，仍在线上发标\","
                        + "\"ground\":\"NOT_COOPERATIVE\"}";
            };
            current = act("POST", one + "/conclusion", officer, current, conclusion);
            current = complain(officer, one, current, scenario);
        }
        return current.json();
    }

    /** The complaint of the ON_NOTICE scenario, lodged once (none when the case has one already). */
    private Case complain(PlatformClient.Tokens officer, String one, Case current, AcceptancePlan.Scenario scenario) {
        if (scenario != AcceptancePlan.Scenario.ON_NOTICE
                || !"ON_NOTICE".equals(current.json().path("state").asString())
                || client.getJson(gateway.resolve(one + "/complaints"), officer).size() > 0) {
            return current;
        }
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(gateway.resolve("/api/v1/public/complaints"))
                .timeout(PlatformClient.REQUEST_TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"creditCode\":\""
                        + current.json().path("creditCode").asString() + "\",\"text\":\"该平台公示期间仍在线下门店推销理财产品，"
                        + "请核查。\",\"contact\":\"王先生 138-0000-0000\"}", StandardCharsets.UTF_8)).build());
        if (answer.statusCode() == 429) {
            notes.add("the complaint against " + current.json().path("creditCode").asString() + " was refused by the "
                    + "rate limit (429, ACC-10: 20 a day per address); a later run lodges it");
            return current;
        }
        if (answer.statusCode() != 201) {
            throw failure("lodge a complaint", answer);
        }
        complaints++;
        return read(one, officer);
    }

    /** The two members of the team (financial office, banking regulator), added when missing. */
    private Case team(PlatformClient.Tokens officer, String one, Case current) {
        if (member(current.json(), "FINANCIAL_OFFICE") == null) {
            current = act("POST", one + "/team", officer, current,
                    "{\"name\":\"王检查\",\"agency\":\"FINANCIAL_OFFICE\",\"organisation\":\"省地方金融监督管理局\"}");
        }
        if (member(current.json(), "BANKING_REGULATOR") == null) {
            current = act("POST", one + "/team", officer, current,
                    "{\"name\":\"李核验\",\"agency\":\"BANKING_REGULATOR\",\"organisation\":\"银保监局\"}");
        }
        return current;
    }

    /** The registry's custody bank of the institution (the opening's gate ACC-02e found it on the whitelist). */
    private String custodyBank(PlatformClient.Tokens officer, String institutionId) {
        JsonNode file = client.getJson(gateway.resolve("/api/v1/registry/institutions/" + institutionId), officer);
        return file.path("custodyBank").asString();
    }

    static String member(JsonNode acceptanceCase, String agency) {
        for (JsonNode member : acceptanceCase.path("team")) {
            if (agency.equals(member.path("agency").asString()) && !member.path("removedAt").isString()) {
                return member.path("id").asString();
            }
        }
        return null;
    }

    static JsonNode check(JsonNode acceptanceCase, String code) {
        for (JsonNode check : acceptanceCase.path("checks")) {
            if (code.equals(check.path("code").asString())) {
                return check;
            }
        }
        return null;
    }

    // -------------------------------------------------------------------------------------------------------- http

    /** A case as read or as an act answered it, with its ETag. */
    private record Case(JsonNode json, String etag) {
    }

    private Case read(String path, PlatformClient.Tokens who) {
        HttpResponse<String> answer = get(path, who);
        if (answer.statusCode() != 200) {
            throw failure("GET " + path, answer);
        }
        return new Case(client.json.readTree(answer.body()), answer.headers().firstValue("ETag").orElseThrow());
    }

    private Case act(String method, String path, PlatformClient.Tokens who, Case current, String body) {
        HttpResponse<String> answer = client.call(method, gateway.resolve(path), who, body, current.etag());
        if (answer.statusCode() / 100 != 2) {
            throw failure(method + " " + path + " as " + who.username(), answer);
        }
        acts++;
        String etag = answer.headers().firstValue("ETag").orElseThrow();
        return new Case(client.json.readTree(answer.body()), etag);
    }

    private HttpResponse<String> get(String path, PlatformClient.Tokens who) {
        return client.call("GET", gateway.resolve(path), who, null, null);
    }

    private static IllegalStateException failure(String what, HttpResponse<String> answer) {
        return new IllegalStateException("acceptance: " + what + ": HTTP " + answer.statusCode() + " "
                + PlatformClient.abbreviate(answer.body()));
    }

    private static String officer(String province) {
        return DemoClassification.officersOf(province).officer();
    }

    private PlatformClient.Tokens tokens(String username) {
        return users.computeIfAbsent(username, client::tokens);
    }

    /** Adds the acceptance seed's figures to the last seed's ({@code seed-result.properties}). */
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
            properties.setProperty("acceptance.cases", (result.opened() + result.present()) + " (" + result.opened()
                    + " opened, " + result.present() + " already there; " + result.byScenario() + ")");
            properties.setProperty("acceptance.complaints", Integer.toString(result.complaints()));
            properties.setProperty("acceptance.seconds", String.format("%.1f", result.seconds()));
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(out, "last ./platform seed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
