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

    enum Endpoint {
        GET_BY_ID(false), GET_BY_CREDIT_CODE(false), GET_BY_CODE_PATH(false), PATCH(true), GROUP(false),
        HISTORY(false), SNAPSHOT(false), DIFF(false), REPORT_SERIES(false);

        final boolean write;

        Endpoint(boolean write) {
            this.write = write;
        }
    }

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
                return endpoint.write ? 403 : 200;
            default:
                return switch (relation(caller, fixture)) {
                    case OWN -> 200;
                    case BUSINESS_PLACE -> endpoint.write ? 403 : 200;
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
            case REPORT_SERIES -> Http.get(file + "/reports", token);
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
        return new Fixture(created.json().get("id").asString(), code, name, province, List.of(branchProvince));
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
