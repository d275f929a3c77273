package cn.p2psupervision.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The acceptance context through the gateway with real Keycloak tokens (issue 8): a registry file taken from an
 * approved classification to {@code FILED} in the registry, with a public complaint found true on the way; and a
 * failed case whose shutdown requests reach the agencies, each of which sees only its own and answers it once.
 */
@ExtendWith(PlatformUnderTest.class)
class AcceptanceSystemIT {

    private static final String REGISTRY = PlatformUnderTest.GATEWAY + "/api/v1/registry/institutions";
    private static final String API = PlatformUnderTest.GATEWAY + "/api/v1/acceptance";
    private static final String PUBLIC = PlatformUnderTest.GATEWAY + "/api/v1/public";

    @Test
    void acc01to12_aFileGoesFromAnApprovedClassificationToFiledWithAComplaintFoundTrueOnTheWay() {
        String officer = Keycloak.userToken("zj-officer");
        AcceptanceSteps.Institution institution = AcceptanceSteps.compliantInstitution("44");
        String one = API + "/cases/" + institution.id();

        // ACC-01, ACC-13: the case opens once the acceptance context knows the file and its approved classification
        Http.Response opened = AcceptanceSteps.openCase(institution.id(), officer);
        assertThat(opened.json().get("state").asString()).isEqualTo("OPEN");
        assertThat(opened.json().get("deadline").asString()).isEqualTo("2018-04-30");
        assertThat(Http.postJson(API + "/cases", officer, AcceptanceSteps.openBody(institution.id())).status())
                .as("one case per institution").isEqualTo(409);

        // ACC-03..05: a joint team; every check recorded by one agency's member and confirmed by another's
        String etag = AcceptanceSteps.teamAndPassedChecks(one, officer, opened.etag());

        // ACC-16: no conclusion before the business-place province has given its opinion
        Http.Response early = Http.postJson(one + "/conclusion", officer, AcceptanceSteps.passed(), etag);
        assertThat(early.status()).as(early.body()).isEqualTo(422);
        assertThat(early.json().get("rule").asString()).isEqualTo("ACC-16");
        Http.Response opinion = Http.postJson(one + "/opinions/44", Keycloak.userToken("gd-officer"),
                "{\"agrees\":true,\"text\":\"广东分支机构已核查，无异议\"}", etag);
        assertThat(opinion.status()).as(opinion.body()).isEqualTo(200);

        // ACC-07, ACC-08: passed → public notice, readable without an account
        Http.Response onNotice = Http.postJson(one + "/conclusion", officer, AcceptanceSteps.passed(), opinion.etag());
        assertThat(onNotice.status()).as(onNotice.body()).isEqualTo(200);
        assertThat(onNotice.json().get("state").asString()).isEqualTo("ON_NOTICE");
        Http.Response notices = Http.get(PUBLIC + "/notices?q=" + institution.creditCode(), null);
        assertThat(notices.status()).as(notices.body()).isEqualTo(200);
        assertThat(notices.json().get("content").get(0).get("creditCode").asString())
                .isEqualTo(institution.creditCode());

        // ACC-09, ACC-10: a complaint from the public, found true, revokes the notice and reopens the case
        Http.Response lodged = Http.postJson(PUBLIC + "/complaints", null, """
                {"creditCode":"%s","text":"<b>平台仍在线下门店推销产品</b>","contact":"13800000000"}"""
                .formatted(institution.creditCode()));
        assertThat(lodged.status()).as(lodged.body()).isEqualTo(201);
        String receipt = lodged.json().get("receiptNumber").asString();
        String secret = lodged.json().get("secret").asString();
        Http.Response complaints = Http.get(one + "/complaints", officer);
        assertThat(complaints.json().get(0).get("text").asString()).isEqualTo("<b>平台仍在线下门店推销产品</b>");
        assertThat(complaints.json().get(0).get("contact").asString()).isEqualTo("13800000000");
        Http.Response resolved = Http.postJson(one + "/complaints/" + receipt + "/resolution", officer,
                "{\"foundTrue\":true,\"reply\":\"经核查属实，公示撤销，重新验收\"}", Http.get(one, officer).etag());
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        Http.Response reopened = Http.get(one, officer);
        assertThat(reopened.json().get("state").asString()).isEqualTo("OPEN");
        assertThat(complaintStatus(receipt, secret).json().get("state").asString()).isEqualTo("FOUND_TRUE");
        assertThat(complaintStatus(receipt, "wrong-secret").status()).isEqualTo(404);

        // notice again; after 14 full days on the campaign clock both heads sign and the officer files (ACC-11, 12)
        Http.Response again = Http.postJson(one + "/conclusion", officer, AcceptanceSteps.passed(), reopened.etag());
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(Http.postJson(one + "/certificate/signatures", Keycloak.userToken("zj-head-finance"), "{}",
                again.etag()).json().get("rule").asString()).as("not before the notice has run its term")
                .startsWith("ACC-");
        AcceptanceSteps.restartFifteenDaysAhead();
        try {
            Http.Response current = Http.get(one, officer);
            Http.Response byOfficer = Http.postJson(one + "/certificate/signatures", officer, "{}", current.etag());
            assertThat(byOfficer.status()).as("an officer cannot sign: " + byOfficer.body()).isEqualTo(403);
            Http.Response first = Http.postJson(one + "/certificate/signatures", Keycloak.userToken("zj-head-finance"),
                    "{}", current.etag());
            assertThat(first.status()).as(first.body()).isEqualTo(200);
            assertThat(first.json().get("state").asString()).as("one signature does nothing").isEqualTo("ON_NOTICE");
            Http.Response second = Http.postJson(one + "/certificate/signatures",
                    Keycloak.userToken("zj-head-regulator"), "{}", first.etag());
            assertThat(second.status()).as(second.body()).isEqualTo(200);
            assertThat(second.json().get("state").asString()).isEqualTo("CERTIFIED");
            String code = second.json().get("certificate").get("verificationCode").asString();
            Http.Response pdf = Http.get(one + "/certificate.pdf", officer);
            assertThat(pdf.status()).isEqualTo(200);
            assertThat(pdf.body()).startsWith("%PDF");
            Http.Response verified = Http.get(PUBLIC + "/certificates/" + code, null);
            assertThat(verified.status()).as(verified.body()).isEqualTo(200);
            assertThat(verified.json().get("creditCode").asString()).isEqualTo(institution.creditCode());

            Http.Response filed = Http.postJson(one + "/filing", officer, "{}", second.etag());
            assertThat(filed.status()).as(filed.body()).isEqualTo(200);
            assertThat(filed.json().get("state").asString()).isEqualTo("FILED");
            // REG-08: the registry shows FILED once the outbox has delivered
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(Http.get(REGISTRY + "/" + institution.id(), officer).json().get("status").asString())
                            .isEqualTo("FILED"));
            Http.Response publicFiled = Http.get(PUBLIC + "/filed?q=" + institution.creditCode(), null);
            assertThat(publicFiled.json().get("content").get(0).get("creditCode").asString())
                    .isEqualTo(institution.creditCode());
        } finally {
            AcceptanceSteps.restartOnTodaysDate();
        }
    }

    @Test
    void acc14_aFailedCaseStillOperatingIsSentToTheAgenciesEachOfWhichSeesAndAnswersOnlyItsOwn() {
        String officer = Keycloak.userToken("zj-officer");
        AcceptanceSteps.Institution institution = AcceptanceSteps.compliantInstitution(null);
        String one = API + "/cases/" + institution.id();
        Http.Response opened = AcceptanceSteps.openCase(institution.id(), officer);

        Http.Response failed = Http.postJson(one + "/conclusion", officer, """
                {"outcome":"GUIDED_EXIT","reason":"整改不到位，引导其有序退出","stillOperating":true}""", opened.etag());
        assertThat(failed.status()).as(failed.body()).isEqualTo(200);
        assertThat(failed.json().get("state").asString()).isEqualTo("GUIDED_EXIT");

        Map<String, List<String>> expected = Map.of("agency-telecom", List.of("BLOCK_WEBSITE", "CANCEL_LICENCE"),
                "agency-central-bank", List.of("STOP_BANK_SERVICES"),
                "agency-market-regulation", List.of("BUSINESS_REGISTRATION"), "agency-public-security", List.of());
        for (Map.Entry<String, List<String>> agency : expected.entrySet()) {
            String token = Keycloak.clientToken(agency.getKey());
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(kindsFor(token, institution.id())).as(agency.getKey())
                            .containsExactlyInAnyOrderElementsOf(agency.getValue()));
        }

        String telecom = Keycloak.clientToken("agency-telecom");
        String requestId = requestsFor(telecom, institution.id()).get(0).get("id").asString();
        String key = UUID.randomUUID().toString();
        Http.Response answered = answer(telecom, requestId, key);
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(answer(telecom, requestId, key).json().get("answers").size()).as("once per Idempotency-Key")
                .isEqualTo(1);
        assertThat(Http.get(API + "/agency-requests/" + requestId, Keycloak.clientToken("agency-central-bank"))
                .status()).as("another agency's request").isEqualTo(404);
        JsonNode followed = Http.get(API + "/institutions/" + institution.id() + "/agency-requests", officer).json();
        assertThat(followed.valueStream().filter(r -> r.get("id").asString().equals(requestId))
                .map(r -> r.get("state").asString())).containsExactly("ANSWERED");
    }

    // -----------------------------------------------------------------------------------------------------------------

    private static Http.Response complaintStatus(String receipt, String secret) {
        return Http.send(HttpRequest.newBuilder(URI.create(PUBLIC + "/complaints/" + receipt))
                .timeout(Duration.ofSeconds(20)).header("Complaint-Secret", secret).GET().build());
    }

    private static Http.Response answer(String token, String requestId, String key) {
        return Http.send(HttpRequest.newBuilder(URI.create(API + "/agency-requests/" + requestId + "/answers"))
                .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"已关闭网站并注销许可\",\"reference\":\"浙通信〔2018〕12号\"}"))
                .build());
    }

    private static List<JsonNode> requestsFor(String token, String institutionId) {
        Http.Response list = Http.get(API + "/agency-requests", token);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json().valueStream().filter(r -> r.get("institutionId").asString().equals(institutionId)).toList();
    }

    private static List<String> kindsFor(String token, String institutionId) {
        return requestsFor(token, institutionId).stream().map(r -> r.get("kind").asString()).toList();
    }

    /**
     * Restarts the acceptance service and the registry on another campaign date (their data stays): the registry
     * refuses a status decided after its own today (REG-08), so both must read the same clock, as in production.
     */}
