package cn.p2psupervision.incident.watch;

import static cn.p2psupervision.incident.watch.WatchFigures.figures;
import static cn.p2psupervision.incident.watch.WatchFigures.institution;
import static cn.p2psupervision.incident.watch.WatchFigures.month;
import static cn.p2psupervision.incident.watch.WatchFigures.newInstitutionId;
import static cn.p2psupervision.incident.watch.WatchFigures.ordinary;
import static cn.p2psupervision.incident.watch.WatchFigures.ordinaryThenDead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.p2psupervision.platform.audit.AuditEntry;
import cn.p2psupervision.platform.audit.AuditTrail;
import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.problem.ProblemType;
import cn.p2psupervision.platform.registryfeed.InstitutionFigures;
import cn.p2psupervision.platform.registryfeed.InstitutionReferences;
import cn.p2psupervision.platform.registryfeed.MonthFigures;
import cn.p2psupervision.platform.registryfeed.RegistryFigures;
import cn.p2psupervision.platform.test.MutableClock;
import cn.p2psupervision.platform.test.TestCaller;

/**
 * INC-11, off-site monitoring (非现场监测): the scan evaluates the latest month of each remaining institution against
 * the central office's thresholds; a breach raises one alert per institution, month and metric, with the figures
 * behind it, which a re-scan neither repeats nor reopens; an officer of the registration province dismisses it or
 * turns it into a risk signal, once; the alerts are listed within the caller's scope (AUTH-02).
 */
@WatchScanApiTest
class MonitoringAlertApiTest {

    static final String ALERTS = "/api/v1/incidents/alerts";
    static final String REFRESH = "/api/v1/incidents/zombies/refresh";

    @Autowired
    cn.p2psupervision.incident.events.BalanceRanking ranking;
    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    InstitutionReferences references;
    @Autowired
    RegistryFigures registry;
    @Autowired
    AlertService alerts;
    @Autowired
    AuditTrail audit;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MutableClock clock;

    /** A month whose balance fell 40 % from January's (1,000,000.00 to 600,000.00). */
    static final MonthFigures FELL = month("2018-02", "600000.00", 200, "100000.00", "1.50");

    @BeforeEach
    void theDefaultThresholds() {
        clock.setDay(MutableClock.START);
        mongo.remove(new Query(), MonitoringThresholdStore.COLLECTION);
    }

    @AfterEach
    void theDefaultThresholdsAgain() {
        mongo.remove(new Query(), MonitoringThresholdStore.COLLECTION);
    }

    @Test
    void inc11_aBreachRaisesAnAlertWithTheFiguresBehindIt() throws Exception {
        String falling = known("33", "OPERATING", "44");
        scan(List.of(figures(falling, List.of(ordinary("2017-12"), ordinary("2018-01"), FELL))), TestCaller.CENTRAL);

        String id = falling + ":2018-02:BALANCE_FALL";
        MockHttpServletResponse response = mvc.perform(get(ALERTS + "/" + id).with(TestCaller.ZJ_OFFICER.auth()))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        assertThat(response.getHeader("ETag")).isEqualTo("\"1\"");
        JsonNode alert = json.readTree(response.getContentAsString());
        assertThat(alert.get("institutionId").asString()).isEqualTo(falling);
        assertThat(alert.get("name").asString()).isEqualTo("测试网贷平台 " + falling);
        assertThat(alert.get("registeredProvince").asString()).isEqualTo("33");
        assertThat(alert.get("period").asString()).isEqualTo("2018-02");
        assertThat(alert.get("metric").asString()).isEqualTo("BALANCE_FALL");
        assertThat(alert.get("threshold").asString()).isEqualTo("30.00");
        assertThat(alert.get("value").asString()).isEqualTo("40.00");
        assertThat(alert.get("state").asString()).isEqualTo("OPEN");
        assertThat(alert.get("raisedAt").asString()).isEqualTo("2018-03-01T01:00:00Z");
        assertThat(alert.get("figures")).hasSize(2);
        assertThat(alert.at("/figures/0/period").asString()).isEqualTo("2018-01");
        assertThat(alert.at("/figures/0/loanBalance").asString()).isEqualTo("1000000.00");
        assertThat(alert.at("/figures/1/period").asString()).isEqualTo("2018-02");
        assertThat(alert.at("/figures/1/loanBalance").asString()).isEqualTo("600000.00");
        assertThat(alert.at("/figures/1/lenders").asLong()).isEqualTo(200);
        assertThat(alertIdsOf(TestCaller.CENTRAL, "", falling)).containsExactly(id);
    }

    @Test
    void auth07_everyReadOfAnAlertIsRecordedForTheCentralOffice() throws Exception {
        String falling = known("33", "OPERATING");
        scan(List.of(figures(falling, List.of(ordinary("2017-12"), ordinary("2018-01"), FELL))), TestCaller.CENTRAL);
        String id = falling + ":2018-02:BALANCE_FALL";

        send(get(ALERTS + "/" + id), TestCaller.ZJ_OFFICER, 200);
        send(get(ALERTS + "/" + id), TestCaller.GD_OFFICER, 404);

        JsonNode audit = send(get("/api/v1/incidents/read-audit").param("institutionId", falling),
                TestCaller.CENTRAL, 200);
        List<String> reads = new ArrayList<>();
        audit.get("content").forEach(read -> reads.add(read.get("username").asString() + ":"
                + read.get("action").asString() + ":" + read.get("alertIds").toString()));
        assertThat(reads).contains("zj-officer:READ_ALERT:[\"" + id + "\"]")
                .noneMatch(read -> read.startsWith("gd-officer"));
    }

    @Test
    void inc11_aRescanNeitherRepeatsAnAlertNorReopensIt() throws Exception {
        String falling = known("33", "OPERATING");
        List<InstitutionFigures> figures = List.of(figures(falling, List.of(ordinary("2018-01"), FELL)));
        JsonNode first = scan(figures, TestCaller.ZJ_OFFICER);
        assertThat(first.get("alerts").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(first.get("newAlerts").asLong()).isGreaterThanOrEqualTo(1);
        String id = falling + ":2018-02:BALANCE_FALL";
        send(dismissal(id, "核实为正常还款，余额下降属实"), TestCaller.ZJ_OFFICER, 200);

        clock.plusDays(1);
        JsonNode again = scan(figures, TestCaller.ZJ_OFFICER);

        assertThat(again.get("newAlerts").asLong()).isZero();
        assertThat(alertIdsOf(TestCaller.CENTRAL, "", falling)).containsExactly(id);
        JsonNode alert = send(get(ALERTS + "/" + id), TestCaller.ZJ_OFFICER, 200);
        assertThat(alert.get("state").asString()).isEqualTo("DISMISSED");
        assertThat(alert.get("raisedAt").asString()).isEqualTo("2018-03-01T01:00:00Z");
    }

    @Test
    void inc11_eachMetricIsItsOwnAlertAndOnlyTheRemainingInstitutionsAreWatched() throws Exception {
        MonthFigures everythingFell = month("2018-02", "500000.00", 100, "100000.00", "12.00");
        String operating = known("33", "OPERATING");
        String filed = known("33", "FILED");
        String suspended = known("33", "SUSPENDED");
        String zombie = known("33", "OPERATING");
        String closed = known("33", "OPERATING");
        send(post("/api/v1/incidents/zombies/bidding-closures").contentType(MediaType.APPLICATION_JSON).content("""
                {"institutionId":"%s","observedOn":"2018-02-27","evidence":"投标关闭"}""".formatted(closed)),
                TestCaller.ZJ_OFFICER, 201);
        List<MonthFigures> zombieMonths = new ArrayList<>(ordinaryThenDead("2017-09", 1, 4));
        zombieMonths.add(month("2018-02", "0.00", 0, "0.00", "50.00"));

        scan(List.of(figures(operating, List.of(ordinary("2018-01"), everythingFell)),
                figures(filed, List.of(month("2018-02", "1.00", 1, "0.00", "10.01"))),
                figures(suspended, List.of(ordinary("2018-01"), everythingFell)),
                figures(zombie, zombieMonths),
                figures(closed, List.of(ordinary("2018-01"), everythingFell))), TestCaller.CENTRAL);

        assertThat(alertIdsOf(TestCaller.CENTRAL, "", operating)).containsExactlyInAnyOrder(
                operating + ":2018-02:OVERDUE_RATE", operating + ":2018-02:BALANCE_FALL",
                operating + ":2018-02:LENDERS_FALL");
        assertThat(alertIdsOf(TestCaller.CENTRAL, "", filed)).containsExactly(filed + ":2018-02:OVERDUE_RATE");
        assertThat(alertIdsOf(TestCaller.CENTRAL, "", suspended, zombie, closed)).isEmpty();
        JsonNode overdue = send(get(ALERTS + "/" + filed + ":2018-02:OVERDUE_RATE"), TestCaller.CENTRAL, 200);
        assertThat(overdue.get("value").asString()).isEqualTo("10.01");
        assertThat(overdue.get("figures")).hasSize(1);
    }

    @Test
    void inc11_theThresholdsTheCentralOfficeSetsApplyFromTheNextScan() throws Exception {
        String risky = known("44", "OPERATING");
        List<InstitutionFigures> figures = List.of(figures(risky, List.of(ordinary("2018-01"),
                month("2018-02", "900000.00", 190, "90000.00", "6.00"))));
        scan(figures, TestCaller.GD_OFFICER);
        assertThat(alertIdsOf(TestCaller.GD_OFFICER, "", risky)).isEmpty();

        send(put("/api/v1/incidents/monitoring-thresholds").header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"overdueRateMax":"5.00","balanceFallMaxPercent":"9.99","lendersFallMaxPercent":"30.00",
                         "reason":"加强逾期监测"}"""), TestCaller.CENTRAL, 200);
        scan(figures, TestCaller.GD_OFFICER);

        assertThat(alertIdsOf(TestCaller.GD_OFFICER, "", risky)).containsExactlyInAnyOrder(
                risky + ":2018-02:OVERDUE_RATE", risky + ":2018-02:BALANCE_FALL");
        assertThat(send(get(ALERTS + "/" + risky + ":2018-02:BALANCE_FALL"), TestCaller.GD_OFFICER, 200)
                .get("threshold").asString()).isEqualTo("9.99");
    }

    @Test
    void inc11_anOfficerOfTheRegistrationProvinceDismissesAnOpenAlertOnceWithAReason() throws Exception {
        String crossRegion = known("33", "OPERATING", "44");
        String zhejiangOnly = known("33", "OPERATING");
        scan(List.of(figures(crossRegion, List.of(ordinary("2018-01"), FELL)),
                figures(zhejiangOnly, List.of(ordinary("2018-01"), FELL))), TestCaller.CENTRAL);
        String id = crossRegion + ":2018-02:BALANCE_FALL";

        send(dismissal(id, "x"), TestCaller.GD_OFFICER, 403);
        send(dismissal(id, "x"), TestCaller.CENTRAL, 403);
        send(dismissal(zhejiangOnly + ":2018-02:BALANCE_FALL", "x"), TestCaller.GD_OFFICER, 404);
        send(dismissal("no-such-alert", "x"), TestCaller.ZJ_OFFICER, 404);
        send(post(ALERTS + "/" + id + "/dismissal").contentType(MediaType.APPLICATION_JSON).content("{}"),
                TestCaller.ZJ_OFFICER, 400);
        send(dismissal(id, "x"), TestCaller.PUBLIC_SECURITY, 403);

        MockHttpServletResponse response = mvc.perform(dismissal(id, "存量业务到期正常回收")
                .with(TestCaller.ZJ_HEAD_FINANCE.auth())).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        assertThat(response.getHeader("ETag")).isEqualTo("\"2\"");
        JsonNode dismissed = json.readTree(response.getContentAsString());
        assertThat(dismissed.get("state").asString()).isEqualTo("DISMISSED");
        assertThat(dismissed.get("stateChangedBy").asString()).isEqualTo("zj-head-finance");
        assertThat(dismissed.get("stateChangedAt").asString()).isEqualTo("2018-03-01T01:00:00Z");
        assertThat(dismissed.get("reason").asString()).isEqualTo("存量业务到期正常回收");

        JsonNode again = send(dismissal(id, "again"), TestCaller.ZJ_OFFICER, 409);
        assertThat(again.get("rule").asString()).isEqualTo("INC-11");
        assertThat(audit.trailOf(AlertService.AUDIT_TYPE, id)).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("DISMISS");
            assertThat(entry.username()).isEqualTo("zj-head-finance");
            assertThat(entry.reason()).isEqualTo("存量业务到期正常回收");
        });
    }

    @Test
    void auth02_alertsAreListedWithinTheCallersScopeAndByState() throws Exception {
        String guangdong = known("44", "OPERATING");
        String crossRegion = known("33", "OPERATING", "44");
        String zhejiangOnly = known("33", "OPERATING");
        scan(List.of(figures(guangdong, List.of(ordinary("2018-01"), FELL)),
                figures(crossRegion, List.of(ordinary("2018-01"), FELL)),
                figures(zhejiangOnly, List.of(ordinary("2018-01"), FELL))), TestCaller.CENTRAL);
        send(dismissal(guangdong + ":2018-02:BALANCE_FALL", "已核实"), TestCaller.GD_OFFICER, 200);

        assertThat(alertIdsOf(TestCaller.GD_OFFICER, "", guangdong, crossRegion, zhejiangOnly))
                .containsExactlyInAnyOrder(guangdong + ":2018-02:BALANCE_FALL", crossRegion + ":2018-02:BALANCE_FALL");
        send(get(ALERTS + "/" + zhejiangOnly + ":2018-02:BALANCE_FALL"), TestCaller.GD_OFFICER, 404);
        assertThat(alertIdsOf(TestCaller.GD_OFFICER, "state=OPEN", guangdong, crossRegion, zhejiangOnly))
                .containsExactly(crossRegion + ":2018-02:BALANCE_FALL");
        assertThat(alertIdsOf(TestCaller.GD_OFFICER, "state=DISMISSED", guangdong, crossRegion, zhejiangOnly))
                .containsExactly(guangdong + ":2018-02:BALANCE_FALL");
        assertThat(alertIdsOf(TestCaller.CENTRAL, "", guangdong, crossRegion, zhejiangOnly)).hasSize(3);
        assertThat(alertIdsOf(TestCaller.ZJ_OFFICER, "", guangdong, crossRegion, zhejiangOnly)).hasSize(2);
        send(get(ALERTS + "?state=CLOSED"), TestCaller.CENTRAL, 400);
        send(get(ALERTS), TestCaller.TELECOM, 403);
        send(get(ALERTS), TestCaller.ANONYMOUS, 401);

        JsonNode page = send(get(ALERTS + "?page=0&size=1"), TestCaller.GD_OFFICER, 200);
        assertThat(page.get("content")).hasSize(1);
        assertThat(page.get("totalElements").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void inc11_anOpenAlertTurnedIntoARiskSignalRecordsTheSignalOnce() throws Exception {
        String crossRegion = known("33", "OPERATING", "44");
        scan(List.of(figures(crossRegion, List.of(ordinary("2018-01"), FELL))), TestCaller.CENTRAL);
        String id = crossRegion + ":2018-02:BALANCE_FALL";

        assertThat(alerts.read(TestCaller.GD_OFFICER.caller(), id).state()).isEqualTo(AlertState.OPEN);
        assertThat(problem(() -> alerts.turnedIntoSignal(TestCaller.GD_OFFICER.caller(), id, "SIG-1")))
                .isEqualTo(ProblemType.FORBIDDEN);
        assertThat(problem(() -> alerts.turnedIntoSignal(TestCaller.CENTRAL.caller(), id, "SIG-1")))
                .isEqualTo(ProblemType.FORBIDDEN);
        assertThat(problem(() -> alerts.read(TestCaller.ZJ_OFFICER.caller(), "no-such-alert")))
                .isEqualTo(ProblemType.NOT_FOUND);

        Alert turned = alerts.turnedIntoSignal(TestCaller.ZJ_OFFICER.caller(), id, "SIG-2018-0001");

        assertThat(turned.state()).isEqualTo(AlertState.TURNED_INTO_SIGNAL);
        assertThat(turned.signalId()).isEqualTo("SIG-2018-0001");
        JsonNode read = send(get(ALERTS + "/" + id), TestCaller.GD_OFFICER, 200);
        assertThat(read.get("state").asString()).isEqualTo("TURNED_INTO_SIGNAL");
        assertThat(read.get("signalId").asString()).isEqualTo("SIG-2018-0001");
        assertThat(read.get("stateChangedBy").asString()).isEqualTo("zj-officer");
        assertThat(problem(() -> alerts.turnedIntoSignal(TestCaller.ZJ_OFFICER.caller(), id, "SIG-2")))
                .isEqualTo(ProblemType.CONFLICT);
        send(dismissal(id, "x"), TestCaller.ZJ_OFFICER, 409);
        assertThat(audit.trailOf(AlertService.AUDIT_TYPE, id)).extracting(AuditEntry::action)
                .containsExactly("TURN_INTO_SIGNAL");
        assertThat(mongo.count(Query.query(Criteria.where("_id").is(id)), AlertStore.COLLECTION)).isEqualTo(1);
    }

    @Test
    void inc11_anOfficerTurnsAnOpenAlertIntoASignalThroughTheApi_theFiguresBecomeItsDescription() throws Exception {
        String crossRegion = known("33", "OPERATING", "44");
        scan(List.of(figures(crossRegion, List.of(ordinary("2018-01"), FELL))), TestCaller.CENTRAL);
        String id = crossRegion + ":2018-02:BALANCE_FALL";
        String turn = ALERTS + "/" + id + "/signal";

        send(post(turn).contentType(MediaType.APPLICATION_JSON).content("{}"), TestCaller.GD_OFFICER, 403);
        send(post(turn).contentType(MediaType.APPLICATION_JSON).content("{}"), TestCaller.CENTRAL, 403);
        JsonNode signal = send(post(turn).contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"OVERDUE_OR_RUN\",\"note\":\"电话核实：已暂停新增业务\"}"), TestCaller.ZJ_OFFICER, 201);

        assertThat(signal.get("type").asString()).isEqualTo("OVERDUE_OR_RUN");
        assertThat(signal.get("alertId").asString()).isEqualTo(id);
        assertThat(signal.get("institutionIds").get(0).asString()).isEqualTo(crossRegion);
        assertThat(signal.get("description").asString()).contains("非现场监测预警（2018-02）", "借贷余额环比下降",
                "电话核实：已暂停新增业务");
        JsonNode alert = send(get(ALERTS + "/" + id), TestCaller.ZJ_OFFICER, 200);
        assertThat(alert.get("state").asString()).isEqualTo("TURNED_INTO_SIGNAL");
        assertThat(alert.get("signalId").asString()).isEqualTo(signal.get("id").asString());
        assertThat(send(post(turn).contentType(MediaType.APPLICATION_JSON).content("{}"), TestCaller.ZJ_OFFICER, 409)
                .get("rule").asString()).isEqualTo("INC-11");
    }

    @Test
    void inc03_theScanKeepsTheRankingByLoanBalanceTheLevelProposalsUse() throws Exception {
        String large = known("33", "OPERATING");
        String small = known("44", "OPERATING");
        scan(List.of(figures(large, List.of(ordinary("2018-01"))), figures(small, List.of(FELL))),
                TestCaller.CENTRAL);

        assertThat(ranking.rankOf(new java.math.BigDecimal("999999999999.00")).rank()).isEqualTo(1);
        assertThat(ranking.rankOf(new java.math.BigDecimal("0.01")).rank()).isEqualTo(3);
        assertThat(ranking.rankOf(new java.math.BigDecimal("0.01")).of()).isEqualTo(2);
    }

    private static ProblemType problem(Runnable call) {
        ProblemException problem = catchThrowableOfType(ProblemException.class, call::run);
        assertThat(problem).as("a problem").isNotNull();
        return problem.problemType();
    }

    private JsonNode scan(List<InstitutionFigures> figures, TestCaller caller) throws Exception {
        WatchFigures.answer(registry, figures);
        return send(post(REFRESH), caller, 200);
    }

    private String known(String province, String status, String... business) {
        String id = newInstitutionId();
        references.apply(List.of(institution(id, province, status, business)));
        return id;
    }

    /** The ids of the alerts of {@code institutions} on every page of the caller's list. */
    private List<String> alertIdsOf(TestCaller caller, String query, String... institutions) throws Exception {
        List<String> of = List.of(institutions);
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode content = send(get(ALERTS + "?size=200&page=" + page + (query.isEmpty() ? "" : "&" + query)),
                    caller, 200).get("content");
            content.forEach(alert -> {
                if (of.contains(alert.get("institutionId").asString())) {
                    ids.add(alert.get("id").asString());
                }
            });
            if (content.size() < 200) {
                return ids;
            }
        }
    }

    private static MockHttpServletRequestBuilder dismissal(String id, String reason) {
        return post(ALERTS + "/" + id + "/dismissal").contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"" + reason + "\"}");
    }

    private JsonNode send(MockHttpServletRequestBuilder request, TestCaller caller, int expected) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(caller.auth())).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
        String body = response.getContentAsString();
        return body.isEmpty() ? json.nullNode() : json.readTree(body);
    }
}
