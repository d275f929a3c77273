package cn.p2psupervision.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Steps of the acceptance workflow through the gateway with real tokens, shared by the system tests that need a case
 * in a given state: a Zhejiang file with an approved COMPLIANT classification, its case opened, the joint team and
 * every check passed, the notice.
 */
final class AcceptanceSteps {

    static final String REGISTRY = PlatformUnderTest.GATEWAY + "/api/v1/registry/institutions";
    static final String CLASSIFICATION = PlatformUnderTest.GATEWAY + "/api/v1/classification";
    static final String API = PlatformUnderTest.GATEWAY + "/api/v1/acceptance";
    static final List<String> CHECKS = List.of("LEDGER_SYSTEM", "FUND_FLOWS", "PROJECT_AUTHENTICITY",
            "LOAN_CONTRACTS", "OFFLINE_MARKETING", "PRODUCT_COMPLIANCE", "DEBT_TRANSFER", "RISK_RESERVE",
            "BORROWING_COST", "OFFLINE_STORES", "DISCLOSURE", "NETWORK_SECURITY", "CUSTODY_BANK",
            "EXCHANGE_COOPERATION_ENDED", "CORE_BUSINESS_NOT_OUTSOURCED", "LEGAL_ENTITY_AND_BRANCHES");

    private AcceptanceSteps() {
    }

    record Institution(String id, String creditCode) {
    }

    /** A Zhejiang file (with a branch in {@code branchProvince}, or none) whose COMPLIANT classification is approved. */
    static Institution compliantInstitution(String branchProvince) {
        String code = RegistryScopeSystemIT.creditCode();
        String branches = branchProvince == null ? "[]" : """
                [{"name":"分支机构","province":"%s","city":"City","address":"Road 1"}]""".formatted(branchProvince);
        String body = """
                {"creditCode":"%s","registeredProvince":"33","name":"验收测试平台 %s","registeredCapital":"50000000.00",
                 "establishedOn":"2014-03-01","lendingStartedOn":"2014-06-01","source":"BUSINESS_REGISTRATION",
                 "custodyBank":"浙商银行","legalRepresentative":{"name":"张三","idNumber":"330106198001011234"},
                 "branches":%s}""".formatted(code, code.substring(10), branches);
        String officer = Keycloak.userToken("zj-officer");
        Http.Response created = Http.postJson(REGISTRY, officer, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        String decision = CLASSIFICATION + "/institutions/" + id + "/decision";
        Http.Response recorded = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> Http.postJson(decision, officer,
                        "{\"category\":\"COMPLIANT\",\"reason\":\"排查未发现问题，运营数据正常\"}"), r -> r.status() != 404);
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        Http.Response approved = Http.postJson(decision + "/approval", Keycloak.userToken("zj-head-finance"), "{}",
                recorded.etag());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return new Institution(id, code);
    }

    /** Opens the case as soon as the acceptance context's projection knows the file (a 404 until then). */
    static Http.Response openCase(String institutionId, String officer) {
        Http.Response opened = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> Http.postJson(API + "/cases", officer, openBody(institutionId)), r -> r.status() != 404);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened;
    }

    static String openBody(String institutionId) {
        return "{\"institutionId\":\"" + institutionId + "\",\"complexity\":\"MAIN\"}";
    }

    /**
     * ACC-03..05: a joint team of a financial office's and a banking regulator's member, and every check recorded
     * PASSED by the one and confirmed by the other.
     *
     * @param one  the case's address
     * @param etag the case's ETag before
     * @return the case's ETag after
     */
    static String teamAndPassedChecks(String one, String officer, String etag) {
        Http.Response team = Http.postJson(one + "/team", officer,
                "{\"name\":\"王五\",\"agency\":\"FINANCIAL_OFFICE\",\"organisation\":\"地方金融监督管理局\"}", etag);
        assertThat(team.status()).as(team.body()).isEqualTo(201);
        team = Http.postJson(one + "/team", officer,
                "{\"name\":\"赵六\",\"agency\":\"BANKING_REGULATOR\",\"organisation\":\"银保监局\"}", team.etag());
        assertThat(team.status()).as(team.body()).isEqualTo(201);
        String recorder = team.json().get("team").get(0).get("id").asString();
        String confirmer = team.json().get("team").get(1).get("id").asString();
        return passedChecks(one, officer, team.etag(), recorder, confirmer, CHECKS);
    }

    /**
     * ACC-04, ACC-05, ACC-02e..h: {@code codes} recorded PASSED by member {@code recorder} and confirmed by member
     * {@code confirmer} of another agency.
     *
     * @return the case's ETag after
     */
    static String passedChecks(String one, String officer, String etag, String recorder, String confirmer,
                               List<String> codes) {
        String current = etag;
        for (String code : codes) {
            String custody = code.equals("CUSTODY_BANK") ? ",\"custodyBank\":\"浙商银行\"" : "";
            Http.Response recorded = put(one + "/checks/" + code, officer, current, """
                    {"result":"PASSED","evidence":"现场检查记录","documents":["检查底稿-%s"],"recordedBy":"%s"%s}"""
                    .formatted(code, recorder, custody));
            assertThat(recorded.status()).as(code + ": " + recorded.body()).isEqualTo(200);
            Http.Response confirmed = Http.postJson(one + "/checks/" + code + "/confirmation", officer,
                    "{\"confirmedBy\":\"" + confirmer + "\"}", recorded.etag());
            assertThat(confirmed.status()).as(code + ": " + confirmed.body()).isEqualTo(200);
            current = confirmed.etag();
        }
        return current;
    }

    /** ACC-07, ACC-08: a Zhejiang file without business places, its case passed and under public notice. */
    static Institution onNotice() {
        String officer = Keycloak.userToken("zj-officer");
        Institution institution = compliantInstitution(null);
        String one = API + "/cases/" + institution.id();
        String etag = teamAndPassedChecks(one, officer, openCase(institution.id(), officer).etag());
        Http.Response notice = Http.postJson(one + "/conclusion", officer, passed(), etag);
        assertThat(notice.status()).as(notice.body()).isEqualTo(200);
        assertThat(notice.json().get("state").asString()).isEqualTo("ON_NOTICE");
        return institution;
    }

    static String passed() {
        return "{\"outcome\":\"PASSED\",\"reason\":\"各项检查均合格，同意通过验收\"}";
    }

    static Http.Response put(String url, String token, String ifMatch, String json) {
        return Http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token).header("If-Match", ifMatch)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /**
     * The registry and acceptance services again, their campaign clock 15 days ahead: a notice posted now has run its
     * 14 full days (ACC-09), so the certificate can be signed. {@link #restartOnTodaysDate()} undoes it.
     */
    static void restartFifteenDaysAhead() {
        restartOnCampaignDate(Map.of("PLATFORM_CLOCK_START",
                OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(15).withNano(0).toString()));
    }

    static void restartOnTodaysDate() {
        restartOnCampaignDate(Map.of());
    }

    private static void restartOnCampaignDate(Map<String, String> environment) {
        PlatformUnderTest.platform("stop", "acceptance");
        PlatformUnderTest.platform("stop", "registry");
        PlatformUnderTest.platform(environment, "start", "registry");
        PlatformUnderTest.platform(environment, "start", "acceptance");
    }
}
