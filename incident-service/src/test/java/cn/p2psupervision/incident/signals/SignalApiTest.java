package cn.p2psupervision.incident.signals;

import static cn.p2psupervision.incident.IncidentApiSupport.etag;
import static cn.p2psupervision.incident.IncidentApiSupport.json;
import static cn.p2psupervision.incident.IncidentApiSupport.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.p2psupervision.incident.IncidentApiSupport;
import cn.p2psupervision.incident.IncidentApiTest;
import cn.p2psupervision.platform.registryfeed.InstitutionReferences;
import cn.p2psupervision.platform.test.MutableClock;
import cn.p2psupervision.platform.test.TestCaller;

/**
 * INC-01 risk signals through the API: recorded by the provinces' officers about the institutions they may read,
 * posted by the partner agencies through their own door (each sees only its own), read only by those who may read every
 * institution a signal names, linked to one event at most; every refusal named.
 */
@IncidentApiTest
class SignalApiTest {

    static final String SIGNALS = "/api/v1/incidents/signals";
    static final String AGENCY_SIGNALS = "/api/v1/incidents/agency-signals";

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    InstitutionReferences references;
    @Autowired
    MutableClock clock;

    IncidentApiSupport api;
    String zhejiang;
    String guangdongOnly;
    String zhejiangOnly;

    @BeforeEach
    void institutions() {
        clock.setDay(MutableClock.START);
        api = new IncidentApiSupport(mvc, json);
        zhejiang = IncidentApiSupport.newInstitutionId();
        guangdongOnly = IncidentApiSupport.newInstitutionId();
        zhejiangOnly = IncidentApiSupport.newInstitutionId();
        references.apply(List.of(IncidentApiSupport.institution(zhejiang, "33", "44"),
                IncidentApiSupport.institution(guangdongOnly, "44"), IncidentApiSupport.institution(zhejiangOnly, "33")));
    }

    @Test
    void inc01_anOfficerRecordsASignalAboutAnInstitutionItMayRead_theBusinessPlaceToo_centralDoesNot() throws Exception {
        JsonNode signal = api.send(json(post(SIGNALS), TestCaller.ZJ_OFFICER).content(signal("OVERDUE_OR_RUN",
                zhejiang)), 201);
        assertThat(signal.get("id").asString()).matches("SG-20180301-[2-9A-Z]{8}");
        assertThat(signal.get("recordedBy").get("username").asString()).isEqualTo("zj-officer");
        assertThat(signal.get("agency").isNull()).isTrue();
        assertThat(signal.get("eventId").isNull()).isTrue();

        JsonNode seenAtTheBranch = api.send(json(post(SIGNALS), TestCaller.GD_OFFICER).content(signal("LENDER_PROTEST",
                zhejiang)), 201);
        assertThat(api.send(get(SIGNALS + "/" + seenAtTheBranch.get("id").asString()), TestCaller.ZJ_HEAD_FINANCE, 200)
                .get("type").asString()).isEqualTo("LENDER_PROTEST");

        assertThat(api.send(json(post(SIGNALS), TestCaller.CENTRAL).content(signal("RUMOUR", zhejiang)), 403)
                .get("detail").asString()).contains("AUTH-03");
        api.send(json(post(SIGNALS), TestCaller.GD_OFFICER).content(signal("RUMOUR", zhejiangOnly)), 404);
        api.send(json(post(SIGNALS), TestCaller.ZJ_OFFICER).content(signal("RUMOUR", "no-such-institution")), 404);
    }

    @Test
    void inc01_aSignalIsReadOnlyByThoseWhoMayReadEveryInstitutionItNames() throws Exception {
        JsonNode both = api.send(json(post(SIGNALS), TestCaller.ZJ_OFFICER).content(signal("SHAREHOLDER_TROUBLE",
                zhejiang, zhejiangOnly)), 201);
        String id = both.get("id").asString();

        api.send(get(SIGNALS + "/" + id), TestCaller.ZJ_OFFICER, 200);
        api.send(get(SIGNALS + "/" + id), TestCaller.CENTRAL, 200);
        api.send(get(SIGNALS + "/" + id), TestCaller.GD_OFFICER, 404);
        assertThat(ids(api.send(get(SIGNALS), TestCaller.GD_OFFICER, 200))).doesNotContain(id);
        assertThat(ids(api.send(get(SIGNALS).param("institutionId", zhejiang), TestCaller.ZJ_OFFICER, 200)))
                .contains(id);
        assertThat(ids(api.send(get(SIGNALS).param("institutionId", guangdongOnly), TestCaller.ZJ_OFFICER, 200)))
                .isEmpty();
    }

    @Test
    void inc01_anAgencyPostsSignalsThroughItsOwnDoorAndSeesOnlyItsOwn() throws Exception {
        JsonNode posted = api.send(json(post(AGENCY_SIGNALS), TestCaller.PUBLIC_SECURITY).content(signal(
                "EXECUTIVE_TROUBLE", guangdongOnly)), 201);
        String id = posted.get("id").asString();
        assertThat(posted.get("agency").asString()).isEqualTo("PUBLIC_SECURITY");

        assertThat(ids(api.send(get(AGENCY_SIGNALS), TestCaller.PUBLIC_SECURITY, 200))).contains(id);
        assertThat(ids(api.send(get(AGENCY_SIGNALS), TestCaller.TELECOM, 200))).doesNotContain(id);
        api.send(get(AGENCY_SIGNALS + "/" + id), TestCaller.PUBLIC_SECURITY, 200);
        api.send(get(AGENCY_SIGNALS + "/" + id), TestCaller.TELECOM, 404);
        api.send(get(SIGNALS + "/" + id), TestCaller.PUBLIC_SECURITY, 403);
        api.send(json(post(SIGNALS), TestCaller.PUBLIC_SECURITY).content(signal("RUMOUR", guangdongOnly)), 403);
        api.send(json(post(AGENCY_SIGNALS), TestCaller.GD_OFFICER).content(signal("RUMOUR", guangdongOnly)), 403);
        api.send(json(post(AGENCY_SIGNALS), TestCaller.TELECOM).content(signal("RUMOUR", "no-such")), 404);

        assertThat(api.send(get(SIGNALS + "/" + id), TestCaller.GD_OFFICER, 200).get("agency").asString())
                .isEqualTo("PUBLIC_SECURITY");
        api.send(get(SIGNALS + "/" + id), TestCaller.ZJ_OFFICER, 404);
    }

    @Test
    void inc01_aTimeWithoutSecondsIsATime() throws Exception {
        JsonNode signal = api.send(json(post(SIGNALS), TestCaller.ZJ_OFFICER).content("{\"type\":\"RUMOUR\","
                + "\"institutionIds\":[\"" + zhejiang + "\"],\"source\":\"s\",\"observedAt\":\"2018-03-01T08:30+08:00\","
                + "\"description\":\"d\"}"), 201);
        assertThat(signal.get("observedAt").asString()).isEqualTo("2018-03-01T00:30:00Z");
    }

    @Test
    void inc01_badSignalsAreRefusedWithTheMemberNamed() throws Exception {
        assertThat(refused("{\"institutionIds\":[\"" + zhejiang + "\"],\"source\":\"s\",\"observedAt\":"
                + "\"2018-03-01T08:00:00+08:00\",\"description\":\"d\"}")).contains("type");
        assertThat(refused("{\"type\":\"RUMOUR\",\"institutionIds\":[],\"source\":\"s\",\"observedAt\":"
                + "\"2018-03-01T08:00:00+08:00\",\"description\":\"d\"}")).contains("institutionIds");
        assertThat(refused("{\"type\":\"RUMOUR\",\"institutionIds\":[\"" + zhejiang + "\"],\"source\":\"s\","
                + "\"observedAt\":\"2018-03-02T08:00:00+08:00\",\"description\":\"d\"}")).contains("future");
        assertThat(refused("{\"type\":\"RUMOUR\",\"institutionIds\":[\"" + zhejiang + "\"],\"source\":\"s\","
                + "\"observedAt\":\"2018-03-01T08:00:00+08:00\",\"description\":\"a\\u0000b\"}"))
                .contains("description");
        assertThat(refused("{\"type\":\"RUMOUR\",\"institutionIds\":[\"" + zhejiang + "\"],\"source\":\"s\","
                + "\"observedAt\":\"yesterday\",\"description\":\"d\"}")).contains("observedAt", "+08:00");
    }

    @Test
    void inc01_signalsLinkToOneEventOnly_andOnlyToAnEventOfTheirInstitution() throws Exception {
        String signal = api.send(json(post(SIGNALS), TestCaller.ZJ_OFFICER).content(signal("OVERDUE_OR_RUN",
                zhejiang)), 201).get("id").asString();
        String other = api.send(json(post(SIGNALS), TestCaller.ZJ_OFFICER).content(signal("RUMOUR", zhejiangOnly)),
                201).get("id").asString();

        JsonNode event = api.send(json(post("/api/v1/incidents/events"), TestCaller.ZJ_OFFICER).content(
                "{\"institutionId\":\"" + zhejiang + "\",\"type\":\"OVERDUE_PAYMENT\",\"title\":\"逾期\",\"signalIds\":[\""
                        + signal + "\"]}"), 201);
        assertThat(event.get("signalIds").get(0).asString()).isEqualTo(signal);
        assertThat(api.send(get(SIGNALS + "/" + signal), TestCaller.ZJ_OFFICER, 200).get("eventId").asString())
                .isEqualTo(event.get("id").asString());
        assertThat(ids(api.send(get(SIGNALS).param("linked", "false"), TestCaller.ZJ_OFFICER, 200)))
                .doesNotContain(signal).contains(other);

        api.send(json(post("/api/v1/incidents/events"), TestCaller.ZJ_OFFICER).content("{\"institutionId\":\""
                + zhejiang + "\",\"type\":\"OTHER\",\"title\":\"另一事件\",\"signalIds\":[\"" + signal + "\"]}"), 409);
        JsonNode foreign = api.send(json(post("/api/v1/incidents/events/" + event.get("id").asString() + "/signals"),
                TestCaller.ZJ_OFFICER).header("If-Match", etag(event)).content("{\"signalIds\":[\"" + other + "\"]}"),
                422);
        assertThat(rule(foreign)).isEqualTo("INC-01");
        assertThat(api.send(get(SIGNALS + "/" + other), TestCaller.ZJ_OFFICER, 200).get("eventId").isNull()).isTrue();
    }

    // -----------------------------------------------------------------------------------------------------------

    private String refused(String body) throws Exception {
        JsonNode problem = api.send(json(post(SIGNALS), TestCaller.ZJ_OFFICER).content(body), 400);
        return problem.toString();
    }

    private static String signal(String type, String... institutions) {
        return "{\"type\":\"" + type + "\",\"institutionIds\":[\"" + String.join("\",\"", institutions)
                + "\"],\"source\":\"媒体报道\",\"observedAt\":\"2018-03-01T08:30:00+08:00\","
                + "\"description\":\"平台自2月底起限制提现，出借人在公司聚集\"}";
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("content").forEach(s -> ids.add(s.get("id").asString()));
        return ids;
    }
}
