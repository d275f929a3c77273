package cn.p2psupervision.acceptance.cases;

import cn.p2psupervision.platform.test.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.p2psupervision.acceptance.AcceptanceApiSupport;
import cn.p2psupervision.acceptance.AcceptanceApiTest;
import cn.p2psupervision.acceptance.CaseDriver;
import cn.p2psupervision.acceptance.classificationfacts.ClassificationFacts;
import cn.p2psupervision.platform.outbox.OutboxRelay;
import cn.p2psupervision.platform.registryfeed.InstitutionReference;
import cn.p2psupervision.platform.registryfeed.InstitutionReferences;
import cn.p2psupervision.platform.test.TestCaller;

/**
 * ACC-07 (3) and ACC-14 with AUTH-05: a banned institution is referred to public security, and a failed institution
 * that still operates is referred for shutdown — telecom cancels its licence and blocks its website, the central bank
 * stops the banks' services, market regulation acts on its registration. Each request is stored with the conclusion in
 * the case's outbox, made once in this context's agency door by the relay, read and answered by its agency only,
 * followed by the regulators of the institution's provinces, and overdue when not answered by its due date.
 */
@AcceptanceApiTest
class AgencyRequestsApiTest {

    static final String DOOR = "/api/v1/acceptance/agency-requests";

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    InstitutionReferences references;
    @Autowired
    CaseService service;
    @Autowired
    MutableClock clock;
    @Autowired
    OutboxRelay relay;
    @MockitoBean
    ClassificationFacts classification;

    CaseDriver driver;
    String id;
    String base;
    InstitutionReference zhejiang;

    @BeforeEach
    void aZhejiangInstitutionDoingBusinessInGuangdong() {
        clock.setDay(MutableClock.START);
        when(classification.of(anyString())).thenAnswer(call -> AcceptanceApiSupport.compliant(call.getArgument(0)));
        driver = new CaseDriver(service, clock);
        id = AcceptanceApiSupport.newInstitutionId();
        base = "/api/v1/acceptance/cases/" + id;
        zhejiang = AcceptanceApiSupport.institution(id, "33", "44");
        references.apply(List.of(zhejiang));
    }

    @Test
    void acc14_auth05_aBannedInstitutionStillOperatingIsReferredToPublicSecurityAndShutDown() throws Exception {
        AcceptanceCase ready = driver.readyToConclude(zhejiang);

        JsonNode banned = send(json(post(base + "/conclusion"), TestCaller.ZJ_OFFICER)
                .header("If-Match", "\"" + ready.version() + "\"").content("""
                        {"outcome":"BANNING","reason":"拒不配合验收，仍在线上发标","ground":"NOT_COOPERATIVE",
                         "stillOperating":true}"""), 200);

        List<String> kinds = new ArrayList<>();
        banned.get("deliveries").forEach(d -> kinds.add(d.get("kind").asString()));
        assertThat(kinds).containsExactly("registry-status", "agency-request", "agency-request", "agency-request",
                "agency-request", "agency-request");

        relay.relayDue();

        JsonNode after = send(get(base).with(TestCaller.ZJ_OFFICER.auth()), 200);
        after.get("deliveries").forEach(d -> {
            if (d.get("kind").asString().equals("agency-request")) {
                assertThat(d.get("state").asString()).isEqualTo("DELIVERED");
            }
        });
        long version = ready.version() + 1;
        String referral = "ACC-REFERRAL-" + id + "-v" + version;
        JsonNode request = send(get(DOOR + "/" + referral).with(TestCaller.PUBLIC_SECURITY.auth()), 200);
        assertThat(request.get("kind").asString()).isEqualTo("REFERRAL");
        assertThat(request.get("origin").asString()).isEqualTo("acceptance");
        assertThat(request.get("institutionName").asString()).isEqualTo(zhejiang.name());
        assertThat(request.get("dueOn").asString()).isEqualTo("2018-03-31");
        assertThat(request.get("reasons").get(0).asString()).contains("取缔", "不配合整改验收");
        assertThat(request.get("businessProvinces").get(0).asString()).isEqualTo("44");

        assertThat(ids(send(get(DOOR).with(TestCaller.TELECOM.auth()), 200))).contains(
                "ACC-CANCEL_LICENCE-" + id + "-v" + version, "ACC-BLOCK_WEBSITE-" + id + "-v" + version)
                .doesNotContain(referral);
        assertThat(ids(send(get(DOOR).with(TestCaller.CENTRAL_BANK.auth()), 200)))
                .contains("ACC-STOP_BANK_SERVICES-" + id + "-v" + version);
        assertThat(ids(send(get(DOOR).with(TestCaller.MARKET_REGULATION.auth()), 200)))
                .contains("ACC-BUSINESS_REGISTRATION-" + id + "-v" + version);
        send(get(DOOR + "/" + referral).with(TestCaller.TELECOM.auth()), 404);
        send(get(DOOR).with(TestCaller.ZJ_OFFICER.auth()), 403);
        send(get(DOOR).with(TestCaller.CENTRAL.auth()), 403);

        for (TestCaller regulator : List.of(TestCaller.ZJ_OFFICER, TestCaller.GD_OFFICER, TestCaller.CENTRAL)) {
            assertThat(send(get("/api/v1/acceptance/institutions/" + id + "/agency-requests").with(regulator.auth()),
                    200)).as(regulator.toString()).hasSize(5);
        }
        send(get("/api/v1/acceptance/institutions/" + id + "/agency-requests").with(TestCaller.TELECOM.auth()), 403);

        JsonNode acknowledged = send(json(post(DOOR + "/" + referral + "/acknowledgement"), TestCaller.PUBLIC_SECURITY)
                .header("Idempotency-Key", "ack-" + id).content("{\"receiptNumber\":\"浙公经受字2018-031\"}"), 200);
        assertThat(acknowledged.get("state").asString()).isEqualTo("ACKNOWLEDGED");
    }

    @Test
    void acc14_aGuidedExitStillOperatingIsShutDownWithoutReferralAndAnUnansweredRequestBecomesOverdue()
            throws Exception {
        AcceptanceCase ready = driver.readyToConclude(zhejiang);
        JsonNode exited = send(json(post(base + "/conclusion"), TestCaller.ZJ_OFFICER)
                .header("If-Match", "\"" + ready.version() + "\"").content("""
                        {"outcome":"GUIDED_EXIT","reason":"配合但未达标，引导退出，网站仍在运行","stillOperating":true}"""),
                200);
        assertThat(exited.get("deliveries")).hasSize(4);
        relay.relayDue();
        long version = ready.version() + 1;
        String licence = "ACC-CANCEL_LICENCE-" + id + "-v" + version;
        String website = "ACC-BLOCK_WEBSITE-" + id + "-v" + version;
        JsonNode request = send(get(DOOR + "/" + licence).with(TestCaller.TELECOM.auth()), 200);
        assertThat(request.get("dueOn").asString()).isEqualTo("2018-03-16");
        assertThat(request.get("overdue").asBoolean()).isFalse();
        send(get(DOOR + "/ACC-REFERRAL-" + id + "-v" + version).with(TestCaller.PUBLIC_SECURITY.auth()), 404);

        clock.setDay("2018-03-17");
        send(json(post(DOOR + "/" + website + "/answers"), TestCaller.TELECOM).header("Idempotency-Key", "ans-" + id)
                .content("{\"text\":\"已关闭网站并下架APP\",\"reference\":\"浙通信函2018-17\"}"), 200);

        List<String> overdue = ids(send(get("/api/v1/acceptance/overdue-agency-requests")
                .with(TestCaller.CENTRAL.auth()), 200));
        assertThat(overdue).contains(licence, "ACC-STOP_BANK_SERVICES-" + id + "-v" + version,
                "ACC-BUSINESS_REGISTRATION-" + id + "-v" + version).doesNotContain(website);
        assertThat(ids(send(get("/api/v1/acceptance/overdue-agency-requests").with(TestCaller.GD_OFFICER.auth()),
                200))).contains(licence);
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(line -> ids.add(line.get("id").asString()));
        return ids;
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, TestCaller caller) {
        return request.contentType(MediaType.APPLICATION_JSON).with(caller.auth());
    }

    private JsonNode send(MockHttpServletRequestBuilder request, int expected) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
        return json.readTree(response.getContentAsString());
    }
}
