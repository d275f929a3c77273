package cn.p2psupervision.incident.watch;

import static cn.p2psupervision.incident.watch.WatchFigures.institution;
import static cn.p2psupervision.incident.watch.WatchFigures.newInstitutionId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.p2psupervision.incident.IncidentApiTest;
import cn.p2psupervision.platform.audit.AuditEntry;
import cn.p2psupervision.platform.audit.AuditTrail;
import cn.p2psupervision.platform.registryfeed.InstitutionReferences;
import cn.p2psupervision.platform.test.MutableClock;
import cn.p2psupervision.platform.test.TestCaller;

/**
 * INC-10 with the registry unreachable: a closure of bidding (投标功能关闭) recorded by an officer of the registration
 * province lists the institution as a zombie (僵尸类) at once, without a scan, until withdrawn; the list follows
 * AUTH-02; a refresh while the registry is down is a 503 problem that stores nothing.
 */
@IncidentApiTest
class BiddingClosureApiTest {

    static final String ZOMBIES = "/api/v1/incidents/zombies";
    static final String CLOSURES = ZOMBIES + "/bidding-closures";

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    InstitutionReferences references;
    @Autowired
    AuditTrail audit;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MutableClock clock;

    String zhejiang;

    @BeforeEach
    void aZhejiangInstitution() {
        clock.setDay(MutableClock.START);
        zhejiang = newInstitutionId();
        references.apply(List.of(institution(zhejiang, "33", "OPERATING")));
    }

    @Test
    void inc10_aRecordedClosureOfBiddingMakesAZombieAtOnceWithItsDayAndEvidence() throws Exception {
        MockHttpServletResponse response = mvc.perform(closure(zhejiang, "2018-02-27", "官网投标入口已关闭，截图存档")
                .with(TestCaller.ZJ_OFFICER.auth())).andReturn().getResponse();

        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        assertThat(response.getHeader("Location")).isEqualTo(CLOSURES + "/" + zhejiang);
        JsonNode recorded = json.readTree(response.getContentAsString());
        assertThat(recorded.get("observedOn").asString()).isEqualTo("2018-02-27");
        assertThat(recorded.get("recordedBy").asString()).isEqualTo("zj-officer");

        JsonNode zombie = send(get(ZOMBIES + "/" + zhejiang), TestCaller.ZJ_OFFICER, 200);
        assertThat(zombie.get("name").asString()).isEqualTo("测试网贷平台 " + zhejiang);
        assertThat(zombie.get("registeredProvince").asString()).isEqualTo("33");
        assertThat(zombie.get("status").asString()).isEqualTo("OPERATING");
        assertThat(zombie.at("/reasons/0/rule").asString()).isEqualTo("BIDDING_CLOSED");
        assertThat(zombie.at("/reasons/0/observedOn").asString()).isEqualTo("2018-02-27");
        assertThat(zombie.at("/reasons/0/evidence").asString()).isEqualTo("官网投标入口已关闭，截图存档");
        assertThat(zombie.get("detectedAt").asString()).isEqualTo("2018-03-01T01:00:00Z");
        assertThat(listed(TestCaller.CENTRAL, "")).contains(zhejiang);
        assertThat(send(get(CLOSURES + "/" + zhejiang), TestCaller.CENTRAL, 200).get("evidence").asString())
                .isEqualTo("官网投标入口已关闭，截图存档");
        assertThat(audit.trailOf(ZombieService.AUDIT_TYPE, zhejiang)).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("RECORD_BIDDING_CLOSURE");
            assertThat(entry.username()).isEqualTo("zj-officer");
        });

        JsonNode twice = send(closure(zhejiang, "2018-02-28", "again"), TestCaller.ZJ_HEAD_FINANCE, 409);
        assertThat(twice.get("detail").asString()).contains("INC-10");
    }

    @Test
    void inc10_aWithdrawnClosureTakesTheInstitutionOffTheListWithAReason() throws Exception {
        send(closure(zhejiang, "2018-02-27", "投标入口关闭"), TestCaller.ZJ_OFFICER, 201);
        clock.plusMinutes(30);

        send(withdrawal(zhejiang, "{}"), TestCaller.ZJ_OFFICER, 400);
        send(withdrawal(zhejiang, "{\"reason\":\"x\"}"), TestCaller.GD_OFFICER, 404);
        send(withdrawal(zhejiang, "{\"reason\":\"x\"}"), TestCaller.CENTRAL, 403);
        send(withdrawal(zhejiang, "{\"reason\":\"投标功能已恢复，核查属实\"}"), TestCaller.ZJ_OFFICER, 204);

        send(get(ZOMBIES + "/" + zhejiang), TestCaller.ZJ_OFFICER, 404);
        send(get(CLOSURES + "/" + zhejiang), TestCaller.ZJ_OFFICER, 404);
        assertThat(listed(TestCaller.ZJ_OFFICER, "")).doesNotContain(zhejiang);
        send(withdrawal(zhejiang, "{\"reason\":\"again\"}"), TestCaller.ZJ_OFFICER, 404);
        assertThat(audit.trailOf(ZombieService.AUDIT_TYPE, zhejiang)).extracting(AuditEntry::action)
                .containsExactly("RECORD_BIDDING_CLOSURE", "WITHDRAW_BIDDING_CLOSURE");
        assertThat(audit.trailOf(ZombieService.AUDIT_TYPE, zhejiang).get(1).reason()).isEqualTo("投标功能已恢复，核查属实");

        send(closure(zhejiang, "2018-03-01", "又关闭了"), TestCaller.ZJ_OFFICER, 201);
    }

    @Test
    void auth02_onlyAnOfficerOfTheRegistrationProvinceRecordsAClosure() throws Exception {
        String crossRegion = newInstitutionId();
        references.apply(List.of(institution(crossRegion, "33", "OPERATING", "44")));

        send(closure(crossRegion, "2018-02-27", "x"), TestCaller.GD_OFFICER, 403);
        send(closure(crossRegion, "2018-02-27", "x"), TestCaller.CENTRAL, 403);
        send(closure(zhejiang, "2018-02-27", "x"), TestCaller.GD_OFFICER, 404);
        send(closure("no-such-institution", "2018-02-27", "x"), TestCaller.ZJ_OFFICER, 404);
        assertThat(listed(TestCaller.CENTRAL, "")).doesNotContain(crossRegion, zhejiang);
    }

    @ParameterizedTest(name = "AUTH-05 {0} has no door to the zombie list")
    @EnumSource(value = TestCaller.class, names = {"PUBLIC_SECURITY", "TELECOM", "INTERNAL", "ANONYMOUS"})
    void auth05_theZombieListIsTheRegulators(TestCaller caller) throws Exception {
        int expected = caller == TestCaller.ANONYMOUS ? 401 : 403;
        send(get(ZOMBIES), caller, expected);
        send(closure(zhejiang, "2018-02-27", "x"), caller, expected);
        send(post(ZOMBIES + "/refresh"), caller, expected);
    }

    @ParameterizedTest(name = "INC-10 a closure {0} is a 400 problem")
    @ValueSource(strings = {
            "{\"institutionId\":\"%s\",\"evidence\":\"x\"}",
            "{\"institutionId\":\"%s\",\"observedOn\":\"2018-03-02\",\"evidence\":\"x\"}",
            "{\"institutionId\":\"%s\",\"observedOn\":\"2018-02-30\",\"evidence\":\"x\"}",
            "{\"institutionId\":\"%s\",\"observedOn\":\"2018-02-27\"}",
            "{\"institutionId\":\"%s\",\"observedOn\":\"2018-02-27\",\"evidence\":\" \"}",
            "{\"observedOn\":\"2018-02-27\",\"evidence\":\"x\"}"})
    void inc10_aClosureWithoutADayNotInTheFutureOrWithoutEvidenceIsA400Problem(String body) throws Exception {
        send(post(CLOSURES).contentType(MediaType.APPLICATION_JSON).content(body.formatted(zhejiang)),
                TestCaller.ZJ_OFFICER, 400);
        send(post(CLOSURES).contentType(MediaType.APPLICATION_JSON).content("""
                {"institutionId":"%s","observedOn":"2018-02-27","evidence":"%s"}"""
                .formatted(zhejiang, "证".repeat(2001))), TestCaller.ZJ_OFFICER, 400);
        send(get(ZOMBIES + "/" + zhejiang), TestCaller.ZJ_OFFICER, 404);
    }

    @Test
    void inc10_anInstitutionAlreadyOutIsNeverListed() throws Exception {
        String banned = newInstitutionId();
        references.apply(List.of(institution(banned, "33", "BANNED")));

        JsonNode refused = send(closure(banned, "2018-02-27", "x"), TestCaller.ZJ_OFFICER, 422);
        assertThat(refused.get("rule").asString()).isEqualTo("INC-10");
        send(get(ZOMBIES + "/" + banned), TestCaller.CENTRAL, 404);
        assertThat(listed(TestCaller.CENTRAL, "")).doesNotContain(banned);
    }

    @Test
    void auth02_gdOfficerSeesGuangdongZombiesAndZhejiangOnesDoingBusinessThereNeverZhejiangOnlyOnes() throws Exception {
        String guangdong = newInstitutionId();
        String crossRegion = newInstitutionId();
        references.apply(List.of(institution(guangdong, "44", "OPERATING"),
                institution(crossRegion, "33", "SUSPENDED", "44", "31")));
        send(closure(zhejiang, "2018-02-20", "浙江：投标关闭"), TestCaller.ZJ_OFFICER, 201);
        send(closure(crossRegion, "2018-02-21", "浙江（粤经营）：投标关闭"), TestCaller.ZJ_OFFICER, 201);
        send(closure(guangdong, "2018-02-22", "广东：投标关闭"), TestCaller.GD_OFFICER, 201);

        assertThat(listed(TestCaller.GD_OFFICER, "")).contains(guangdong, crossRegion).doesNotContain(zhejiang);
        send(get(ZOMBIES + "/" + zhejiang), TestCaller.GD_OFFICER, 404);
        send(get(CLOSURES + "/" + zhejiang), TestCaller.GD_OFFICER, 404);
        assertThat(send(get(ZOMBIES + "/" + crossRegion), TestCaller.GD_OFFICER, 200).get("status").asString())
                .isEqualTo("SUSPENDED");
        assertThat(listed(TestCaller.ZJ_OFFICER, "")).contains(zhejiang, crossRegion).doesNotContain(guangdong);
        assertThat(listed(TestCaller.CENTRAL, "")).contains(zhejiang, crossRegion, guangdong);
        assertThat(listed(TestCaller.CENTRAL, "province=44")).contains(guangdong, crossRegion)
                .doesNotContain(zhejiang);
        assertThat(listed(TestCaller.CENTRAL, "province=31")).contains(crossRegion)
                .doesNotContain(zhejiang, guangdong);
        assertThat(listed(TestCaller.GD_OFFICER, "province=33")).contains(crossRegion)
                .doesNotContain(zhejiang, guangdong);
        send(get(ZOMBIES + "?province=99"), TestCaller.CENTRAL, 400);
        send(get(ZOMBIES + "?size=201"), TestCaller.CENTRAL, 400);

        JsonNode page = send(get(ZOMBIES + "?page=0&size=1"), TestCaller.GD_OFFICER, 200);
        assertThat(page.get("content")).hasSize(1);
        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(1);
        assertThat(page.get("totalElements").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void inc10_aRefreshWhileTheRegistryIsDownIsA503ProblemNamingItAndStoresNothing() throws Exception {
        send(closure(zhejiang, "2018-02-27", "投标入口关闭"), TestCaller.ZJ_OFFICER, 201);
        List<Document> zombiesBefore = all(ZombieStore.COLLECTION);
        List<Document> alertsBefore = all(AlertStore.COLLECTION);

        JsonNode refused = send(post(ZOMBIES + "/refresh"), TestCaller.CENTRAL, 503);

        assertThat(refused.get("type").asString()).isEqualTo("urn:p2p-supervision:problem:service-unavailable");
        assertThat(refused.get("service").asString()).isEqualTo("registry-service");
        assertThat(all(ZombieStore.COLLECTION)).isEqualTo(zombiesBefore);
        assertThat(all(AlertStore.COLLECTION)).isEqualTo(alertsBefore);
        assertThat(listed(TestCaller.ZJ_OFFICER, "")).contains(zhejiang);
    }

    private List<Document> all(String collection) {
        return mongo.find(new Query().with(Sort.by("_id")), Document.class, collection);
    }

    /** The ids on every page of the caller's list. */
    private List<String> listed(TestCaller caller, String query) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode content = send(get(ZOMBIES + "?size=200&page=" + page + (query.isEmpty() ? "" : "&" + query)),
                    caller, 200).get("content");
            content.forEach(zombie -> ids.add(zombie.get("institutionId").asString()));
            if (content.size() < 200) {
                return ids;
            }
        }
    }

    private static MockHttpServletRequestBuilder closure(String institutionId, String observedOn, String evidence) {
        return post(CLOSURES).contentType(MediaType.APPLICATION_JSON).content("""
                {"institutionId":"%s","observedOn":"%s","evidence":"%s"}""".formatted(institutionId, observedOn,
                evidence));
    }

    private static MockHttpServletRequestBuilder withdrawal(String institutionId, String body) {
        return post(CLOSURES + "/" + institutionId + "/withdrawal").contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    private JsonNode send(MockHttpServletRequestBuilder request, TestCaller caller, int expected) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(caller.auth())).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
        String body = response.getContentAsString();
        return body.isEmpty() ? json.nullNode() : json.readTree(body);
    }
}
