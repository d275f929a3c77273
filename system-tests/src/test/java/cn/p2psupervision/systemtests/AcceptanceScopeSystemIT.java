package cn.p2psupervision.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The acceptance context's scope table (issue 8, AUTH-02..06) replayed through the gateway with real Keycloak tokens:
 * every endpoint of a case × central, the officers and both heads of Zhejiang and Guangdong, each agency's client and
 * anonymous × a record registered in Zhejiang with a Guangdong branch (ZJ), one registered in Guangdong with a Zhejiang
 * branch (GD) and one registered in Beijing with a Shanghai branch (BJ). The expected statuses follow the same rule as
 * the service-level tables ({@code AcceptanceScopeTableTest}, {@code ComplaintCertificateScopeTableTest}); the lists
 * hold exactly the caller's scope; the public endpoints answer without a token and show only public members.
 *
 * <p>The platform is shared with the other system tests: nothing here assumes a list is empty, and every list is
 * filtered by this class's own institutions.
 */
@ExtendWith(PlatformUnderTest.class)
class AcceptanceScopeSystemIT {

    private static final String REGISTRY = PlatformUnderTest.GATEWAY + "/api/v1/registry/institutions";
    private static final String CLASSIFICATION = PlatformUnderTest.GATEWAY + "/api/v1/classification";
    private static final String API = PlatformUnderTest.GATEWAY + "/api/v1/acceptance";
    private static final String PUBLIC = PlatformUnderTest.GATEWAY + "/api/v1/public";
    private static final List<String> CALLERS = List.of("central", "zj-officer", "zj-head-finance",
            "zj-head-regulator", "gd-officer", "gd-head-finance", "gd-head-regulator", "agency-public-security",
            "agency-telecom", "agency-market-regulation", "agency-central-bank", "anonymous");
    private static final List<String> REGULATORS = CALLERS.stream()
            .filter(c -> !c.equals("anonymous") && !c.startsWith("agency-")).toList();
    private static final String CONTACT = "13900000000";
    private static final String COMPLAINT_TEXT = "公示期间仍在线下门店推销产品";
    private static final String LEGAL_REPRESENTATIVE = "范围测试法人";
    private static final Map<String, Fixture> FIXTURES = new LinkedHashMap<>();
    /** Tokens live 300 s in the realm; each caller's is fetched again after a minute. */

    /**
     * @param receipt a complaint lodged against the case's notice; null without a case
     * @param hasCase false for BJ: Beijing has no officer in the realm, so nobody here can open its case
     * @param overdue whether the case is past its deadline on the platform's clock (the overdue list)
     */
    record Fixture(String id, String creditCode, String name, String registeredProvince, String branch,
                   boolean hasCase, String receipt, String secret, boolean overdue) {
    }

    /**
     * ZJ and GD: a file whose COMPLIANT classification is approved, its case with the joint team, every check
     * recorded and confirmed, the business-place province's opinion answered, concluded PASSED (so on public notice),
     * with one complaint from the public. BJ: a file registered by central in Beijing, known to the acceptance
     * context, without a case.
     */
    @BeforeAll
    static void fixtures() {
        FIXTURES.put("ZJ", caseOnNotice("zj-officer", "zj-head-finance", "33", "44", "gd-officer"));
        FIXTURES.put("GD", caseOnNotice("gd-officer", "gd-head-finance", "44", "33", "zj-officer"));
        FIXTURES.put("BJ", withoutCase("11", "31"));
    }

    // =================================================================================================================
    // AUTH-02..05: the scope table, through the gateway
    // =================================================================================================================

    /** What an endpoint needs of the caller beyond reading: the same acts as the service-level table. */
    enum Act {
        READ,
        /** The registration province's officers and heads. */
        WRITE,
        /** The business-place province answers its own opinion (ACC-16). */
        ANSWER,
        /** Central waives an opinion (ACC-16). */
        WAIVE,
        /** The registration province's heads of the two agencies (ACC-11). */
        SIGN
    }

    /**
     * Every endpoint of the acceptance context that concerns one case, once. The service-level table gives every row a
     * case of its own in the state the endpoint needs and expects the act's success; here one case per record serves
     * all rows, so writes are sent so that they change nothing: with a stale {@code If-Match "0"}, refused 412 for the
     * callers allowed to make them (the scope and role checks come first, the version before any state rule), and the
     * opening of a case that is already open, refused 409 (after the scope check). {@code allowed} is the status an
     * allowed caller gets here, instead of the service-level success.
     *
     * <p>{@code CERTIFICATE_PDF}: the cases are on notice, not signed (signing needs the 14 days of notice to have
     * run), so a reader gets 404 for the certificate, told apart from the scope's 404 by the problem's detail (see
     * {@link #auth02_acceptanceEndpointsAnswerByScopeThroughTheGateway}). {@code AGENCY_REQUESTS} (the regulators'
     * view of the agencies' requests about the institution) is not in the service-level tables; it follows the
     * same rule (readers 200) and needs no case.
     */
    enum Endpoint {
        CASE_OPEN_DUPLICATE(Act.WRITE, 409, false), CASE_GET(Act.READ, 200, true), GATES(Act.READ, 200, true),
        SPLIT_ENTITIES_STALE(Act.WRITE, 412, true), TEAM_ADD_STALE(Act.WRITE, 412, true),
        TEAM_REMOVE_STALE(Act.WRITE, 412, true), CHECK_RECORD_STALE(Act.WRITE, 412, true),
        CHECK_CONFIRM_STALE(Act.WRITE, 412, true), OPINION_ANSWER_STALE(Act.ANSWER, 412, true),
        OPINION_WAIVER_STALE(Act.WAIVE, 412, true), CONCLUSION_STALE(Act.WRITE, 412, true),
        RESUMPTION_STALE(Act.WRITE, 412, true), SIGNATURE_STALE(Act.SIGN, 412, true),
        FILING_STALE(Act.WRITE, 412, true), COMPLAINTS(Act.READ, 200, true),
        COMPLAINT_RESOLUTION_STALE(Act.WRITE, 412, true), CERTIFICATE_PDF(Act.READ, 404, true),
        AGENCY_REQUESTS(Act.READ, 200, false);

        final Act act;
        final int allowed;
        /** Whether the endpoint looks the case up after the scope and role checks (404 when there is none). */
        final boolean needsCase;

        Endpoint(Act act, int allowed, boolean needsCase) {
            this.act = act;
            this.allowed = allowed;
            this.needsCase = needsCase;
        }
    }

    static Stream<Arguments> table() {
        List<Arguments> rows = new ArrayList<>();
        for (String caller : CALLERS) {
            for (String record : List.of("ZJ", "GD", "BJ")) {
                for (Endpoint endpoint : Endpoint.values()) {
                    rows.add(Arguments.of(caller, record, endpoint));
                }
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "AUTH-02 {0} {2} on {1}")
    @MethodSource("table")
    void auth02_acceptanceEndpointsAnswerByScopeThroughTheGateway(String caller, String record, Endpoint endpoint) {
        Fixture fixture = FIXTURES.get(record);

        Http.Response response = call(endpoint, fixture, Keycloak.cachedToken(caller));

        int expected = expected(caller, fixture, endpoint);
        assertThat(response.status()).as("%s %s on %s: %s", caller, endpoint, record, response.body())
                .isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.isProblem()).as("%s %s on %s", caller, endpoint, record).isTrue();
            assertThat(response.body()).as("nothing of the record leaks").doesNotContain(fixture.name())
                    .doesNotContain(fixture.creditCode());
        }
        if (expected == 404) {
            // out of scope: the answer for an unknown institution ("Institution … was not found"); in scope, the
            // missing case or certificate is named ("Acceptance case/certificate of institution …")
            String detail = response.json().has("detail") ? response.json().get("detail").asString() : "";
            assertThat(detail.startsWith("Institution ")).as("%s %s on %s: %s", caller, endpoint, record, detail)
                    .isEqualTo(relation(caller, fixture) == Relation.FOREIGN);
        }
    }

    @Test
    void auth02_acc13_theCaseListsHoldExactlyTheCallersScope() {
        for (String caller : REGULATORS) {
            String token = Keycloak.cachedToken(caller);
            Http.Response page = Http.get(API + "/cases?size=200&state=ON_NOTICE", token);
            assertThat(page.status()).as("%s: %s", caller, page.body()).isEqualTo(200);
            List<String> listed = page.json().get("content").valueStream()
                    .map(line -> line.get("institutionId").asString()).toList();
            Http.Response overdue = Http.get(API + "/cases/overdue", token);
            assertThat(overdue.status()).as("%s: %s", caller, overdue.body()).isEqualTo(200);
            List<String> listedOverdue = overdue.json().valueStream()
                    .map(line -> line.get("institutionId").asString()).toList();
            for (Map.Entry<String, Fixture> entry : FIXTURES.entrySet()) {
                Fixture fixture = entry.getValue();
                boolean readable = expected(caller, fixture, Endpoint.CASE_GET) == 200;
                assertThat(listed.contains(fixture.id())).as("%s lists %s", caller, entry.getKey())
                        .isEqualTo(readable);
                assertThat(listedOverdue.contains(fixture.id())).as("%s lists %s as overdue", caller, entry.getKey())
                        .isEqualTo(readable && fixture.overdue());
            }
        }
        for (String caller : CALLERS) {
            if (REGULATORS.contains(caller)) {
                continue;
            }
            int expected = caller.equals("anonymous") ? 401 : 403;
            for (String path : List.of("/cases", "/cases/overdue")) {
                Http.Response refused = Http.get(API + path, Keycloak.cachedToken(caller));
                assertThat(refused.status()).as("%s %s", caller, path).isEqualTo(expected);
                assertThat(refused.isProblem()).isTrue();
                for (Fixture fixture : FIXTURES.values()) {
                    assertThat(refused.body()).doesNotContain(fixture.id());
                }
            }
        }
    }

    // =================================================================================================================
    // AUTH-06: the public endpoints, without a token
    // =================================================================================================================

    @Test
    void auth06_thePublicEndpointsNeedNoTokenAndShowOnlyPublicMembers() {
        for (String record : List.of("ZJ", "GD")) {
            Fixture fixture = FIXTURES.get(record);
            Http.Response notices = Http.get(PUBLIC + "/notices?q=" + fixture.creditCode(), null);
            assertThat(notices.status()).as(notices.body()).isEqualTo(200);
            JsonNode page = notices.json();
            assertThat(page.propertyNames()).containsExactlyInAnyOrder("content", "page", "size", "totalElements");
            List<JsonNode> mine = page.get("content").valueStream()
                    .filter(e -> e.get("creditCode").asString().equals(fixture.creditCode())).toList();
            assertThat(mine).as("%s is on notice", record).hasSize(1);
            JsonNode entry = mine.get(0);
            assertThat(entry.propertyNames()).containsExactlyInAnyOrder("institutionName", "creditCode",
                    "registeredProvince", "registeredProvinceName", "noticeNumber", "startedOn", "earliestEndOn");
            assertThat(entry.get("institutionName").asString()).isEqualTo(fixture.name());
            assertThat(entry.get("registeredProvince").asString()).isEqualTo(fixture.registeredProvince());
            assertThat(notices.body()).as("no non-public field of %s", record).doesNotContain(fixture.id())
                    .doesNotContain(LEGAL_REPRESENTATIVE).doesNotContain(CONTACT).doesNotContain(COMPLAINT_TEXT);

            // the same answer with any caller's token (AUTH-06: public alike for everyone)
            for (String caller : CALLERS) {
                Http.Response withToken = Http.get(PUBLIC + "/notices?q=" + fixture.creditCode(), Keycloak.cachedToken(caller));
                assertThat(withToken.status()).as("%s: %s", caller, withToken.body()).isEqualTo(200);
                assertThat(withToken.json().get("content").valueStream()
                        .filter(e -> e.get("creditCode").asString().equals(fixture.creditCode())))
                        .as(caller).containsExactly(entry);
            }

            // not filed: no entry of ours in the filed list
            Http.Response filed = Http.get(PUBLIC + "/filed?q=" + fixture.creditCode(), null);
            assertThat(filed.status()).as(filed.body()).isEqualTo(200);
            assertThat(filed.json().propertyNames()).containsExactlyInAnyOrder("content", "page", "size",
                    "totalElements");
            assertThat(filed.json().get("content").valueStream()
                    .map(e -> e.get("creditCode").asString())).doesNotContain(fixture.creditCode());

            // the complainant's view: where it stands, without text or contact
            Http.Response status = Http.send(HttpRequest.newBuilder(URI.create(PUBLIC + "/complaints/"
                            + fixture.receipt())).timeout(Duration.ofSeconds(20))
                    .header("Complaint-Secret", fixture.secret()).GET().build());
            assertThat(status.status()).as(status.body()).isEqualTo(200);
            assertThat(status.json().propertyNames()).containsExactlyInAnyOrder("receiptNumber", "state", "reply",
                    "submittedOn", "resolvedOn");
            assertThat(status.body()).doesNotContain(CONTACT).doesNotContain(COMPLAINT_TEXT)
                    .doesNotContain(fixture.id());
        }

        // the filed list's shape, when the shared platform has a filed institution at all
        Http.Response anyFiled = Http.get(PUBLIC + "/filed?size=1", null);
        assertThat(anyFiled.status()).as(anyFiled.body()).isEqualTo(200);
        anyFiled.json().get("content").valueStream().forEach(entry -> assertThat(entry.propertyNames())
                .containsExactlyInAnyOrder("institutionName", "creditCode", "registeredProvince",
                        "registeredProvinceName", "filedOn"));

        Http.Response unknown = Http.get(PUBLIC + "/certificates/ZZZZ-ZZZZ-ZZZZ-ZZZZ", null);
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
        assertThat(unknown.json().get("type").asString()).isEqualTo("urn:p2p-supervision:problem:not-found");
    }

    // -----------------------------------------------------------------------------------------------------------------

    enum Relation { OWN, BUSINESS_PLACE, FOREIGN }

    /** A provincial caller's relation to the record; null for central, the agencies and anonymous. */
    private static Relation relation(String caller, Fixture fixture) {
        String province = caller.startsWith("zj-") ? "33" : caller.startsWith("gd-") ? "44" : null;
        if (province == null) {
            return null;
        }
        if (province.equals(fixture.registeredProvince())) {
            return Relation.OWN;
        }
        return province.equals(fixture.branch()) ? Relation.BUSINESS_PLACE : Relation.FOREIGN;
    }

    /**
     * The rule of the service-level tables, written out again: anonymous 401; agencies 403 (role before scope,
     * AUTH-05); a foreign province 404 whatever the act (existence is not revealed); central reads and waives
     * opinions, and writes nothing else (403, AUTH-03); the registration province reads and writes, and only its heads
     * sign (AUTH-04, ACC-11); a business-place province reads and answers its own opinion, and is refused every other
     * act (403).
     *
     * <p>BJ has no case: the provinces here are all foreign to it (404 as for any record), and central, who passes
     * the scope, gets 404 from every endpoint that then looks the case up (reads and the waiver: "Acceptance case of
     * institution … was not found") and 403 for the acts it may not do at all (refused before the case is looked up);
     * the agencies' requests about the institution need no case (200).
     */
    static int expected(String caller, Fixture fixture, Endpoint endpoint) {
        if (caller.equals("anonymous")) {
            return 401;
        }
        if (caller.startsWith("agency-")) {
            return 403;
        }
        int allowed = endpoint.needsCase && !fixture.hasCase() ? 404 : endpoint.allowed;
        if (caller.equals("central")) {
            return endpoint.act == Act.READ || endpoint.act == Act.WAIVE ? allowed : 403;
        }
        boolean head = caller.endsWith("-head-finance") || caller.endsWith("-head-regulator");
        return switch (relation(caller, fixture)) {
            case FOREIGN -> 404;
            case BUSINESS_PLACE -> endpoint.act == Act.READ || endpoint.act == Act.ANSWER ? allowed : 403;
            case OWN -> switch (endpoint.act) {
                case READ, WRITE -> allowed;
                case ANSWER, WAIVE -> 403;
                case SIGN -> head ? allowed : 403;
            };
        };
    }

    private static Http.Response call(Endpoint endpoint, Fixture f, String token) {
        String one = API + "/cases/" + f.id();
        String stale = "\"0\"";
        String receipt = f.receipt() == null ? "C-000000000000" : f.receipt();
        return switch (endpoint) {
            case CASE_OPEN_DUPLICATE -> send("POST", API + "/cases", token, null,
                    "{\"institutionId\":\"" + f.id() + "\",\"complexity\":\"MAIN\"}");
            case CASE_GET -> Http.get(one, token);
            case GATES -> Http.get(one + "/gates", token);
            case SPLIT_ENTITIES_STALE -> send("PUT", one + "/split-entities", token, stale, "{\"splitEntities\":[]}");
            case TEAM_ADD_STALE -> send("POST", one + "/team", token, stale,
                    "{\"name\":\"周警官\",\"agency\":\"PUBLIC_SECURITY\",\"organisation\":\"经侦总队\"}");
            case TEAM_REMOVE_STALE -> send("DELETE", one + "/team/m2", token, stale, null);
            case CHECK_RECORD_STALE -> send("PUT", one + "/checks/FUND_FLOWS", token, stale,
                    "{\"result\":\"PASSED\",\"evidence\":\"资金流水核查\",\"recordedBy\":\"m1\"}");
            case CHECK_CONFIRM_STALE -> send("POST", one + "/checks/LEDGER_SYSTEM/confirmation", token, stale,
                    "{\"confirmedBy\":\"m2\"}");
            case OPINION_ANSWER_STALE -> send("POST", one + "/opinions/" + f.branch(), token, stale,
                    "{\"agrees\":true,\"text\":\"同意验收\"}");
            case OPINION_WAIVER_STALE -> send("POST", one + "/opinions/" + f.branch() + "/waiver", token, stale,
                    "{\"reason\":\"逾期未回复，同意豁免\"}");
            case CONCLUSION_STALE -> send("POST", one + "/conclusion", token, stale,
                    "{\"outcome\":\"PASSED\",\"reason\":\"同意验收\"}");
            case RESUMPTION_STALE -> send("POST", one + "/resumption", token, stale, "{\"note\":\"已恢复经营\"}");
            case SIGNATURE_STALE -> send("POST", one + "/certificate/signatures", token, stale, "{}");
            case FILING_STALE -> send("POST", one + "/filing", token, stale, "{}");
            case COMPLAINTS -> Http.get(one + "/complaints", token);
            case COMPLAINT_RESOLUTION_STALE -> send("POST", one + "/complaints/" + receipt + "/resolution", token,
                    stale, "{\"foundTrue\":false,\"reply\":\"查无实据\"}");
            case CERTIFICATE_PDF -> Http.get(one + "/certificate.pdf", token);
            case AGENCY_REQUESTS -> Http.get(API + "/institutions/" + f.id() + "/agency-requests", token);
        };
    }

    /** A request with a JSON body (or none), the caller's token (or none) and {@code If-Match} (or none). */
    private static Http.Response send(String method, String url, String token, String ifMatch, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return Http.send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build());
    }

    // -----------------------------------------------------------------------------------------------------------------

    /**
     * A file registered by {@code officer} in {@code province} with a branch in {@code branch}, its COMPLIANT
     * classification approved by {@code head}, and its case brought to public notice (the business-place province's
     * officer {@code businessPlaceOfficer} answering its opinion), with one complaint from the public.
     */
    private static Fixture caseOnNotice(String officerName, String head, String province, String branch,
                                        String businessPlaceOfficer) {
        String officer = Keycloak.userToken(officerName);
        String[] institution = register(officer, province, branch);
        String id = institution[0];
        String code = institution[1];
        String name = institution[2];

        String decision = CLASSIFICATION + "/institutions/" + id + "/decision";
        Http.Response recorded = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> Http.postJson(decision, officer,
                        "{\"category\":\"COMPLIANT\",\"reason\":\"排查未发现问题，运营数据正常\"}"), r -> r.status() != 404);
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        Http.Response approved = Http.postJson(decision + "/approval", Keycloak.userToken(head), "{}",
                recorded.etag());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        String one = API + "/cases/" + id;
        Http.Response opened = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> Http.postJson(API + "/cases", officer,
                        "{\"institutionId\":\"" + id + "\",\"complexity\":\"MAIN\"}"), r -> r.status() != 404);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);

        String etag = AcceptanceSteps.teamAndPassedChecks(one, officer, opened.etag());
        Http.Response opinion = Http.postJson(one + "/opinions/" + branch, Keycloak.userToken(businessPlaceOfficer),
                "{\"agrees\":true,\"text\":\"分支机构已核查，无异议\"}", etag);
        assertThat(opinion.status()).as(opinion.body()).isEqualTo(200);
        Http.Response onNotice = Http.postJson(one + "/conclusion", officer,
                "{\"outcome\":\"PASSED\",\"reason\":\"各项检查均合格，同意通过验收\"}", opinion.etag());
        assertThat(onNotice.status()).as(onNotice.body()).isEqualTo(200);
        assertThat(onNotice.json().get("state").asString()).isEqualTo("ON_NOTICE");

        // one complaint from the public (the door is rate-limited per address, shared by every system test)
        Http.Response lodged = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(5))
                .until(() -> Http.postJson(PUBLIC + "/complaints", null, """
                        {"creditCode":"%s","text":"%s","contact":"%s"}""".formatted(code, COMPLAINT_TEXT, CONTACT)),
                        r -> r.status() != 429);
        assertThat(lodged.status()).as(lodged.body()).isEqualTo(201);
        boolean overdue = Http.get(one, officer).json().get("overdue").asBoolean();
        return new Fixture(id, code, name, province, branch, true, lodged.json().get("receiptNumber").asString(),
                lodged.json().get("secret").asString(), overdue);
    }

    /** A file registered by central (no officer of {@code province} in the realm), once acceptance knows it. */
    private static Fixture withoutCase(String province, String branch) {
        String central = Keycloak.userToken("central");
        String[] institution = register(central, province, branch);
        String id = institution[0];
        // central reads every known institution's records: 200 once the acceptance context's projection has it
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(Http.get(API + "/institutions/" + id + "/agency-requests", central).status())
                        .isEqualTo(200));
        return new Fixture(id, institution[1], institution[2], province, branch, false, null, null, false);
    }

    /** Registers a file; answers its id, credit code and name. */
    private static String[] register(String token, String province, String branch) {
        String code = RegistryScopeSystemIT.creditCode();
        String name = "验收范围测试平台 " + province + "-" + code.substring(10);
        String body = """
                {"creditCode":"%s","registeredProvince":"%s","name":"%s","registeredCapital":"50000000.00",
                 "establishedOn":"2014-03-01","lendingStartedOn":"2014-06-01","source":"BUSINESS_REGISTRATION",
                 "custodyBank":"浙商银行","legalRepresentative":{"name":"%s","idNumber":"330106198001011234"},
                 "branches":[{"name":"分支机构","province":"%s","city":"City","address":"Road 1"}]}"""
                .formatted(code, province, name, LEGAL_REPRESENTATIVE, branch);
        Http.Response created = Http.postJson(REGISTRY, token, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new String[] {created.json().get("id").asString(), code, name};
    }
}
