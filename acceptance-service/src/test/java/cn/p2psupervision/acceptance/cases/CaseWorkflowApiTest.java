package cn.p2psupervision.acceptance.cases;

import cn.p2psupervision.platform.test.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.p2psupervision.acceptance.AcceptanceApiSupport;
import cn.p2psupervision.acceptance.AcceptanceApiTest;
import cn.p2psupervision.acceptance.classificationfacts.ClassificationFacts;
import cn.p2psupervision.platform.audit.AuditEntry;
import cn.p2psupervision.platform.outbox.OutboxRelay;
import cn.p2psupervision.platform.registryfeed.InstitutionReferences;
import cn.p2psupervision.platform.test.TestCaller;

/**
 * The acceptance story through the API (ACC-01..08, ACC-11, ACC-12, ACC-16, REG-08): a Zhejiang institution doing
 * business in Guangdong, classified for rectification with its rectification finished, is opened; the joint team of
 * three agencies and a third party records the sixteen checks and cross-confirms them; Guangdong gives its opinion;
 * the case passes and goes on notice; fifteen days later the two heads sign and the officer files it, which stores the
 * registry status FILED in the outbox. The registry is not running: that entry stays pending with its error.
 */
@AcceptanceApiTest
class CaseWorkflowApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    InstitutionReferences references;
    @Autowired
    MutableClock clock;
    @Autowired
    OutboxRelay relay;
    @Autowired
    MongoTemplate mongo;
    @MockitoBean
    ClassificationFacts classification;

    String id;
    String base;

    @BeforeEach
    void aZhejiangInstitutionWhoseRectificationIsFinished() {
        clock.setDay(MutableClock.START);
        id = AcceptanceApiSupport.newInstitutionId();
        base = "/api/v1/acceptance/cases/" + id;
        references.apply(List.of(AcceptanceApiSupport.institution(id, "33", "44")));
        when(classification.of(anyString())).thenAnswer(call -> AcceptanceApiSupport.rectification(
                call.getArgument(0), 0,
                AcceptanceApiSupport.finding("FUND_POOL", "RED_LINE", "2016-07-15", "0.00")));
    }

    @Test
    void acc01_to_acc12_openTeamChecksOpinionsPassedNoticeTwoSignaturesAndFiling() throws Exception {
        // ACC-01: opened by the registration province
        JsonNode c = send(json(post("/api/v1/acceptance/cases"), TestCaller.ZJ_OFFICER).content("""
                {"institutionId":"%s","complexity":"MAIN",
                 "splitEntities":[{"name":"某信息技术服务有限公司","creditCode":"91330106MA2AAAAA1B"}]}"""
                .formatted(id)), 201);
        assertThat(c.get("state").asString()).isEqualTo("OPEN");
        assertThat(c.get("deadline").asString()).isEqualTo("2018-04-30");

        // ACC-03: the joint team (third-party professionals may join)
        c = send(member(c, "王检查", "FINANCIAL_OFFICE", "浙江省地方金融监管局"), 201);
        c = send(member(c, "李核验", "BANKING_REGULATOR", "浙江银保监局"), 201);
        c = send(member(c, "钱审计", "THIRD_PARTY", "某会计师事务所"), 201);
        c = send(member(c, "孙行长", "CENTRAL_BANK", "人民银行杭州中心支行"), 201);
        assertThat(c.get("team")).hasSize(4);

        // ACC-04/05/02e..h: sixteen checks, each recorded and confirmed by a member of another agency
        for (CheckCode code : CheckCode.values()) {
            String recorder = code.ordinal() % 2 == 0 ? "m1" : "m3";
            String bank = code == CheckCode.CUSTODY_BANK ? ",\"custodyBank\":\"浙商银行\"" : "";
            c = send(json(put(base + "/checks/" + code), TestCaller.ZJ_OFFICER).header("If-Match", etag(c))
                    .content("{\"result\":\"PASSED\",\"evidence\":\"核查" + code.chinese() + "，未发现问题\","
                            + "\"documents\":[\"底稿-" + code + "\"],\"recordedBy\":\"" + recorder + "\"" + bank + "}"),
                    200);
            String confirmer = code.ordinal() % 3 == 0 ? "m4" : "m2";
            c = send(json(post(base + "/checks/" + code + "/confirmation"), TestCaller.ZJ_HEAD_FINANCE)
                    .header("If-Match", etag(c)).content("{\"confirmedBy\":\"" + confirmer + "\"}"), 200);
        }
        assertThat(c.get("checks")).hasSize(16);
        assertThat(c.get("outstandingChecks")).isEmpty();

        // ACC-02: every gate passes now
        JsonNode gates = send(get(base + "/gates").with(TestCaller.ZJ_OFFICER.auth()), 200);
        assertThat(gates.get("passed").asBoolean()).as(gates.toString()).isTrue();

        // ACC-16: Guangdong's opinion
        c = send(json(post(base + "/opinions/44"), TestCaller.GD_OFFICER).header("If-Match", etag(c))
                .content("{\"agrees\":true,\"text\":\"广东省未发现该机构在粤违规经营，同意验收\"}"), 200);

        // ACC-07/08: passed, the notice starts
        c = send(json(post(base + "/conclusion"), TestCaller.ZJ_OFFICER).header("If-Match", etag(c))
                .content("{\"outcome\":\"PASSED\",\"reason\":\"联合验收小组各项检查均通过\"}"), 200);
        assertThat(c.get("state").asString()).isEqualTo("ON_NOTICE");
        assertThat(c.at("/notices/0/startedOn").asString()).isEqualTo("2018-03-01");
        assertThat(c.at("/notices/0/earliestEndOn").asString()).isEqualTo("2018-03-16");

        // ACC-08: fifteen days on, the notice has run 14 full days
        clock.plusDays(15);
        c = send(get(base).with(TestCaller.ZJ_OFFICER.auth()), 200);
        assertThat(c.at("/notices/0/state").asString()).isEqualTo("COMPLETED");

        // ACC-11: two heads, one of each agency
        c = send(post(base + "/certificate/signatures").header("If-Match", etag(c))
                .with(TestCaller.ZJ_HEAD_REGULATOR.auth()), 200);
        assertThat(c.get("state").asString()).isEqualTo("ON_NOTICE");
        c = send(post(base + "/certificate/signatures").header("If-Match", etag(c))
                .with(TestCaller.ZJ_HEAD_FINANCE.auth()), 200);
        assertThat(c.get("state").asString()).isEqualTo("CERTIFIED");
        assertThat(c.at("/certificate/issuedOn").asString()).isEqualTo("2018-03-16");
        assertThat(c.at("/certificate/verificationCode").asString()).hasSize(19);

        // ACC-12: filing, and the registry status FILED in the outbox of the same write
        c = send(post(base + "/filing").header("If-Match", etag(c)).with(TestCaller.ZJ_OFFICER.auth()), 200);
        assertThat(c.get("state").asString()).isEqualTo("FILED");
        assertThat(c.get("filedOn").asString()).isEqualTo("2018-03-16");
        assertThat(c.get("deliveries")).singleElement().satisfies(d -> {
            assertThat(d.get("kind").asString()).isEqualTo("registry-status");
            assertThat(d.get("state").asString()).isEqualTo("PENDING");
        });

        relay.relayDue();
        JsonNode after = send(get(base).with(TestCaller.CENTRAL.auth()), 200);
        JsonNode status = after.get("deliveries").get(0);
        assertThat(status.get("state").asString()).isEqualTo("PENDING");
        assertThat(status.get("attempts").asInt()).isEqualTo(1);
        assertThat(status.get("lastError").asString()).contains("registry-service");

        // the timeline, and the audit trail of every act
        List<String> timeline = new ArrayList<>();
        after.get("history").forEach(line -> timeline.add(line.get("what").asString()));
        assertThat(timeline).startsWith("OPENED", "TEAM_MEMBER_ADDED").endsWith("OPINION_ANSWERED", "CONCLUDED",
                "CERTIFICATE_SIGNED", "CERTIFICATE_ISSUED", "FILED");
        assertThat(after.get("version").asLong()).isEqualTo(timeline.size());
        List<AuditEntry> trail = mongo.find(Query.query(Criteria.where("entityType").is("acceptance-case")
                .and("entityId").is(id)), AuditEntry.class);
        assertThat(trail).hasSize(timeline.size());
        assertThat(trail).extracting(AuditEntry::action).contains("OPEN_CASE", "CONCLUDE", "SIGN_CERTIFICATE",
                "FILE");

        // the filed case in the lists
        JsonNode filed = send(get("/api/v1/acceptance/cases?state=FILED&size=200").with(TestCaller.ZJ_OFFICER
                .auth()), 200);
        List<String> ids = new ArrayList<>();
        filed.get("content").forEach(line -> ids.add(line.get("institutionId").asString()));
        assertThat(ids).contains(id);
    }

    private MockHttpServletRequestBuilder member(JsonNode c, String name, String agency, String organisation) {
        return json(post(base + "/team"), TestCaller.ZJ_OFFICER).header("If-Match", etag(c))
                .content("{\"name\":\"" + name + "\",\"agency\":\"" + agency + "\",\"organisation\":\"" + organisation
                        + "\"}");
    }

    private static String etag(JsonNode view) {
        return "\"" + view.get("version").asLong() + "\"";
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, TestCaller caller) {
        return request.contentType(MediaType.APPLICATION_JSON).with(caller.auth());
    }

    private JsonNode send(MockHttpServletRequestBuilder request, int expected) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
        if (request.toString() != null && response.getContentAsString().contains("\"history\"")) {
            assertThat(response.getHeader("ETag")).as("a case answers its version").isNotNull();
        }
        return json.readTree(response.getContentAsString());
    }
}
