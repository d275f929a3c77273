package cn.p2psupervision.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;

/**
 * AUTH-02/03/05 on the registry, replayed through the gateway with real Keycloak tokens: every endpoint × caller ×
 * {own, business-place, foreign} record, asserting the status and that nothing out of scope leaks.
 */
@ExtendWith(PlatformUnderTest.class)
class RegistryScopeSystemIT {

    private static final String API = PlatformUnderTest.GATEWAY + "/api/v1/registry";
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis() % 100_000_000L);
    /** Registered in 33 with a branch in 44; registered in 44 with a branch in 33; registered in 11 with a branch in 31. */
    private static final Map<String, Fixture> FIXTURES = new java.util.LinkedHashMap<>();

    record Fixture(String id, String creditCode, String name, String registeredProvince, List<String> business) {
    }

    /** What an endpoint does to a file: reads it, changes it (a new version), or appends an operating report. */
    enum Kind { READ, WRITE, REPORT }

    /**
     * Writes are sent so that they change nothing: a patch that restates the name, a verification or attestation on a
     * stale version (412 for the one caller allowed to write, after the scope check), a report that restates the
     * fixture's own (recognised as a retry: 200).
     */
    enum Endpoint {
        GET_BY_ID(Kind.READ, 200), GET_BY_CREDIT_CODE(Kind.READ, 200), GET_BY_CODE_PATH(Kind.READ, 200),
        PATCH(Kind.WRITE, 200), VERIFY_STALE(Kind.WRITE, 412), ATTEST_STALE(Kind.WRITE, 412), GROUP(Kind.READ, 200),
        HISTORY(Kind.READ, 200), SNAPSHOT(Kind.READ, 200), DIFF(Kind.READ, 200), REPORT_SERIES(Kind.READ, 200),
        REPORT_REVISIONS(Kind.READ, 200), REPORT_RESUBMIT(Kind.REPORT, 200);

        final Kind kind;
        final int allowed;

        Endpoint(Kind kind, int allowed) {
            this.kind = kind;
            this.allowed = allowed;
        }
    }

    private static final String REPORT = """
            {"period":"2017-04","loanBalance":"1250000.00","lenders":120,"borrowers":60,"newLending":"100000.00",
             "overdueAmount":"1000.00","overdueRate":"1.50",
             "products":[{"name":"12-month plan","termMonths":12,"compositeYield":"9.80"}]}""";
    private static final String VERIFICATION = """
            {"method":"PHONE_CONTACT","date":"2017-05-31","outcome":"Confirmed by phone","confirmed":["name"]}""";
    private static final String ATTESTATION = """
            {"signedBy":"Zhang San","position":"LEGAL_REPRESENTATIVE","signedOn":"2017-06-01",
             "documentReference":"SIGNED-2017-001"}""";

    @BeforeAll
    static void registerFixtures() {
        FIXTURES.put("ZJ", register("zj-officer", "33", "44"));
        FIXTURES.put("GD", register("gd-officer", "44", "33"));
        FIXTURES.put("BJ", register("central", "11", "31"));
    }

    static Stream<Arguments> table() {
        List<Arguments> rows = new ArrayList<>();
        for (String caller : List.of("central", "zj-officer", "zj-head-finance", "gd-officer", "agency", "anonymous")) {
            for (String record : FIXTURES.keySet()) {
                for (Endpoint endpoint : Endpoint.values()) {
                    rows.add(Arguments.of(caller, record, endpoint));
                }
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "AUTH-02 {0} {2} on {1}")
    @MethodSource("table")
    void auth02_registryEndpointsAnswerByScope(String caller, String record, Endpoint endpoint) {
        Fixture fixture = FIXTURES.get(record);
        String token = tokenOf(caller);

        Http.Response response = call(endpoint, fixture, token);

        int expected = expected(caller, fixture, endpoint);
        assertThat(response.status()).as("%s %s on %s: %s", caller, endpoint, record, response.body()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.isProblem()).isTrue();
            assertThat(response.body()).doesNotContain(fixture.name());
        }
    }

    @Test
    void auth02_listsContainOnlyTheCallersScope() {
        for (String caller : List.of("central", "zj-officer", "gd-officer")) {
            String token = tokenOf(caller);
            List<String> listed = new ArrayList<>();
            for (String record : FIXTURES.keySet()) {
                Fixture fixture = FIXTURES.get(record);
                Http.Response page = Http.get(API + "/institutions?namePrefix="
                        + java.net.URLEncoder.encode(fixture.name(), java.nio.charset.StandardCharsets.UTF_8) + "&size=50", token);
                assertThat(page.status()).isEqualTo(200);
                page.json().get("content").valueStream().map(n -> n.get("id").asString()).forEach(listed::add);
            }
            for (String record : FIXTURES.keySet()) {
                Fixture fixture = FIXTURES.get(record);
                boolean readable = relation(caller, fixture) != Relation.FOREIGN;
                assertThat(listed.contains(fixture.id())).as("%s lists %s", caller, record).isEqualTo(readable);
            }
        }
        assertThat(Http.get(API + "/institutions", tokenOf("agency")).status()).isEqualTo(403);
        assertThat(Http.get(API + "/institutions", null).status()).isEqualTo(401);
    }

    @Test
    void reg09_statisticsAreNationalForCentralAndProvincialForAProvince() {
        JsonNode national = Http.get(API + "/statistics?asOf=2017-05", tokenOf("central")).json();
        assertThat(national.get("scope").asString()).isEqualTo("NATIONAL");
        assertThat(national.get("national").get("institutions").asLong()).isGreaterThanOrEqualTo(3);

        JsonNode zhejiang = Http.get(API + "/statistics?asOf=2017-05", tokenOf("zj-officer")).json();
        assertThat(zhejiang.get("scope").asString()).isEqualTo("PROVINCE");
        assertThat(zhejiang.get("national").isNull()).isTrue();
        assertThat(zhejiang.get("provinces").valueStream().map(r -> r.get("province").asString()).distinct().toList())
                .containsExactly("33");
        assertThat(Http.get(API + "/statistics", tokenOf("agency")).status()).isEqualTo(403);
    }

    @Test
    void reg05_importsAreCentralsAlone() {
        String csv = "creditCode,registeredProvince,name\n" + creditCode() + ",33,Import scope " + SERIAL.get() + " Co.\n";
        Http.Response accepted = Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(API + "/imports"))
                .header("Authorization", "Bearer " + tokenOf("central")).header("Content-Type", "text/csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv)).build());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String job = API + "/imports/" + accepted.json().get("id").asString();
        assertThat(Http.get(job, tokenOf("central")).status()).isEqualTo(200);
        assertThat(Http.get(job + "/rows", tokenOf("central")).status()).isEqualTo(200);

        for (String caller : List.of("zj-officer", "zj-head-finance", "gd-officer", "agency", "anonymous")) {
            int expected = caller.equals("anonymous") ? 401 : 403;
            Http.Response upload = Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(API + "/imports"))
                    .headers(tokenOf(caller) == null ? new String[] {"X-Anonymous", "1"}
                            : new String[] {"Authorization", "Bearer " + tokenOf(caller)})
                    .header("Content-Type", "text/csv").POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv)).build());
            assertThat(upload.status()).as("%s uploads", caller).isEqualTo(expected);
            assertThat(Http.get(job, tokenOf(caller)).status()).as("%s reads the job", caller).isEqualTo(expected);
            Http.Response rows = Http.get(job + "/rows", tokenOf(caller));
            assertThat(rows.status()).as("%s reads the rows", caller).isEqualTo(expected);
            assertThat(rows.body()).doesNotContain("Import scope");
        }
    }

    enum Relation { OWN, BUSINESS_PLACE, FOREIGN }

    private static Relation relation(String caller, Fixture fixture) {
        String province = switch (caller) {
            case "zj-officer", "zj-head-finance" -> "33";
            case "gd-officer" -> "44";
            default -> null;
        };
        if (province == null) {
            return null;
        }
        if (province.equals(fixture.registeredProvince())) {
            return Relation.OWN;
        }
        return fixture.business().contains(province) ? Relation.BUSINESS_PLACE : Relation.FOREIGN;
    }

    private static int expected(String caller, Fixture fixture, Endpoint endpoint) {
        switch (caller) {
            case "anonymous":
                return 401;
            case "agency":
                return 403;
            case "central":
                return endpoint.kind == Kind.WRITE ? 403 : endpoint.allowed;
            default:
                return switch (relation(caller, fixture)) {
                    case OWN -> endpoint.allowed;
                    case BUSINESS_PLACE -> endpoint.kind == Kind.READ ? endpoint.allowed : 403;
                    case FOREIGN -> 404;
                };
        }
    }

    private static Http.Response call(Endpoint endpoint, Fixture f, String token) {
        String file = API + "/institutions/" + f.id();
        return switch (endpoint) {
            case GET_BY_ID -> Http.get(file, token);
            case GET_BY_CREDIT_CODE -> Http.get(API + "/institutions/" + f.creditCode(), token);
            case GET_BY_CODE_PATH -> Http.get(API + "/institutions/by-code/" + f.creditCode(), token);
            // a patch that changes nothing: allowed callers get 200 and the file stays at its version
            case PATCH -> Http.patch(file, token, "\"1\"", "{\"name\":\"" + f.name() + "\"}");
            case GROUP -> Http.get(file + "/group", token);
            case HISTORY -> Http.get(file + "/history", token);
            case SNAPSHOT -> Http.get(file + "/history/1", token);
            case DIFF -> Http.get(file + "/history/1/diff", token);
            case VERIFY_STALE -> Http.postJson(file + "/verifications", token, VERIFICATION, "\"0\"");
            case ATTEST_STALE -> Http.postJson(file + "/attestation", token, ATTESTATION, "\"0\"");
            case REPORT_SERIES -> Http.get(file + "/reports", token);
            case REPORT_REVISIONS -> Http.get(file + "/reports/2017-04", token);
            case REPORT_RESUBMIT -> Http.postJson(file + "/reports", token, REPORT);
        };
    }

    private static String tokenOf(String caller) {
        return switch (caller) {
            case "anonymous" -> null;
            case "agency" -> Keycloak.clientToken("agency-telecom");
            default -> Keycloak.userToken(caller);
        };
    }

    private static Fixture register(String user, String province, String branchProvince) {
        String code = creditCode();
        String name = "Scope fixture " + province + "-" + code.substring(10);
        String body = """
                {"creditCode":"%s","registeredProvince":"%s","name":"%s","registeredCapital":"50000000.00",
                 "establishedOn":"2014-03-01","lendingStartedOn":"2014-06-01","source":"BUSINESS_REGISTRATION",
                 "legalRepresentative":{"name":"Legal Rep","idNumber":"330106198001011234"},
                 "branches":[{"name":"Branch","province":"%s","city":"City","address":"Road 1"}]}
                """.formatted(code, province, name, branchProvince);
        Http.Response created = Http.postJson(API + "/institutions", Keycloak.userToken(user), body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        Http.Response report = Http.postJson(API + "/institutions/" + id + "/reports", Keycloak.userToken(user), REPORT);
        assertThat(report.status()).as(report.body()).isEqualTo(201);
        return new Fixture(id, code, name, province, List.of(branchProvince));
    }

    /** A valid GB 32100-2015 code, unique per run. */
    static String creditCode() {
        String charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        String body = "91330100" + String.format("%09d", SERIAL.incrementAndGet() % 1_000_000_000L);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += charset.indexOf(body.charAt(i)) * weights[i];
        }
        int check = 31 - sum % 31;
        return body + charset.charAt(check == 31 ? 0 : check);
    }
}
