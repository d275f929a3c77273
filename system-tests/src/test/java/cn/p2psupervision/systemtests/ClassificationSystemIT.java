package cn.p2psupervision.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
 * The classification context through the gateway with real Keycloak tokens (issue 7): the scope table of the
 * service-level test replayed (AUTH-02..05), the whole story from findings to the registry's {@code BANNED} and the
 * referral that only public security sees, the registry projection following a new branch within 10 s, and the
 * outbox delivering an approval's status after a registry outage, as exactly one registry version.
 */
@ExtendWith(PlatformUnderTest.class)
class ClassificationSystemIT {

    private static final String REGISTRY = PlatformUnderTest.GATEWAY + "/api/v1/registry/institutions";
    private static final String API = PlatformUnderTest.GATEWAY + "/api/v1/classification";
    private static final Map<String, Fixture> FIXTURES = new LinkedHashMap<>();
    private static final List<String> CALLERS = List.of("central", "zj-officer", "zj-head-finance", "gd-officer",
            "gd-head-finance", "agency-public-security", "agency-telecom", "agency-market-regulation",
            "agency-central-bank", "anonymous");

    private static final String FUND_POOL = """
            {"problemCode":"FUND_POOL","evidence":{"text":"平台账户归集出借资金","documents":["检查记录-1"]},
             "source":"ON_SITE_INSPECTION","foundOn":"2017-05-15","outstandingAmount":1250000.00}""";
    private static final String FUNDRAISING = """
            {"problemCode":"ILLEGAL_FUNDRAISING","evidence":{"text":"向不特定公众吸收资金并承诺保本","documents":[]},
             "source":"OTHER_AGENCY","foundOn":"2017-05-20","outstandingAmount":30000000.00}""";

    /** @param findingId a finding recorded by the registration province, or null (Beijing: no demo officer) */
    record Fixture(String id, String registeredProvince, List<String> business, String findingId, boolean decided) {
    }

    @BeforeAll
    static void fixtures() {
        FIXTURES.put("ZJ", fixture("zj-officer", "33", "44", true));
        FIXTURES.put("GD", fixture("gd-officer", "44", "33", true));
        FIXTURES.put("BJ", fixture("central", "11", "31", false));
    }

    // =================================================================================================================
    // AUTH-02..05: the scope table, through the gateway
    // =================================================================================================================

    /**
     * Writes are sent so that they change nothing for the callers allowed to make them: on a stale version (412,
     * after the scope and role checks), except recording a finding, which adds one.
     */
    enum Endpoint {
        FINDINGS_LIST(Act.READ, 200), FINDING_RECORD(Act.WRITE, 201), FINDING_AMEND_STALE(Act.WRITE, 412),
        FINDING_WITHDRAW_STALE(Act.WRITE, 412), PROPOSAL(Act.READ, 200), DECISION_GET(Act.READ, 200),
        DECISION_VERSIONS(Act.READ, 200), DECISION_RECORD_STALE(Act.WRITE, 412),
        DECISION_APPROVE_STALE(Act.APPROVE, 412), DECISION_REOPEN_STALE(Act.REOPEN, 412),
        AGENCY_REQUESTS(Act.READ, 200), RECTIFICATION_ORDER(Act.READ, 404);

        final Act act;
        final int allowed;

        Endpoint(Act act, int allowed) {
            this.act = act;
            this.allowed = allowed;
        }
    }

    enum Act { READ, WRITE, APPROVE, REOPEN }

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
    void auth02_classificationEndpointsAnswerByScopeThroughTheGateway(String caller, String record,
                                                                       Endpoint endpoint) {
        Fixture fixture = FIXTURES.get(record);

        Http.Response response = call(endpoint, fixture, tokenOf(caller));

        int expected = expected(caller, fixture, endpoint);
        assertThat(response.status()).as("%s %s on %s: %s", caller, endpoint, record, response.body())
                .isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.isProblem()).isTrue();
        }
    }

    @Test
    void auth02_theDecisionListHoldsExactlyTheCallersScope() {
        for (String caller : List.of("central", "zj-officer", "gd-officer")) {
            Http.Response page = Http.get(API + "/decisions?size=200", tokenOf(caller));
            assertThat(page.status()).isEqualTo(200);
            List<String> listed = page.json().get("content").valueStream()
                    .map(line -> line.get("institutionId").asString()).toList();
            for (String record : List.of("ZJ", "GD")) {
                Fixture fixture = FIXTURES.get(record);
                boolean readable = relation(caller, fixture) != Relation.FOREIGN;
                assertThat(listed.contains(fixture.id())).as("%s lists %s", caller, record).isEqualTo(readable);
            }
        }
        assertThat(Http.get(API + "/decisions", tokenOf("agency-telecom")).status()).isEqualTo(403);
        assertThat(Http.get(API + "/decisions", null).status()).isEqualTo(401);
    }

    enum Relation { OWN, BUSINESS_PLACE, FOREIGN }

    private static Relation relation(String caller, Fixture fixture) {
        String province = caller.startsWith("zj-") ? "33" : caller.startsWith("gd-") ? "44" : null;
        if (province == null) {
            return null;
        }
        if (province.equals(fixture.registeredProvince())) {
            return Relation.OWN;
        }
        return fixture.business().contains(province) ? Relation.BUSINESS_PLACE : Relation.FOREIGN;
    }

    /** The same rule as the service-level table, written out again. */
    private static int expected(String caller, Fixture fixture, Endpoint endpoint) {
        if (caller.equals("anonymous")) {
            return 401;
        }
        if (caller.startsWith("agency-")) {
            return 403;
        }
        boolean head = caller.endsWith("-head-finance");
        int found = needsDecision(endpoint) && !fixture.decided() ? 404 : endpoint.allowed;
        if (caller.equals("central")) {
            return endpoint.act == Act.READ || endpoint.act == Act.REOPEN ? found : 403;
        }
        return switch (relation(caller, fixture)) {
            case FOREIGN -> 404;
            case BUSINESS_PLACE -> endpoint.act == Act.READ ? found : 403;
            case OWN -> switch (endpoint.act) {
                case READ, WRITE -> found;
                case APPROVE -> head ? found : 403;
                case REOPEN -> 403;
            };
        };
    }

    private static boolean needsDecision(Endpoint endpoint) {
        return switch (endpoint) {
            case DECISION_GET, DECISION_VERSIONS, DECISION_APPROVE_STALE, DECISION_REOPEN_STALE -> true;
            default -> false;
        };
    }

    private static Http.Response call(Endpoint endpoint, Fixture f, String token) {
        String institution = API + "/institutions/" + f.id();
        String finding = institution + "/findings/" + (f.findingId() == null ? "F-000000000000" : f.findingId());
        return switch (endpoint) {
            case FINDINGS_LIST -> Http.get(institution + "/findings", token);
            case FINDING_RECORD -> Http.postJson(institution + "/findings", token, FUND_POOL);
            case FINDING_AMEND_STALE -> Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(finding))
                    .header("Content-Type", "application/json").header("If-Match", "\"0\"")
                    .headers(auth(token)).PUT(java.net.http.HttpRequest.BodyPublishers.ofString(FUND_POOL)).build());
            case FINDING_WITHDRAW_STALE -> Http.postJson(finding + "/withdrawal", token, "{\"reason\":\"复核\"}",
                    "\"0\"");
            case PROPOSAL -> Http.get(institution + "/proposal", token);
            case DECISION_GET -> Http.get(institution + "/decision", token);
            case DECISION_VERSIONS -> Http.get(institution + "/decision/versions", token);
            case DECISION_RECORD_STALE -> Http.postJson(institution + "/decision", token,
                    "{\"category\":\"RECTIFICATION\"}", "\"0\"");
            case DECISION_APPROVE_STALE -> Http.postJson(institution + "/decision/approval", token, "{}", "\"0\"");
            case DECISION_REOPEN_STALE -> Http.postJson(institution + "/decision/reopening", token,
                    "{\"reason\":\"复核\"}", "\"0\"");
            case AGENCY_REQUESTS -> Http.get(institution + "/agency-requests", token);
            case RECTIFICATION_ORDER -> Http.get(institution + "/rectification-order", token);
        };
    }

    private static String[] auth(String token) {
        return token == null ? new String[] {"X-Anonymous", "1"} : new String[] {"Authorization", "Bearer " + token};
    }

    // =================================================================================================================
    // The story (CLS-01, CLS-04..07, REG-08, AUTH-03..05)
    // =================================================================================================================

    @Test
    void cls07_reg08_auth05_fromFindingsToBannedInTheRegistryAndAReferralOnlyPublicSecuritySees() {
        Fixture zj = fixture("zj-officer", "33", "44", false);
        String institution = API + "/institutions/" + zj.id();
        String officer = Keycloak.userToken("zj-officer");

        assertThat(Http.postJson(institution + "/findings", officer, FUNDRAISING).status()).isEqualTo(201);
        JsonNode proposal = Http.get(institution + "/proposal", officer).json();
        assertThat(proposal.get("category").asString()).isEqualTo("BANNING");
        assertThat(proposal.get("flags").valueStream().map(f -> f.get("code").asString()).toList())
                .contains("RAPID_EXPANSION_BALANCE");

        Http.Response recorded = Http.postJson(institution + "/decision", officer, "{\"category\":\"BANNING\"}");
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        Http.Response byRecorder = Http.postJson(institution + "/decision/approval", officer, "{}", "\"1\"");
        assertThat(byRecorder.status()).isEqualTo(403);
        Http.Response approved = Http.postJson(institution + "/decision/approval",
                Keycloak.userToken("zj-head-finance"), "{}", "\"1\"");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(Http.get(REGISTRY + "/" + zj.id(), officer).json().get("status").asString())
                        .isEqualTo("BANNED"));
        // the referral, behind the agencies' door (AUTH-05): only public security's client sees it
        String referralId = "R-" + zj.id() + "-1";
        String referral = API + "/agency-requests/" + referralId;
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(Http.get(referral, Keycloak.clientToken("agency-public-security")).status())
                        .isEqualTo(200));
        assertThat(Http.get(referral, Keycloak.clientToken("agency-public-security")).json().get("kind").asString())
                .isEqualTo("REFERRAL");
        Http.Response acknowledged = Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        referral + "/acknowledgement"))
                .header("Authorization", "Bearer " + Keycloak.clientToken("agency-public-security"))
                .header("Content-Type", "application/json").header("Idempotency-Key", "ack-" + zj.id())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"receiptNumber\":\"杭公受字-1\"}")).build());
        assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(200);
        // another agency's client does not find it; a regulator does not pass the agencies' door, and follows the
        // referral under the institution instead
        assertThat(Http.get(referral, Keycloak.clientToken("agency-telecom")).status()).isEqualTo(404);
        assertThat(Http.get(API + "/agency-requests", officer).status()).isEqualTo(403);
        assertThat(Http.get(institution + "/agency-requests", officer).json().get(0).get("state").asString())
                .isEqualTo("ACKNOWLEDGED");

        Http.Response reopened = Http.postJson(institution + "/decision/reopening", Keycloak.userToken("central"),
                "{\"reason\":\"中央整治办复核：需补充证据\"}", "\"2\"");
        assertThat(reopened.status()).as(reopened.body()).isEqualTo(200);
        assertThat(reopened.json().at("/decision/state").asString()).isEqualTo("REOPENED");
        JsonNode deliveries = Http.get(institution + "/decision", officer).json().get("deliveries");
        assertThat(deliveries.valueStream().map(d -> d.get("state").asString()).toList())
                .containsOnly("DELIVERED");
    }

    // =================================================================================================================
    // The projection follows the registry within 10 s (AUTH-02 in every context)
    // =================================================================================================================

    @Test
    void auth02_aGuangdongBranchOpensTheRecordToGuangdongWithin10sAndClosesItWhenTheBranchGoes() {
        Fixture zj = fixture("zj-officer", "33", "31", true);
        String decision = API + "/institutions/" + zj.id() + "/decision";
        String gd = Keycloak.userToken("gd-officer");
        assertThat(Http.get(decision, gd).status()).isEqualTo(404);

        setBranches(zj, List.of("31", "44"));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(Http.get(decision, Keycloak.userToken("gd-officer")).status()).isEqualTo(200));

        setBranches(zj, List.of("31"));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(Http.get(decision, Keycloak.userToken("gd-officer")).status()).isEqualTo(404));
    }

    // =================================================================================================================
    // The outbox across a registry outage (REG-08)
    // =================================================================================================================

    @Test
    void reg08_anApprovalDuringARegistryOutageReachesTheRegistryWithin30sOfItsReturnAsOneVersion() {
        Fixture zj = fixture("zj-officer", "33", "44", false);
        String institution = API + "/institutions/" + zj.id();
        String officer = Keycloak.userToken("zj-officer");
        assertThat(Http.postJson(institution + "/findings", officer, FUNDRAISING).status()).isEqualTo(201);
        assertThat(Http.postJson(institution + "/decision", officer, "{\"category\":\"BANNING\"}").status())
                .isEqualTo(201);

        PlatformUnderTest.platform("stop", "registry");
        try {
            // what needs the registry's figures refuses (503, naming the registry, through the gateway untouched);
            // what does not, goes on
            Http.Response proposal = Http.get(institution + "/proposal", officer);
            assertThat(proposal.status()).as(proposal.body()).isEqualTo(503);
            assertThat(proposal.json().get("service").asString()).isEqualTo("registry-service");

            Http.Response approved = Http.postJson(institution + "/decision/approval",
                    Keycloak.userToken("zj-head-finance"), "{}", "\"1\"");
            assertThat(approved.status()).as(approved.body()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                JsonNode status = delivery(Http.get(institution + "/decision", officer).json(), "registry-status");
                assertThat(status.get("state").asString()).isEqualTo("PENDING");
                assertThat(status.get("attempts").asInt()).isPositive();
            });
        } finally {
            PlatformUnderTest.platform("start", "registry");
        }

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(Http.get(REGISTRY + "/" + zj.id(), officer).json().get("status").asString())
                        .isEqualTo("BANNED"));
        List<String> actions = Http.get(REGISTRY + "/" + zj.id() + "/history", officer).json().valueStream()
                .map(entry -> entry.get("action").asString()).toList();
        assertThat(actions.stream().filter("STATUS"::equals).count()).isEqualTo(1);
        assertThat(delivery(Http.get(institution + "/decision", officer).json(), "registry-status").get("state")
                .asString()).isEqualTo("DELIVERED");
    }

    // -----------------------------------------------------------------------------------------------------------------

    private static JsonNode delivery(JsonNode decision, String kind) {
        return decision.get("deliveries").valueStream().filter(d -> d.get("kind").asString().equals(kind))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " delivery in " + decision));
    }

    private static void setBranches(Fixture fixture, List<String> provinces) {
        String token = Keycloak.userToken("zj-officer");
        long version = Http.get(REGISTRY + "/" + fixture.id(), token).json().get("version").asLong();
        StringBuilder branches = new StringBuilder();
        for (String province : provinces) {
            branches.append(branches.isEmpty() ? "" : ",").append("""
                    {"name":"分支机构 %s","province":"%s","city":"City","address":"Road 1"}""".formatted(province,
                    province));
        }
        Http.Response patched = Http.patch(REGISTRY + "/" + fixture.id(), token, "\"" + version + "\"",
                "{\"branches\":[" + branches + "]}");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
    }

    /**
     * An institution registered by {@code user} in {@code province} with a branch in {@code branchProvince}, four
     * months of fast-growing operating reports, and once the classification context knows it (within 10 s), a
     * finding and, when {@code decide}, a recorded decision.
     */
    private static Fixture fixture(String user, String province, String branchProvince, boolean decide) {
        String code = RegistryScopeSystemIT.creditCode();
        String body = """
                {"creditCode":"%s","registeredProvince":"%s","name":"分类处置测试平台 %s","registeredCapital":"50000000.00",
                 "establishedOn":"2014-03-01","lendingStartedOn":"2014-06-01","source":"BUSINESS_REGISTRATION",
                 "custodyBank":"浙商银行",
                 "legalRepresentative":{"name":"张三","idNumber":"330106198001011234"},
                 "branches":[{"name":"分支机构","province":"%s","city":"City","address":"Road 1"}]}
                """.formatted(code, province, code.substring(10), branchProvince);
        String token = Keycloak.userToken(user);
        Http.Response created = Http.postJson(REGISTRY, token, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        String[][] months = {{"2017-01", "10000000.00", "1000"}, {"2017-02", "12000000.00", "1200"},
                {"2017-03", "15000000.00", "1500"}, {"2017-04", "19000000.00", "2000"}};
        for (String[] month : months) {
            String report = """
                    {"period":"%s","loanBalance":"%s","lenders":%s,"borrowers":300,"newLending":"3000000.00",
                     "products":[{"name":"月月盈","termMonths":12,"compositeYield":"9.80"}]}""".formatted(month[0],
                    month[1], month[2]);
            Http.Response posted = Http.postJson(REGISTRY + "/" + id + "/reports", token, report);
            assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        }
        String central = Keycloak.userToken("central");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(Http.get(API + "/institutions/" + id + "/findings", central).status()).isEqualTo(200));
        if (user.equals("central")) {
            return new Fixture(id, province, List.of(branchProvince), null, false);
        }
        Http.Response finding = Http.postJson(API + "/institutions/" + id + "/findings", token, FUND_POOL);
        assertThat(finding.status()).as(finding.body()).isEqualTo(201);
        if (decide) {
            Http.Response decision = Http.postJson(API + "/institutions/" + id + "/decision", token,
                    "{\"category\":\"RECTIFICATION\"}");
            assertThat(decision.status()).as(decision.body()).isEqualTo(201);
        }
        return new Fixture(id, province, List.of(branchProvince), finding.json().get("id").asString(), decide);
    }

    private static String tokenOf(String caller) {
        if (caller.equals("anonymous")) {
            return null;
        }
        if (caller.startsWith("agency-")) {
            return Keycloak.clientToken(caller);
        }
        return Keycloak.userToken(caller);
    }
}
