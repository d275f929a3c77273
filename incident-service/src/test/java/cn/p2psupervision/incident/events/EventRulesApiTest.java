package cn.p2psupervision.incident.events;

import static cn.p2psupervision.incident.IncidentApiSupport.etag;
import static cn.p2psupervision.incident.IncidentApiSupport.json;
import static cn.p2psupervision.incident.IncidentApiSupport.month;
import static cn.p2psupervision.incident.IncidentApiSupport.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.p2psupervision.incident.IncidentApiSupport;
import cn.p2psupervision.incident.IncidentApiTest;
import cn.p2psupervision.incident.deadlines.DeadlineScan;
import cn.p2psupervision.platform.outbox.OutboxRelay;
import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.registryfeed.InstitutionReferences;
import cn.p2psupervision.platform.registryfeed.RegistryReports;
import cn.p2psupervision.platform.test.MutableClock;
import cn.p2psupervision.platform.test.TestCaller;

/**
 * The rules of risk events through the API, one test per rule and per refusal (INC-02..09, INC-12, AUTH-02/04/07,
 * REG-08, and the problems 400, 403, 404, 409, 412, 422, 428, 503). The registry's reports come from a mock; the clock
 * is moved by the tests, which never sleep; the deadline scan and the outbox relay are called by the tests.
 */
@IncidentApiTest
class EventRulesApiTest {

    static final String EVENTS = "/api/v1/incidents/events";
    static final String ALL_OFFICES = "[\"P2P_RECTIFICATION_OFFICE\",\"INTERNET_FINANCE_RECTIFICATION_OFFICE\","
            + "\"ILLEGAL_FUNDRAISING_OFFICE\"]";

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    InstitutionReferences references;
    @Autowired
    MutableClock clock;
    @Autowired
    DeadlineScan scan;
    @Autowired
    OutboxRelay relay;
    @MockitoBean
    RegistryReports reports;

    IncidentApiSupport api;
    String zhejiang;
    String guangdongOnly;

    @BeforeEach
    void aZhejiangInstitutionDoingBusinessInGuangdong() {
        clock.setDay(MutableClock.START);
        api = new IncidentApiSupport(mvc, json);
        zhejiang = IncidentApiSupport.newInstitutionId();
        guangdongOnly = IncidentApiSupport.newInstitutionId();
        references.apply(List.of(IncidentApiSupport.institution(zhejiang, "33", "44"),
                IncidentApiSupport.institution(guangdongOnly, "44")));
        when(reports.series(anyString())).thenReturn(List.of(month("2018-01", "600000000.00", 20_000),
                month("2018-02", "620000000.00", 21_000)));
    }

    // ---- INC-02 --------------------------------------------------------------------------------------------------

    @Test
    void inc02_anOfficerOfTheRegistrationProvinceRecordsAnEventAndTheClockStarts() throws Exception {
        JsonNode event = record(TestCaller.ZJ_OFFICER, zhejiang, 201);

        assertThat(event.get("id").asString()).matches("EV-20180301-[2-9A-Z]{8}");
        assertThat(event.get("status").asString()).isEqualTo("OPEN");
        assertThat(event.get("typeChinese").asString()).isEqualTo("逾期兑付");
        assertThat(event.get("registeredProvince").asString()).isEqualTo("33");
        assertThat(event.get("recordedAt").asString()).isEqualTo("2018-03-01T01:00:00Z");
        assertThat(event.get("version").asLong()).isEqualTo(1);
        assertThat(event.get("deadlines")).isEmpty();
    }

    @Test
    void inc02_theBusinessPlaceAndCentralDoNotRecord_andAnInstitutionOutsideScopeIsNotFound() throws Exception {
        assertThat(record(TestCaller.GD_OFFICER, zhejiang, 403).get("detail").asString()).contains("AUTH-02");
        assertThat(record(TestCaller.CENTRAL, zhejiang, 403).get("detail").asString()).contains("AUTH-03");
        record(TestCaller.ZJ_OFFICER, guangdongOnly, 404);
        record(TestCaller.ZJ_OFFICER, "no-such-institution", 404);
    }

    @Test
    void inc02_badInputIsRefusedWithTheMemberNamed() throws Exception {
        JsonNode noTitle = api.send(json(post(EVENTS), TestCaller.ZJ_OFFICER).content("{\"institutionId\":\""
                + zhejiang + "\",\"type\":\"OVERDUE_PAYMENT\"}"), 400);
        assertThat(noTitle.toString()).contains("title");
        JsonNode badType = api.send(json(post(EVENTS), TestCaller.ZJ_OFFICER).content("{\"institutionId\":\""
                + zhejiang + "\",\"type\":\"EARTHQUAKE\",\"title\":\"x\"}"), 400);
        assertThat(badType.toString()).contains("type");
        JsonNode self = api.send(json(post(EVENTS), TestCaller.ZJ_OFFICER).content("{\"institutionId\":\"" + zhejiang
                + "\",\"type\":\"OTHER\",\"title\":\"x\",\"relatedInstitutionIds\":[\"" + zhejiang + "\"]}"), 400);
        assertThat(self.toString()).contains("relatedInstitutionIds");
        api.send(json(post(EVENTS), TestCaller.ZJ_OFFICER).content("{\"institutionId\":"), 400);
    }

    // ---- INC-03 --------------------------------------------------------------------------------------------------

    @Test
    void inc03_thePlatformProposesALevelFromTheFigures_andTheOfficerSetsItWithAReason() throws Exception {
        JsonNode event = record(TestCaller.ZJ_OFFICER, zhejiang, 201);
        String one = EVENTS + "/" + event.get("id").asString();

        JsonNode proposal = api.send(get(one + "/level-proposal"), TestCaller.ZJ_OFFICER, 200);
        assertThat(proposal.get("level").asString()).isEqualTo("MAJOR");
        List<String> criteria = new ArrayList<>();
        proposal.get("reasons").forEach(r -> criteria.add(r.get("criterion").asString()));
        assertThat(criteria).containsExactly("LOAN_BALANCE", "LENDERS_AFFECTED", "PROVINCES_INVOLVED");
        assertThat(proposal.at("/figures/lendersAffected").asLong()).isEqualTo(21_000);
        assertThat(proposal.at("/figures/period").asString()).isEqualTo("2018-02");
        assertThat(api.send(get(one + "/level-proposal"), TestCaller.ZJ_OFFICER, 200)).isEqualTo(proposal);

        JsonNode noReason = api.send(json(put(one + "/level"), TestCaller.ZJ_OFFICER).header("If-Match", etag(event))
                .content("{\"level\":\"ESPECIALLY_MAJOR\"}"), 400);
        assertThat(noReason.toString()).contains("reason");
        JsonNode set = api.send(json(put(one + "/level"), TestCaller.ZJ_OFFICER).header("If-Match", etag(event))
                .content("{\"level\":\"ESPECIALLY_MAJOR\",\"reason\":\"出借人围堵公司，影响扩大\"}"), 200);
        assertThat(set.get("level").asString()).isEqualTo("ESPECIALLY_MAJOR");
        assertThat(set.at("/levelProposal/level").asString()).isEqualTo("MAJOR");
        assertThat(set.get("levelReason").asString()).isEqualTo("出借人围堵公司，影响扩大");
        assertThat(set.get("watcherMissing").asBoolean()).isTrue();
        assertThat(set.get("deadlines")).hasSize(2);
    }

    @Test
    void inc03_withTheRegistryDownNoLevelIsSetButA503NamingIt() throws Exception {
        JsonNode event = record(TestCaller.ZJ_OFFICER, zhejiang, 201);
        when(reports.series(anyString())).thenThrow(ProblemException.unavailable("registry-service"));

        JsonNode problem = api.send(json(put(EVENTS + "/" + event.get("id").asString() + "/level"),
                TestCaller.ZJ_OFFICER).header("If-Match", etag(event)).content("{\"level\":\"MAJOR\",\"reason\":\"r\"}"),
                503);

        assertThat(problem.get("service").asString()).isEqualTo("registry-service");
        assertThat(read(event, TestCaller.ZJ_OFFICER).get("level").isNull()).isTrue();
    }

    // ---- INC-04/05 -----------------------------------------------------------------------------------------------

    @Test
    void inc04_aWatcherIsNamedForAnEspeciallyMajorEventOnly_andThePlanWaitsForHim() throws Exception {
        JsonNode event = level(record(TestCaller.ZJ_OFFICER, zhejiang, 201), "MAJOR");
        String one = EVENTS + "/" + event.get("id").asString();
        assertThat(rule(api.send(json(put(one + "/watcher"), TestCaller.ZJ_OFFICER).header("If-Match", etag(event))
                .content("{\"name\":\"张三\"}"), 422))).isEqualTo("INC-04");

        event = level(event, "ESPECIALLY_MAJOR");
        assertThat(rule(api.send(json(post(one + "/plan/start"), TestCaller.ZJ_HEAD_FINANCE)
                .header("If-Match", etag(event)).content("{\"reason\":\"启动\"}"), 422))).isEqualTo("INC-04");
        JsonNode watched = api.send(json(put(one + "/watcher"), TestCaller.ZJ_OFFICER).header("If-Match", etag(event))
                .content("{\"name\":\"张三\",\"position\":\"金融办风险处副处长\",\"contact\":\"0571-00000000\"}"), 200);

        assertThat(watched.at("/watcher/name").asString()).isEqualTo("张三");
        assertThat(watched.at("/watcher/namedBy/username").asString()).isEqualTo("zj-officer");
        assertThat(watched.get("watcherMissing").asBoolean()).isFalse();
    }

    @Test
    void inc05_onlyAHeadOfTheRegistrationProvinceStartsAndEndsThePlan() throws Exception {
        JsonNode event = level(record(TestCaller.ZJ_OFFICER, zhejiang, 201), "MAJOR");
        String one = EVENTS + "/" + event.get("id").asString();
        String start = "{\"reason\":\"出借人聚集，启动省级应急预案\"}";

        assertThat(api.send(json(post(one + "/plan/start"), TestCaller.ZJ_OFFICER).header("If-Match", etag(event))
                .content(start), 403).get("detail").asString()).contains("AUTH-04");
        api.send(json(post(one + "/plan/start"), TestCaller.GD_HEAD_FINANCE).header("If-Match", etag(event))
                .content(start), 403);
        api.send(json(post(one + "/plan/start"), TestCaller.CENTRAL).header("If-Match", etag(event))
                .content(start), 403);
        JsonNode started = api.send(json(post(one + "/plan/start"), TestCaller.ZJ_HEAD_REGULATOR)
                .header("If-Match", etag(event)).content(start), 200);
        assertThat(started.at("/plan/startedBy/username").asString()).isEqualTo("zj-head-regulator");
        assertThat(rule(api.send(json(post(one + "/plan/start"), TestCaller.ZJ_HEAD_FINANCE)
                .header("If-Match", etag(started)).content(start), 422))).isEqualTo("INC-05");
        assertThat(rule(api.send(json(post(one + "/closure"), TestCaller.ZJ_OFFICER).header("If-Match", etag(started))
                .content("{\"reason\":\"处置完毕\"}"), 422))).isEqualTo("INC-05");

        JsonNode ended = api.send(json(post(one + "/plan/end"), TestCaller.ZJ_HEAD_FINANCE)
                .header("If-Match", etag(started)).content("{\"reason\":\"兑付方案落实，风险缓释\"}"), 200);
        assertThat(ended.at("/plan/endedBy/username").asString()).isEqualTo("zj-head-finance");
        JsonNode closed = api.send(json(post(one + "/closure"), TestCaller.ZJ_OFFICER).header("If-Match", etag(ended))
                .content("{\"reason\":\"处置完毕\"}"), 200);
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(rule(api.send(json(put(one + "/level"), TestCaller.ZJ_OFFICER).header("If-Match", etag(closed))
                .content("{\"level\":\"OTHER\",\"reason\":\"r\"}"), 422))).isEqualTo("INC-03");
    }

    @Test
    void inc05_aPlanStartsOnlyOnceTheLevelIsSet() throws Exception {
        JsonNode event = record(TestCaller.ZJ_OFFICER, zhejiang, 201);
        assertThat(rule(api.send(json(post(EVENTS + "/" + event.get("id").asString() + "/plan/start"),
                TestCaller.ZJ_HEAD_FINANCE).header("If-Match", etag(event)).content("{\"reason\":\"r\"}"), 422)))
                .isEqualTo("INC-05");
    }

    // ---- INC-06 --------------------------------------------------------------------------------------------------

    @Test
    void inc06_aMissedNotificationShowsAtOnceOnTheBoard_andTheScanRecordsTheBreachOnce() throws Exception {
        JsonNode event = level(record(TestCaller.ZJ_OFFICER, zhejiang, 201), "ESPECIALLY_MAJOR");
        String id = event.get("id").asString();

        clock.plusMinutes(119);
        assertThat(overdueOnBoard(TestCaller.CENTRAL, id)).isEmpty();
        assertThat(scan.scan()).isZero();

        clock.plusMinutes(2);
        assertThat(overdueOnBoard(TestCaller.CENTRAL, id)).containsExactly("NOTIFICATION");
        assertThat(overdueOnBoard(TestCaller.ZJ_OFFICER, id)).containsExactly("NOTIFICATION");
        assertThat(overdueOnBoard(TestCaller.GD_OFFICER, id)).containsExactly("NOTIFICATION");
        JsonNode late = read(event, TestCaller.CENTRAL);
        assertThat(late.get("overdue").asBoolean()).isTrue();
        assertThat(late.at("/deadlines/0/overdue").asBoolean()).isTrue();
        assertThat(late.at("/deadlines/0/dueAt").asString()).isEqualTo("2018-03-01T03:00:00Z");
        // the list carries the 2-hour and 4-hour deadlines, so that a list shows the clocks without reading each event
        JsonNode listed = inList(id, TestCaller.GD_OFFICER);
        assertThat(listed.get("overdue").asBoolean()).isTrue();
        assertThat(listed.at("/firstReports/0/kind").asString()).isEqualTo("NOTIFICATION");
        assertThat(listed.at("/firstReports/0/overdue").asBoolean()).isTrue();
        assertThat(listed.at("/firstReports/1/kind").asString()).isEqualTo("WRITTEN_REPORT");
        assertThat(listed.at("/firstReports/1/dueAt").asString()).isEqualTo("2018-03-01T05:00:00Z");
        assertThat(listed.at("/firstReports/1/overdue").asBoolean()).isFalse();

        assertThat(scan.scan()).isEqualTo(1);
        assertThat(scan.scan()).isZero();

        JsonNode breaches = api.send(get("/api/v1/incidents/breaches"), TestCaller.CENTRAL, 200);
        List<String> lines = new ArrayList<>();
        breaches.forEach(b -> {
            if (b.get("eventId").asString().equals(id)) {
                lines.add(b.get("kind").asString() + "@" + b.get("dueAt").asString());
            }
        });
        assertThat(lines).containsExactly("NOTIFICATION@2018-03-01T03:00:00Z");
        assertThat(kinds(timeline(id, TestCaller.CENTRAL))).contains("DEADLINE_BREACHED");

        clock.plusMinutes(120);
        assertThat(overdueOnBoard(TestCaller.CENTRAL, id)).containsExactly("NOTIFICATION", "WRITTEN_REPORT");
        assertThat(scan.scan()).isEqualTo(1);
    }

    @Test
    void inc06_theNotificationGoesToAllThreeOffices_thenTheWrittenReport_thenFollowUpsAtCentralsInterval()
            throws Exception {
        JsonNode event = level(record(TestCaller.ZJ_OFFICER, zhejiang, 201), "ESPECIALLY_MAJOR");
        String one = EVENTS + "/" + event.get("id").asString();

        JsonNode missing = api.send(json(post(one + "/notification"), TestCaller.ZJ_OFFICER)
                .header("If-Match", etag(event)).content("{\"recipients\":[\"P2P_RECTIFICATION_OFFICE\"]}"), 422);
        assertThat(rule(missing)).isEqualTo("INC-06");
        assertThat(missing.get("detail").asString()).contains("互金整治办", "处非办");
        assertThat(rule(api.send(json(post(one + "/reports"), TestCaller.ZJ_OFFICER).header("If-Match", etag(event))
                .content("{\"kind\":\"FOLLOW_UP\",\"text\":\"续报\"}"), 422))).isEqualTo("INC-06");

        clock.plusMinutes(90);
        JsonNode notified = api.send(json(post(one + "/notification"), TestCaller.ZJ_OFFICER)
                .header("If-Match", etag(event)).content("{\"recipients\":" + ALL_OFFICES
                        + ",\"reference\":\"浙金办电〔2018〕12号\"}"), 200);
        assertThat(notified.at("/deadlines/0/metAt").asString()).isEqualTo("2018-03-01T02:30:00Z");
        assertThat(notified.at("/deadlines/0/late").asBoolean()).isFalse();
        api.send(json(post(one + "/notification"), TestCaller.ZJ_OFFICER).header("If-Match", etag(notified))
                .content("{\"recipients\":" + ALL_OFFICES + "}"), 409);

        clock.plusMinutes(60);
        JsonNode written = api.send(json(post(one + "/reports"), TestCaller.ZJ_OFFICER)
                .header("If-Match", etag(notified)).content("{\"kind\":\"WRITTEN\",\"text\":\"书面详细报告：……\"}"), 201);
        assertThat(written.get("deadlines")).hasSize(3);
        assertThat(written.at("/deadlines/2/kind").asString()).isEqualTo("FOLLOW_UP");
        assertThat(written.at("/deadlines/2/dueAt").asString()).isEqualTo("2018-03-02T03:30:00Z");
        api.send(json(post(one + "/reports"), TestCaller.ZJ_OFFICER).header("If-Match", etag(written))
                .content("{\"kind\":\"WRITTEN\",\"text\":\"again\"}"), 409);

        api.send(json(put(one + "/follow-up-interval"), TestCaller.ZJ_OFFICER).header("If-Match", etag(written))
                .content("{\"hours\":6}"), 403);
        api.send(json(put(one + "/follow-up-interval"), TestCaller.CENTRAL).header("If-Match", etag(written))
                .content("{\"hours\":0}"), 400);
        JsonNode interval = api.send(json(put(one + "/follow-up-interval"), TestCaller.CENTRAL)
                .header("If-Match", etag(written)).content("{\"hours\":6,\"reason\":\"事态升级，每6小时续报\"}"), 200);
        assertThat(interval.at("/deadlines/2/dueAt").asString()).isEqualTo("2018-03-01T09:30:00Z");
        assertThat(interval.get("overdue").asBoolean()).isFalse();

        clock.plusMinutes(6 * 60 + 1);
        assertThat(read(interval, TestCaller.ZJ_OFFICER).get("overdue").asBoolean()).isTrue();
        JsonNode followUp = api.send(json(post(one + "/reports"), TestCaller.ZJ_OFFICER)
                .header("If-Match", etag(interval)).content("{\"kind\":\"FOLLOW_UP\",\"text\":\"续报一\"}"), 201);
        assertThat(followUp.at("/deadlines/2/late").asBoolean()).isTrue();
        assertThat(followUp.at("/deadlines/3/dueAt").asString()).isEqualTo("2018-03-01T15:31:00Z");
        assertThat(followUp.get("breaches")).hasSize(1);
        assertThat(followUp.at("/breaches/0/kind").asString()).isEqualTo("FOLLOW_UP");
        assertThat(scan.scan()).isZero();
    }

    // ---- INC-07/08 -----------------------------------------------------------------------------------------------

    @Test
    void inc07_measuresAreRecordedWithTimeActorAndStatus_andAFinishedOneStays() throws Exception {
        JsonNode event = record(TestCaller.ZJ_OFFICER, zhejiang, 201);
        String one = EVENTS + "/" + event.get("id").asString();

        JsonNode taken = api.send(json(post(one + "/measures"), TestCaller.ZJ_OFFICER).header("If-Match", etag(event))
                .content("{\"kind\":\"CONTROL_ACCOUNTS\",\"description\":\"冻结实际控制人名下账户\"}"), 201);
        String measure = taken.at("/measures/0/id").asString();
        assertThat(taken.at("/measures/0/status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(taken.at("/measures/0/takenBy/username").asString()).isEqualTo("zj-officer");

        JsonNode done = api.send(json(put(one + "/measures/" + measure), TestCaller.ZJ_OFFICER)
                .header("If-Match", etag(taken)).content("{\"status\":\"DONE\",\"note\":\"账户已冻结\"}"), 200);
        assertThat(done.at("/measures/0/updates")).hasSize(2);
        assertThat(rule(api.send(json(put(one + "/measures/" + measure), TestCaller.ZJ_OFFICER)
                .header("If-Match", etag(done)).content("{\"status\":\"IN_PROGRESS\",\"note\":\"再次\"}"), 422)))
                .isEqualTo("INC-07");
        api.send(json(put(one + "/measures/no-such"), TestCaller.ZJ_OFFICER).header("If-Match", etag(done))
                .content("{\"status\":\"DONE\",\"note\":\"x\"}"), 404);
        api.send(json(post(one + "/measures"), TestCaller.ZJ_OFFICER).header("If-Match", etag(done))
                .content("{\"kind\":\"SEAL_ASSETS\",\"description\":\"x\",\"status\":\"DONE\"}"), 400);
    }

    @Test
    void inc08_disposalIsForMajorEvents_andAReferralReachesPublicSecurityWhoAnswersIt() throws Exception {
        JsonNode event = level(record(TestCaller.ZJ_OFFICER, zhejiang, 201), "OTHER");
        String one = EVENTS + "/" + event.get("id").asString();
        String referral = "{\"kind\":\"REFERRAL_TO_PUBLIC_SECURITY\",\"description\":\"涉嫌非法吸收公众存款，移送公安并追赃挽损\"}";
        assertThat(rule(api.send(json(post(one + "/measures"), TestCaller.ZJ_OFFICER).header("If-Match", etag(event))
                .content(referral), 422))).isEqualTo("INC-08");

        event = level(event, "MAJOR");
        JsonNode referred = api.send(json(post(one + "/measures"), TestCaller.ZJ_OFFICER)
                .header("If-Match", etag(event)).content(referral), 201);
        String requestId = referred.at("/measures/0/agencyRequestIds/0").asString();
        assertThat(requestId).startsWith("INC-REFERRAL-");
        assertThat(referred.at("/deliveries/0/kind").asString()).isEqualTo("agency-request");

        relay.relayDue();
        JsonNode door = api.send(get("/api/v1/incidents/agency-requests"), TestCaller.PUBLIC_SECURITY, 200);
        List<String> addressed = new ArrayList<>();
        door.forEach(r -> addressed.add(r.get("id").asString()));
        assertThat(addressed).contains(requestId);
        api.send(get("/api/v1/incidents/agency-requests/" + requestId), TestCaller.TELECOM, 404);
        api.send(json(post("/api/v1/incidents/agency-requests/" + requestId + "/answers"), TestCaller.PUBLIC_SECURITY)
                .header("Idempotency-Key", "answer-" + requestId)
                .content("{\"text\":\"已立案侦查\",\"reference\":\"杭公经立字〔2018〕001号\"}"), 200);

        JsonNode followed = api.send(get("/api/v1/incidents/institutions/" + zhejiang + "/agency-requests"),
                TestCaller.ZJ_OFFICER, 200);
        assertThat(followed.toString()).contains("已立案侦查");
        api.send(get("/api/v1/incidents/institutions/" + guangdongOnly + "/agency-requests"), TestCaller.ZJ_OFFICER,
                404);

        JsonNode shutdown = api.send(json(post(one + "/measures"), TestCaller.ZJ_OFFICER)
                .header("If-Match", etag(referred)).content("{\"kind\":\"APP_AND_LICENCE_SHUTDOWN\","
                        + "\"description\":\"关停App并注销ICP许可\"}"), 201);
        assertThat(shutdown.at("/measures/1/agencyRequestIds")).hasSize(2);
    }

    // ---- INC-09 --------------------------------------------------------------------------------------------------

    @Test
    void inc09_aBusinessPlaceProvinceReadsAndSupportsTheEvent_butChangesNothingElse() throws Exception {
        JsonNode event = record(TestCaller.ZJ_OFFICER, zhejiang, 201);
        String one = EVENTS + "/" + event.get("id").asString();

        assertThat(read(event, TestCaller.GD_OFFICER).get("id").asString()).isEqualTo(event.get("id").asString());
        JsonNode supported = api.send(json(post(one + "/support-notes"), TestCaller.GD_OFFICER)
                .header("If-Match", etag(event)).content("{\"text\":\"广州分支机构已派员驻守，维稳力量到位\"}"), 201);
        assertThat(supported.at("/supportNotes/0/province").asString()).isEqualTo("44");

        api.send(json(put(one + "/level"), TestCaller.GD_OFFICER).header("If-Match", etag(supported))
                .content("{\"level\":\"MAJOR\",\"reason\":\"r\"}"), 403);
        api.send(json(post(one + "/measures"), TestCaller.GD_HEAD_FINANCE).header("If-Match", etag(supported))
                .content("{\"kind\":\"SEAL_ASSETS\",\"description\":\"x\"}"), 403);
        api.send(json(post(one + "/support-notes"), TestCaller.ZJ_OFFICER).header("If-Match", etag(supported))
                .content("{\"text\":\"x\"}"), 403);
        api.send(json(post(one + "/support-notes"), TestCaller.CENTRAL).header("If-Match", etag(supported))
                .content("{\"text\":\"x\"}"), 403);
    }

    // ---- REG-08 --------------------------------------------------------------------------------------------------

    @Test
    void reg08_aStatusTheEventEstablishedGoesToTheRegistryThroughTheOutbox() throws Exception {
        JsonNode event = record(TestCaller.ZJ_OFFICER, zhejiang, 201);
        String one = EVENTS + "/" + event.get("id").asString();

        api.send(json(post(one + "/institution-status"), TestCaller.ZJ_OFFICER).header("If-Match", etag(event))
                .content("{\"status\":\"BANNED\",\"reason\":\"x\"}"), 400);
        JsonNode lost = api.send(json(post(one + "/institution-status"), TestCaller.ZJ_OFFICER)
                .header("If-Match", etag(event)).content("{\"status\":\"LOST_CONTACT\",\"reason\":\"实际控制人失联\"}"),
                200);

        assertThat(lost.at("/institutionStatuses/0/status").asString()).isEqualTo("LOST_CONTACT");
        assertThat(lost.at("/deliveries/0/kind").asString()).isEqualTo("registry-status");
        assertThat(lost.at("/deliveries/0/state").asString()).isEqualTo("PENDING");
    }

    // ---- INC-12, AUTH-07 -----------------------------------------------------------------------------------------

    @Test
    void inc12_theTimelineHoldsEveryActAndEveryReadInOrder() throws Exception {
        JsonNode event = level(record(TestCaller.ZJ_OFFICER, zhejiang, 201), "MAJOR");
        String id = event.get("id").asString();
        read(event, TestCaller.GD_OFFICER);

        JsonNode timeline = timeline(id, TestCaller.CENTRAL);

        assertThat(kinds(timeline)).startsWith("RECORDED", "LEVEL_SET").contains("READ");
        JsonNode gdRead = null;
        for (JsonNode line : timeline.get("entries")) {
            if (line.get("kind").asString().equals("READ") && "gd-officer".equals(line.at("/by/username").asString())) {
                gdRead = line;
            }
        }
        assertThat(gdRead).isNotNull();
        assertThat(gdRead.get("summary").asString()).isEqualTo("READ_EVENT");
        assertThat(gdRead.at("/by/province").asString()).isEqualTo("44");
    }

    @Test
    void inc12_theTimelineIsExportedAsAPdfReportForTheEventsReadersOnly() throws Exception {
        JsonNode event = level(record(TestCaller.ZJ_OFFICER, zhejiang, 201), "MAJOR");
        String id = event.get("id").asString();

        MockHttpServletResponse response = mvc.perform(get(EVENTS + "/" + id + "/timeline.pdf")
                .with(TestCaller.ZJ_HEAD_FINANCE.auth())).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/pdf");
        assertThat(response.getHeader("Content-Disposition")).contains("incident-timeline-" + id + ".pdf");
        try (PDDocument pdf = Loader.loadPDF(response.getContentAsByteArray())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains(id, "平台逾期兑付，出借人聚集", "确定为重大", "EXPORT_TIMELINE_PDF");
        }
        assertThat(mvc.perform(get(EVENTS + "/" + id + "/timeline.pdf").with(TestCaller.CENTRAL.auth())).andReturn()
                .getResponse().getStatus()).isEqualTo(200);
        api.send(get(EVENTS + "/" + recordForeign() + "/timeline.pdf"), TestCaller.ZJ_OFFICER, 404);
        JsonNode audit = api.send(get("/api/v1/incidents/read-audit").param("eventId", id), TestCaller.CENTRAL, 200);
        assertThat(audit.toString()).contains("EXPORT_TIMELINE_PDF");
    }

    @Test
    void auth07_everyReadIsRecorded_andOnlyCentralQueriesTheRecord() throws Exception {
        JsonNode event = record(TestCaller.ZJ_OFFICER, zhejiang, 201);
        String id = event.get("id").asString();
        read(event, TestCaller.GD_OFFICER);
        api.send(get(EVENTS), TestCaller.GD_OFFICER, 200);

        JsonNode audit = api.send(get("/api/v1/incidents/read-audit").param("eventId", id), TestCaller.CENTRAL, 200);
        List<String> reads = new ArrayList<>();
        audit.get("content").forEach(r -> reads.add(r.get("username").asString() + ":" + r.get("action").asString()
                + ":" + r.get("province").asString()));
        assertThat(reads).contains("gd-officer:READ_EVENT:44", "gd-officer:LIST_EVENTS:44");
        api.send(get("/api/v1/incidents/read-audit"), TestCaller.ZJ_HEAD_FINANCE, 403);
    }

    @Test
    void auth02_nobodyOutsideScopeLearnsThatAnEventExists() throws Exception {
        JsonNode foreign = record(TestCaller.GD_OFFICER, guangdongOnly, 201);
        String id = foreign.get("id").asString();
        level(foreign, TestCaller.GD_OFFICER, "ESPECIALLY_MAJOR");
        clock.plusMinutes(300);

        JsonNode hidden = api.send(get(EVENTS + "/" + id), TestCaller.ZJ_OFFICER, 404);
        JsonNode absent = api.send(get(EVENTS + "/EV-20180301-NOSUCHEV"), TestCaller.ZJ_OFFICER, 404);
        assertThat(hidden.get("title").asString()).isEqualTo(absent.get("title").asString());
        api.send(get(EVENTS + "/" + id + "/timeline"), TestCaller.ZJ_HEAD_FINANCE, 404);
        assertThat(api.send(get(EVENTS), TestCaller.ZJ_OFFICER, 200).toString()).doesNotContain(id);
        assertThat(overdueOnBoard(TestCaller.ZJ_OFFICER, id)).isEmpty();
        assertThat(overdueOnBoard(TestCaller.CENTRAL, id)).isNotEmpty();
        api.send(json(post(EVENTS + "/" + id + "/support-notes"), TestCaller.ZJ_OFFICER).header("If-Match", "\"2\"")
                .content("{\"text\":\"x\"}"), 404);
        api.send(get(EVENTS), TestCaller.PUBLIC_SECURITY, 403);
        api.send(get(EVENTS), TestCaller.ANONYMOUS, 401);
    }

    // ---- versions ------------------------------------------------------------------------------------------------

    @Test
    void aChangeNamesTheVersionItIsBasedOn_428WithoutIt_412WhenStale() throws Exception {
        JsonNode event = record(TestCaller.ZJ_OFFICER, zhejiang, 201);
        String one = EVENTS + "/" + event.get("id").asString();
        api.send(json(post(one + "/measures"), TestCaller.ZJ_OFFICER)
                .content("{\"kind\":\"UNIFIED_MESSAGING\",\"description\":\"统一对外口径\"}"), 428);
        JsonNode taken = api.send(json(post(one + "/measures"), TestCaller.ZJ_OFFICER).header("If-Match", etag(event))
                .content("{\"kind\":\"UNIFIED_MESSAGING\",\"description\":\"统一对外口径\"}"), 201);
        assertThat(taken.get("version").asLong()).isEqualTo(2);
        api.send(json(post(one + "/measures"), TestCaller.ZJ_OFFICER).header("If-Match", etag(event))
                .content("{\"kind\":\"RIGHTS_PROTECTION_CHANNEL\",\"description\":\"公布接待地点\"}"), 412);
        assertThat(read(event, TestCaller.ZJ_OFFICER).get("measures")).hasSize(1);
    }

    // -----------------------------------------------------------------------------------------------------------

    private JsonNode record(TestCaller caller, String institutionId, int expected) throws Exception {
        return api.send(json(post(EVENTS), caller).content("{\"institutionId\":\"" + institutionId
                + "\",\"type\":\"OVERDUE_PAYMENT\",\"title\":\"平台逾期兑付，出借人聚集\",\"description\":\"3月1日起暂停提现\"}"),
                expected);
    }

    private String recordForeign() throws Exception {
        return record(TestCaller.GD_OFFICER, guangdongOnly, 201).get("id").asString();
    }

    private JsonNode level(JsonNode event, String level) throws Exception {
        return level(event, TestCaller.ZJ_OFFICER, level);
    }

    private JsonNode level(JsonNode event, TestCaller officer, String level) throws Exception {
        return api.send(json(put(EVENTS + "/" + event.get("id").asString() + "/level"), officer)
                .header("If-Match", etag(event)).content("{\"level\":\"" + level + "\",\"reason\":\"依据排查数据确定\"}"),
                200);
    }

    private JsonNode read(JsonNode event, TestCaller caller) throws Exception {
        return api.send(get(EVENTS + "/" + event.get("id").asString()), caller, 200);
    }

    private JsonNode timeline(String id, TestCaller caller) throws Exception {
        return api.send(get(EVENTS + "/" + id + "/timeline"), caller, 200);
    }

    private List<String> overdueOnBoard(TestCaller caller, String eventId) throws Exception {
        List<String> kinds = new ArrayList<>();
        api.send(get("/api/v1/incidents/board"), caller, 200).get("overdue").forEach(line -> {
            if (line.get("eventId").asString().equals(eventId)) {
                kinds.add(line.get("kind").asString());
            }
        });
        return kinds;
    }

    private static List<String> kinds(JsonNode timeline) {
        List<String> kinds = new ArrayList<>();
        timeline.get("entries").forEach(e -> kinds.add(e.get("kind").asString()));
        return kinds;
    }

    /** The event as the list of events shows it to the caller. */
    private JsonNode inList(String id, TestCaller caller) throws Exception {
        for (JsonNode summary : api.send(get(EVENTS + "?size=200"), caller, 200).get("content")) {
            if (summary.get("id").asString().equals(id)) {
                return summary;
            }
        }
        throw new AssertionError(id + " is not in the list");
    }

}
