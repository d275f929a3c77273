package cn.p2psupervision.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The incident context through the gateway with real Keycloak tokens (issue 9): signals from an officer and from an
 * agency, an especially major event whose plan a head starts; the campaign clock moved past its 2 h notification
 * deadline, so that the central board shows it overdue at once and the deadline scan records the breach; the late
 * notification and the written report, measures, a referral answered by public security, the registry's status
 * changed through the outbox as one version, and the timeline exported as a PDF. And the business-place province
 * (INC-09), the scope (AUTH-02) and the record of reads (AUTH-07).
 */
@ExtendWith(PlatformUnderTest.class)
class IncidentSystemIT {

    private static final String REGISTRY = PlatformUnderTest.GATEWAY + "/api/v1/registry/institutions";
    private static final String API = PlatformUnderTest.GATEWAY + "/api/v1/incidents";
    private static final String EVENTS = API + "/events";
    private static final String ALL_OFFICES = "[\"P2P_RECTIFICATION_OFFICE\",\"INTERNET_FINANCE_RECTIFICATION_OFFICE\","
            + "\"ILLEGAL_FUNDRAISING_OFFICE\"]";

    @Test
    void inc01to08_inc12_reg08_anEspeciallyMajorEventFromSignalsToABreachOnTheBoardAReferralAnsweredLostContactAndAPdf() {
        String officer = Keycloak.userToken("zj-officer");
        String institution = institution(officer, "33", null, true);

        // INC-01: the officer's signal, as soon as the incident context's projection knows the institution (404 until
        // then); public security's signal through the agencies' own door, which only it reads back
        Http.Response seen = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> Http.postJson(API + "/signals", officer, signal("OVERDUE_OR_RUN", institution,
                        "出借人反映平台自本周起限制提现")), r -> r.status() != 404);
        assertThat(seen.status()).as(seen.body()).isEqualTo(201);
        String officerSignal = seen.json().get("id").asString();
        String publicSecurity = Keycloak.clientToken("agency-public-security");
        Http.Response posted = Http.postJson(API + "/agency-signals", publicSecurity, signal("EXECUTIVE_TROUBLE",
                institution, "平台实际控制人已购买出境机票，疑似准备外逃"));
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        assertThat(posted.json().get("agency").asString()).isEqualTo("PUBLIC_SECURITY");
        String agencySignal = posted.json().get("id").asString();
        assertThat(ids(Http.get(API + "/agency-signals", publicSecurity).json().get("content")))
                .contains(agencySignal);
        assertThat(ids(Http.get(API + "/agency-signals", Keycloak.clientToken("agency-telecom")).json()
                .get("content"))).doesNotContain(agencySignal);
        assertThat(Http.get(API + "/signals/" + agencySignal, officer).json().get("agency").asString())
                .as("the officer reads the agency's signal about an institution of its own").isEqualTo("PUBLIC_SECURITY");

        // INC-02: the event, with both signals linked
        Http.Response recorded = Http.postJson(EVENTS, officer, """
                {"institutionId":"%s","type":"OVERDUE_PAYMENT","title":"平台逾期兑付，出借人在公司聚集",
                 "description":"自本周起暂停提现，数百名出借人在杭州总部聚集","lendersAffected":12000,
                 "signalIds":["%s","%s"]}""".formatted(institution, officerSignal, agencySignal));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.etag()).isEqualTo("\"1\"");
        String id = recorded.json().get("id").asString();
        String one = EVENTS + "/" + id;
        assertThat(recorded.json().get("signalIds").valueStream().map(JsonNode::asString).toList())
                .containsExactly(officerSignal, agencySignal);
        assertThat(Http.get(API + "/signals/" + officerSignal, officer).json().get("eventId").asString())
                .isEqualTo(id);

        // INC-03: the level, beside the platform's proposal from the registry's figures (read through Feign)
        Http.Response levelled = put(one + "/level", officer, recorded.etag(),
                "{\"level\":\"ESPECIALLY_MAJOR\",\"reason\":\"涉及出借人逾万人，实际控制人疑似外逃\"}");
        assertThat(levelled.status()).as(levelled.body()).isEqualTo(200);
        JsonNode event = levelled.json();
        assertThat(event.get("level").asString()).isEqualTo("ESPECIALLY_MAJOR");
        assertThat(event.at("/levelProposal/figures/period").asString()).as("the registry's latest month")
                .isEqualTo("2017-04");
        assertThat(event.at("/levelProposal/figures/lendersAffected").asLong()).isEqualTo(12000);
        assertThat(event.get("watcherMissing").asBoolean()).isTrue();
        assertThat(event.at("/deadlines/0/kind").asString()).isEqualTo("NOTIFICATION");
        assertThat(Instant.parse(event.at("/deadlines/0/dueAt").asString()))
                .isEqualTo(Instant.parse(event.get("recordedAt").asString()).plus(Duration.ofHours(2)));
        assertThat(event.get("overdue").asBoolean()).isFalse();

        // INC-04, INC-05: the watcher, then the plan, which only a head of the province starts (AUTH-04)
        Http.Response watched = put(one + "/watcher", officer, levelled.etag(),
                "{\"name\":\"李四\",\"position\":\"省金融办风险处副处长\",\"contact\":\"0571-87000000\"}");
        assertThat(watched.status()).as(watched.body()).isEqualTo(200);
        assertThat(watched.json().get("watcherMissing").asBoolean()).isFalse();
        String start = "{\"reason\":\"出借人聚集，启动省级应急预案\"}";
        Http.Response byOfficer = Http.postJson(one + "/plan/start", officer, start, watched.etag());
        assertThat(byOfficer.status()).as(byOfficer.body()).isEqualTo(403);
        Http.Response started = Http.postJson(one + "/plan/start", Keycloak.userToken("zj-head-finance"), start,
                watched.etag());
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(started.json().at("/plan/startedBy/username").asString()).isEqualTo("zj-head-finance");

        // INC-06: 2 h 5 min later on the campaign clock, with nobody notified
        restartOnIncidentClock(Map.of("PLATFORM_CLOCK_START",
                OffsetDateTime.now(ZoneOffset.ofHours(8)).plusHours(2).plusMinutes(5).withNano(0).toString()));
        try {
            String central = Keycloak.userToken("central");
            Http.Response board = Http.get(API + "/board", central);
            assertThat(board.status()).as(board.body()).isEqualTo(200);
            assertThat(board.json().get("overdue").valueStream().filter(o -> o.get("eventId").asString().equals(id))
                    .map(o -> o.get("kind").asString()).toList()).as("overdue at once, before any scan")
                    .containsExactly("NOTIFICATION");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(Http.get(API + "/breaches", central).json().valueStream()
                            .filter(b -> b.get("eventId").asString().equals(id)).map(b -> b.get("kind").asString())
                            .toList()).containsExactly("NOTIFICATION"));
            assertThat(kinds(Http.get(one + "/timeline", central).json())).contains("DEADLINE_BREACHED");

            // the late notification of the three central offices, then the written report within its 4 h
            String lead = Keycloak.userToken("zj-officer");
            Http.Response current = Http.get(one, lead);
            assertThat(current.json().get("overdue").asBoolean()).isTrue();
            Http.Response notified = Http.postJson(one + "/notification", lead,
                    "{\"recipients\":" + ALL_OFFICES + ",\"reference\":\"浙金融办急报〔2018〕1号\"}", current.etag());
            assertThat(notified.status()).as(notified.body()).isEqualTo(200);
            assertThat(notified.json().at("/deadlines/0/late").asBoolean()).isTrue();
            assertThat(notified.json().get("breaches")).hasSize(1);
            Http.Response reported = Http.postJson(one + "/reports", lead,
                    "{\"kind\":\"WRITTEN\",\"text\":\"事件经过、涉及出借人及资金规模、已采取的措施和下一步安排\"}",
                    notified.etag());
            assertThat(reported.status()).as(reported.body()).isEqualTo(201);
            assertThat(reported.json().at("/deadlines/1/kind").asString()).isEqualTo("WRITTEN_REPORT");
            assertThat(reported.json().at("/deadlines/1/late").asBoolean()).isFalse();
            assertThat(reported.json().get("overdue").asBoolean()).isFalse();

            // INC-07, INC-08: measures; the referral reaches public security's door through the outbox (AUTH-05)
            Http.Response controlled = Http.postJson(one + "/measures", lead,
                    "{\"kind\":\"CONTROL_ACCOUNTS\",\"description\":\"冻结平台及实际控制人名下账户\"}", reported.etag());
            assertThat(controlled.status()).as(controlled.body()).isEqualTo(201);
            Http.Response referred = Http.postJson(one + "/measures", lead,
                    "{\"kind\":\"REFERRAL_TO_PUBLIC_SECURITY\",\"description\":\"涉嫌非法吸收公众存款，移送公安并追赃挽损\"}",
                    controlled.etag());
            assertThat(referred.status()).as(referred.body()).isEqualTo(201);
            String requestId = referred.json().at("/measures/1/agencyRequestIds/0").asString();
            assertThat(requestId).startsWith("INC-REFERRAL-");
            String police = Keycloak.clientToken("agency-public-security");
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(ids(Http.get(API + "/agency-requests", police).json())).contains(requestId));
            String telecom = Keycloak.clientToken("agency-telecom");
            assertThat(Http.get(API + "/agency-requests/" + requestId, telecom).status())
                    .as("another agency's request").isEqualTo(404);
            assertThat(ids(Http.get(API + "/agency-requests", telecom).json())).doesNotContain(requestId);
            String key = UUID.randomUUID().toString();
            Http.Response answered = answer(police, requestId, key);
            assertThat(answered.status()).as(answered.body()).isEqualTo(200);
            assertThat(answer(police, requestId, key).json().get("answers")).as("once per Idempotency-Key").hasSize(1);
            JsonNode followed = Http.get(API + "/institutions/" + institution + "/agency-requests", lead).json()
                    .valueStream().filter(r -> r.get("id").asString().equals(requestId)).findFirst().orElseThrow();
            assertThat(followed.get("state").asString()).isEqualTo("ANSWERED");
            assertThat(followed.at("/answers/0/text").asString()).isEqualTo("已立案侦查");

            // REG-08: lost contact, in the registry through the outbox, as exactly one new version
            long before = Http.get(REGISTRY + "/" + institution, lead).json().get("version").asLong();
            Http.Response lost = Http.postJson(one + "/institution-status", lead,
                    "{\"status\":\"LOST_CONTACT\",\"reason\":\"实际控制人及高管失联，办公场所人去楼空\"}", referred.etag());
            assertThat(lost.status()).as(lost.body()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(Http.get(REGISTRY + "/" + institution, lead).json().get("status").asString())
                            .isEqualTo("LOST_CONTACT"));
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(delivery(Http.get(one, lead).json(), "registry-status").get("state").asString())
                            .isEqualTo("DELIVERED"));
            JsonNode history = Http.get(REGISTRY + "/" + institution + "/history", lead).json();
            assertThat(history.valueStream().filter(v -> v.get("action").asString().equals("STATUS")).count())
                    .isEqualTo(1);
            assertThat(Http.get(REGISTRY + "/" + institution, lead).json().get("version").asLong())
                    .isEqualTo(before + 1);

            // INC-12: the whole story on the timeline, and as a PDF report a head signs off
            assertThat(kinds(Http.get(one + "/timeline", central).json())).contains("RECORDED", "SIGNAL",
                    "SIGNAL_LINKED", "LEVEL_SET", "WATCHER_NAMED", "PLAN_STARTED", "DEADLINE_BREACHED", "NOTIFIED",
                    "WRITTEN_REPORT", "MEASURE_TAKEN", "INSTITUTION_STATUS", "READ");
            Http.Response pdf = Http.get(one + "/timeline.pdf", Keycloak.userToken("zj-head-finance"));
            assertThat(pdf.status()).as(pdf.body()).isEqualTo(200);
            assertThat(pdf.contentType()).isEqualTo("application/pdf");
            assertThat(pdf.body()).startsWith("%PDF");
        } finally {
            restartOnIncidentClock(Map.of());
        }
    }

    @Test
    void auth02_auth07_inc09_theBusinessPlaceReadsAndSupports_aForeignEventIsNotFound_andCentralSeesWhoRead() {
        String zj = Keycloak.userToken("zj-officer");
        String gd = Keycloak.userToken("gd-officer");
        String zhejiang = institution(zj, "33", "44", false);
        String guangdongOnly = institution(gd, "44", null, false);

        Http.Response recorded = recordEvent(zj, zhejiang);
        String one = EVENTS + "/" + recorded.json().get("id").asString();
        Http.Response read = Http.get(one, gd);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        Http.Response supported = Http.postJson(one + "/support-notes", gd,
                "{\"text\":\"广州分支机构已派员驻守，维稳力量到位\"}", read.etag());
        assertThat(supported.status()).as(supported.body()).isEqualTo(201);
        assertThat(supported.json().at("/supportNotes/0/province").asString()).isEqualTo("44");
        Http.Response levelByGd = put(one + "/level", gd, supported.etag(), "{\"level\":\"MAJOR\",\"reason\":\"协助定级\"}");
        assertThat(levelByGd.status()).as(levelByGd.body()).isEqualTo(403);

        String foreign = EVENTS + "/" + recordEvent(gd, guangdongOnly).json().get("id").asString();
        Http.Response hidden = Http.get(foreign, zj);
        assertThat(hidden.status()).as(hidden.body()).isEqualTo(404);
        assertThat(hidden.isProblem()).isTrue();
        assertThat(Http.get(foreign + "/timeline", zj).status()).isEqualTo(404);

        Http.Response audit = Http.get(API + "/read-audit?eventId=" + recorded.json().get("id").asString(),
                Keycloak.userToken("central"));
        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        assertThat(audit.json().get("content").valueStream().map(r -> r.get("username").asString() + ":"
                + r.get("action").asString() + ":" + r.get("province").asString()).toList())
                .contains("gd-officer:READ_EVENT:44");
        assertThat(Http.get(API + "/read-audit", zj).status()).as("the central office's record").isEqualTo(403);
    }

    // -----------------------------------------------------------------------------------------------------------------

    /**
     * An institution registered by {@code token}'s user in {@code province}, with a branch in {@code branchProvince}
     * or none, and with {@code reports} two months of operating figures (the latest 2017-04).
     */
    private static String institution(String token, String province, String branchProvince, boolean reports) {
        String code = RegistryScopeSystemIT.creditCode();
        String branches = branchProvince == null ? "[]" : """
                [{"name":"分支机构","province":"%s","city":"City","address":"Road 1"}]""".formatted(branchProvince);
        Http.Response created = Http.postJson(REGISTRY, token, """
                {"creditCode":"%s","registeredProvince":"%s","name":"风险事件测试平台 %s","registeredCapital":"50000000.00",
                 "establishedOn":"2014-03-01","lendingStartedOn":"2014-06-01","source":"BUSINESS_REGISTRATION",
                 "custodyBank":"浙商银行","legalRepresentative":{"name":"张三","idNumber":"330106198001011234"},
                 "branches":%s}""".formatted(code, province, code.substring(10), branches));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        if (reports) {
            for (String[] month : new String[][] {{"2017-03", "150000000.00", "9000"},
                    {"2017-04", "190000000.00", "11000"}}) {
                Http.Response posted = Http.postJson(REGISTRY + "/" + id + "/reports", token, """
                        {"period":"%s","loanBalance":"%s","lenders":%s,"borrowers":300,"newLending":"3000000.00",
                         "products":[{"name":"月月盈","termMonths":12,"compositeYield":"9.80"}]}""".formatted(month[0],
                        month[1], month[2]));
                assertThat(posted.status()).as(posted.body()).isEqualTo(201);
            }
        }
        return id;
    }

    /** Records an event as soon as the incident context's projection knows the institution (a 404 until then). */
    private static Http.Response recordEvent(String token, String institutionId) {
        Http.Response recorded = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> Http.postJson(EVENTS, token, """
                        {"institutionId":"%s","type":"LENDER_PETITION","title":"出借人到经营地聚集维权",
                         "description":"约两百名出借人在分支机构门前聚集"}""".formatted(institutionId)),
                        r -> r.status() != 404);
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        return recorded;
    }

    private static String signal(String type, String institutionId, String description) {
        return """
                {"type":"%s","institutionIds":["%s"],"source":"现场走访","observedAt":"%s","description":"%s"}"""
                .formatted(type, institutionId,
                        OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(30).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), description);
    }

    private static Http.Response put(String url, String token, String ifMatch, String json) {
        return Http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token).header("If-Match", ifMatch)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static Http.Response answer(String token, String requestId, String key) {
        return Http.send(HttpRequest.newBuilder(URI.create(API + "/agency-requests/" + requestId + "/answers"))
                .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"text\":\"已立案侦查\",\"reference\":\"杭公经立字〔2018〕001号\"}"))
                .build());
    }

    private static List<String> ids(JsonNode list) {
        return list.valueStream().map(r -> r.get("id").asString()).toList();
    }

    private static List<String> kinds(JsonNode timeline) {
        return timeline.get("entries").valueStream().map(e -> e.get("kind").asString()).toList();
    }

    private static JsonNode delivery(JsonNode event, String kind) {
        return event.get("deliveries").valueStream().filter(d -> d.get("kind").asString().equals(kind))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " delivery in " + event));
    }

    /**
     * Restarts the incident service and the registry on another campaign clock (their data stays): the registry
     * refuses a status decided after its own today (REG-08), so both must read the same clock, as in production.
     */
    private static void restartOnIncidentClock(Map<String, String> environment) {
        PlatformUnderTest.platform("stop", "incident");
        PlatformUnderTest.platform("stop", "registry");
        PlatformUnderTest.platform(environment, "start", "registry");
        PlatformUnderTest.platform(environment, "start", "incident");
    }
}
