package cn.p2psupervision.incident.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
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

import cn.p2psupervision.incident.IncidentApiTest;
import cn.p2psupervision.platform.audit.AuditEntry;
import cn.p2psupervision.platform.test.TestCaller;

/**
 * INC-11: the thresholds of off-site monitoring (非现场监测) are central, versioned data: defaults until the central
 * office sets others, read by every regulator, changed by the central office only, with a reason and the version it
 * read (AUTH-03, AUTH-07), each value a percentage above 0 and at most 100 with two decimals.
 */
@IncidentApiTest
class MonitoringThresholdsApiTest {

    static final String PATH = "/api/v1/incidents/monitoring-thresholds";
    static final String CHANGE = """
            {"overdueRateMax":"8.50","balanceFallMaxPercent":25,"lendersFallMaxPercent":"20.00",
             "reason":"整治办通知：收紧非现场监测阈值"}""";

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MonitoringThresholdSettings settings;

    /** Before and after: the defaults only, as the other tests of the shared context expect them. */
    @BeforeEach
    void theDefaultsOnly() {
        mongo.remove(new Query(), MonitoringThresholdStore.COLLECTION);
        mongo.remove(Query.query(Criteria.where("entityType").is(MonitoringThresholdSettings.AUDIT_TYPE)),
                "audit_trail");
    }

    @AfterEach
    void theDefaultsAgain() {
        theDefaultsOnly();
    }

    @Test
    void inc11_untilTheCentralOfficeSetsOthersTheDefaultsAreInForce() throws Exception {
        for (TestCaller regulator : List.of(TestCaller.ZJ_OFFICER, TestCaller.GD_HEAD_FINANCE, TestCaller.CENTRAL)) {
            MockHttpServletResponse response = mvc.perform(get(PATH).with(regulator.auth())).andReturn().getResponse();
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getHeader("ETag")).isEqualTo("\"1\"");
            JsonNode thresholds = json.readTree(response.getContentAsString());
            assertThat(thresholds.get("version").asLong()).isEqualTo(1);
            assertThat(thresholds.get("overdueRateMax").asString()).isEqualTo("10.00");
            assertThat(thresholds.get("balanceFallMaxPercent").asString()).isEqualTo("30.00");
            assertThat(thresholds.get("lendersFallMaxPercent").asString()).isEqualTo("30.00");
            assertThat(thresholds.get("changedBy").isNull()).isTrue();
        }
        assertThat(settings.current()).isEqualTo(MonitoringThresholdVersion.DEFAULTS);
    }

    @Test
    void inc11_theCentralOfficeSetsTheThresholdsWithAReasonBasedOnTheVersionItRead() throws Exception {
        JsonNode changed = send(change(CHANGE).header("If-Match", "\"1\""), TestCaller.CENTRAL, 200);

        assertThat(changed.get("version").asLong()).isEqualTo(2);
        assertThat(changed.get("overdueRateMax").asString()).isEqualTo("8.50");
        assertThat(changed.get("balanceFallMaxPercent").asString()).isEqualTo("25.00");
        assertThat(changed.get("lendersFallMaxPercent").asString()).isEqualTo("20.00");
        assertThat(changed.get("changedBy").asString()).isEqualTo("central");
        assertThat(settings.current().lendersFallMaxPercent()).isEqualByComparingTo("20");
        assertThat(send(get(PATH + "/history"), TestCaller.GD_OFFICER, 200)).hasSize(2);
        assertThat(mongo.find(Query.query(Criteria.where("entityType").is(MonitoringThresholdSettings.AUDIT_TYPE)),
                AuditEntry.class)).singleElement().satisfies(entry -> {
                    assertThat(entry.action()).isEqualTo("CHANGE");
                    assertThat(entry.username()).isEqualTo("central");
                    assertThat(entry.reason()).isEqualTo("整治办通知：收紧非现场监测阈值");
                });
    }

    @Test
    void auth03_onlyTheCentralOfficeSetsTheThresholds() throws Exception {
        for (TestCaller provincial : List.of(TestCaller.ZJ_OFFICER, TestCaller.ZJ_HEAD_FINANCE,
                TestCaller.GD_HEAD_REGULATOR)) {
            send(change(CHANGE).header("If-Match", "\"1\""), provincial, 403);
        }
        assertThat(settings.currentVersion().version()).isEqualTo(1);
    }

    @Test
    void inc11_aChangeWithoutTheVersionReadIs428AndOnAnOlderVersion412() throws Exception {
        send(change(CHANGE), TestCaller.CENTRAL, 428);
        JsonNode stale = send(change(CHANGE).header("If-Match", "\"7\""), TestCaller.CENTRAL, 412);
        assertThat(stale.get("currentVersion").asLong()).isEqualTo(1);

        send(change(CHANGE).header("If-Match", "\"1\""), TestCaller.CENTRAL, 200);
        send(change(CHANGE).header("If-Match", "\"1\""), TestCaller.CENTRAL, 412);
    }

    @ParameterizedTest(name = "INC-11 a threshold of {0} is a 400 problem")
    @ValueSource(strings = {"0", "\"0.00\"", "-5", "\"100.01\"", "\"12.345\"", "null", "\"ten\""})
    void inc11_aThresholdOutsideZeroToAHundredOrWithMoreThanTwoDecimalsIsA400Problem(String value) throws Exception {
        JsonNode refused = send(change("""
                {"overdueRateMax":"10.00","balanceFallMaxPercent":%s,"lendersFallMaxPercent":"30.00","reason":"x"}"""
                .formatted(value)).header("If-Match", "\"1\""), TestCaller.CENTRAL, 400);

        assertThat(refused.toString()).contains("balanceFallMaxPercent");
        assertThat(settings.currentVersion().version()).isEqualTo(1);
    }

    @Test
    void auth07_aChangeWithoutAReasonIsA400Problem() throws Exception {
        send(change("""
                {"overdueRateMax":"10.00","balanceFallMaxPercent":"30.00","lendersFallMaxPercent":"30.00"}""")
                .header("If-Match", "\"1\""), TestCaller.CENTRAL, 400);
    }

    @ParameterizedTest(name = "AUTH-05 {0} does not read the thresholds")
    @EnumSource(value = TestCaller.class, names = {"PUBLIC_SECURITY", "TELECOM", "INTERNAL", "ANONYMOUS"})
    void inc11_theThresholdsAreTheRegulatorsData(TestCaller caller) throws Exception {
        send(get(PATH), caller, caller == TestCaller.ANONYMOUS ? 401 : 403);
    }

    private static MockHttpServletRequestBuilder change(String body) {
        return put(PATH).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private JsonNode send(MockHttpServletRequestBuilder request, TestCaller caller, int expected) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(caller.auth())).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
        String body = response.getContentAsString();
        return body.isEmpty() ? json.nullNode() : json.readTree(body);
    }
}
