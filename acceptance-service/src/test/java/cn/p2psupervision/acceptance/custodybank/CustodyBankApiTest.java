package cn.p2psupervision.acceptance.custodybank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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

import cn.p2psupervision.acceptance.AcceptanceApiTest;
import cn.p2psupervision.acceptance.classificationfacts.ClassificationFacts;
import cn.p2psupervision.platform.audit.AuditEntry;
import cn.p2psupervision.platform.test.TestCaller;

/**
 * ACC-15: the custody-bank whitelist (存管银行白名单) is central, versioned data: seeded with the banks that passed the
 * custody evaluation, read by every regulator, changed by the central office only, with a reason and the version it
 * read (AUTH-03, AUTH-07).
 */
@AcceptanceApiTest
class CustodyBankApiTest {

    static final String PATH = "/api/v1/acceptance/custody-banks";

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    CustodyBankWhitelist whitelist;
    @MockitoBean
    ClassificationFacts classification;

    /** Before and after: the seed only, as the other tests of the shared context expect it. */
    @BeforeEach
    void theSeedOnly() {
        mongo.remove(new Query(), CustodyBankStore.COLLECTION);
        mongo.remove(Query.query(Criteria.where("entityType").is(CustodyBankWhitelist.AUDIT_TYPE)), "audit_trail");
        whitelist.seed();
    }

    @AfterEach
    void theSeedAgain() {
        theSeedOnly();
    }

    @Test
    void acc15_version1IsTheSeedOfBanksThatPassedTheCustodyEvaluation() throws Exception {
        for (TestCaller regulator : List.of(TestCaller.ZJ_OFFICER, TestCaller.GD_HEAD_FINANCE, TestCaller.CENTRAL)) {
            MockHttpServletResponse response = mvc.perform(get(PATH).with(regulator.auth())).andReturn().getResponse();
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getHeader("ETag")).isEqualTo("\"1\"");
            JsonNode list = json.readTree(response.getContentAsString());
            assertThat(list.get("version").asLong()).isEqualTo(1);
            assertThat(banks(list)).hasSize(20).contains("中国民生银行", "招商银行", "浙商银行", "宁波银行");
            assertThat(list.get("changedBy").isNull()).isTrue();
        }
        assertThat(mvc.perform(get(PATH).header("If-None-Match", "\"1\"").with(TestCaller.ZJ_OFFICER.auth()))
                .andReturn().getResponse().getStatus()).isEqualTo(304);
    }

    @Test
    void acc15_theCentralOfficeChangesTheWholeListWithAReasonBasedOnTheVersionItRead() throws Exception {
        String body = """
                {"banks":["招商银行","浙商银行","上海华瑞银行"],"reason":"第二批存管银行测评结果公布"}""";
        send(change(body).header("If-Match", "\"1\""), TestCaller.ZJ_HEAD_FINANCE, 403);
        send(change(body), TestCaller.CENTRAL, 428);
        send(change(body).header("If-Match", "\"9\""), TestCaller.CENTRAL, 412);
        send(change("{\"banks\":[\"招商银行\"]}").header("If-Match", "\"1\""), TestCaller.CENTRAL, 400);
        send(change("{\"banks\":[],\"reason\":\"x\"}").header("If-Match", "\"1\""), TestCaller.CENTRAL, 400);
        JsonNode twice = send(change("{\"banks\":[\"招商银行\",\" 招商银行 \"],\"reason\":\"x\"}")
                .header("If-Match", "\"1\""), TestCaller.CENTRAL, 400);
        assertThat(twice.toString()).contains("banks[1]");

        JsonNode changed = send(change(body).header("If-Match", "\"1\""), TestCaller.CENTRAL, 200);

        assertThat(changed.get("version").asLong()).isEqualTo(2);
        assertThat(banks(changed)).containsExactly("招商银行", "浙商银行", "上海华瑞银行");
        assertThat(changed.get("changedBy").asString()).isEqualTo("central");
        assertThat(whitelist.current().lists("上海华瑞银行股份有限公司")).isTrue();
        assertThat(whitelist.current().lists("中国民生银行")).isFalse();
        JsonNode history = send(get(PATH + "/history"), TestCaller.GD_OFFICER, 200);
        assertThat(history).hasSize(2);
        assertThat(mongo.find(Query.query(Criteria.where("entityType").is(CustodyBankWhitelist.AUDIT_TYPE)),
                AuditEntry.class)).singleElement().satisfies(entry -> {
                    assertThat(entry.action()).isEqualTo("CHANGE");
                    assertThat(entry.reason()).isEqualTo("第二批存管银行测评结果公布");
                });
        send(change(body).header("If-Match", "\"1\""), TestCaller.CENTRAL, 412);
    }

    @ParameterizedTest(name = "AUTH-05 {0} does not read the whitelist")
    @EnumSource(value = TestCaller.class, names = {"PUBLIC_SECURITY", "TELECOM", "ANONYMOUS"})
    void acc15_theWhitelistIsTheRegulatorsData(TestCaller caller) throws Exception {
        send(get(PATH), caller, caller == TestCaller.ANONYMOUS ? 401 : 403);
    }

    @Test
    void acc15_aBankIsListedByItsNameOrItsFullCompanyName() {
        CustodyBankList seed = CustodyBankList.seed(Instant.parse("2017-12-01T00:00:00Z"));

        assertThat(seed.lists("浙商银行")).isTrue();
        assertThat(seed.lists("浙商银行股份有限公司")).isTrue();
        assertThat(seed.lists(" 招商 银行 ")).isTrue();
        assertThat(seed.lists("浙商")).isFalse();
        assertThat(seed.lists("某农村商业银行股份有限公司")).isFalse();
        assertThat(seed.lists(null)).isFalse();
    }

    private static List<String> banks(JsonNode list) {
        List<String> banks = new ArrayList<>();
        list.get("banks").forEach(b -> banks.add(b.asString()));
        return banks;
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
