package cn.p2psupervision.portal.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

import cn.p2psupervision.portal.api.AgencyRequest;

/** What the acceptance client sends and reads of central's whitelist and the overdue lists (docs/api.md section 5). */
class AcceptanceApiTest {

    private final RestClient.Builder builder = RestClient.builder().baseUrl("http://gateway");
    private final MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();
    private final AcceptanceApi api = new AcceptanceApi(builder.build());

    private static final String CASE_V4 = """
            {"institutionId": "id-1", "institutionName": "杭州钱塘易贷网络科技有限公司", "creditCode": "91330100MA28A7K3X6",
             "registeredProvince": "33", "businessProvinces": ["44"],
             "splitEntities": [{"name": "杭州钱塘易贷信息技术服务有限公司", "creditCode": "91330106MA2AAAAA1B"}],
             "complexity": "MAIN", "deadline": "2018-04-30", "overdue": false, "largeOrInfluential": false,
             "crossRegion": true, "state": "BANNED", "team": [], "checks": [], "outstandingChecks": [], "opinions": [],
             "conclusion": {"outcome": "BANNING", "reason": "拒不配合验收", "ground": "NOT_COOPERATIVE",
                            "stillOperating": true, "by": {"username": "zj-officer"}, "at": "2018-03-01T01:00:00Z"},
             "notices": [], "certificate": null, "filedOn": null, "openComplaints": 0, "history": [], "deliveries": [],
             "version": 4, "updatedAt": "2018-03-01T01:00:00Z"}""";

    @Test
    void acc15_aChangeOfTheWhitelistSendsTheWholeListTheReasonAndTheVersionAsIfMatch() {
        server.expect(requestTo("http://gateway/api/v1/acceptance/custody-banks")).andExpect(method(HttpMethod.PUT))
                .andExpect(header("If-Match", "\"1\""))
                .andExpect(content().json("""
                        {"banks":["招商银行","浙商银行","上海华瑞银行"],"reason":"第二批存管银行测评结果公布"}"""))
                .andRespond(withSuccess("""
                        {"version": 2, "banks": ["招商银行", "浙商银行", "上海华瑞银行"], "changedBy": "central",
                         "changedAt": "2018-03-01T01:00:00Z", "reason": "第二批存管银行测评结果公布"}""",
                        MediaType.APPLICATION_JSON));

        CustodyBanks changed = api.changeCustodyBanks(List.of("招商银行", "浙商银行", "上海华瑞银行"),
                "第二批存管银行测评结果公布", 1);

        server.verify();
        assertThat(changed.version()).isEqualTo(2);
        assertThat(changed.banks()).hasSize(3);
    }

    @Test
    void acc03_anActSendsItsBodyAndTheCasesVersionAndAMemberLeavesWithoutABody() {
        server.expect(requestTo("http://gateway/api/v1/acceptance/cases/id-1/checks/CUSTODY_BANK"))
                .andExpect(method(HttpMethod.PUT)).andExpect(header("If-Match", "\"3\""))
                .andExpect(content().json("""
                        {"result":"PASSED","evidence":"存管协议","documents":["存管协议-2017-08"],"note":null,
                         "recordedBy":"m1","custodyBank":"浙商银行股份有限公司"}""", JsonCompareMode.STRICT))
                .andRespond(withSuccess(CASE_V4, MediaType.APPLICATION_JSON));
        server.expect(requestTo("http://gateway/api/v1/acceptance/cases/id-1/team/m2"))
                .andExpect(method(HttpMethod.DELETE)).andExpect(header("If-Match", "\"4\""))
                .andExpect(content().string(""))
                .andRespond(withSuccess(CASE_V4, MediaType.APPLICATION_JSON));

        Cases.Case recorded = api.act(HttpMethod.PUT, "checks/{code}", new CaseActsController.CheckBody("PASSED",
                "存管协议", List.of("存管协议-2017-08"), null, "m1", "浙商银行股份有限公司"), 3, "id-1", "CUSTODY_BANK");
        api.act(HttpMethod.DELETE, "team/{memberId}", null, 4, "id-1", "m2");

        server.verify();
        assertThat(recorded.version()).isEqualTo(4);
        assertThat(recorded.splitEntities()).singleElement()
                .satisfies(e -> assertThat(e.creditCode()).isEqualTo("91330106MA2AAAAA1B"));
        assertThat(recorded.conclusion().stillOperating()).isTrue();
    }

    @Test
    void acc01_acc09_theOpeningAndAComplaintsResolution() {
        server.expect(requestTo("http://gateway/api/v1/acceptance/cases")).andExpect(method(HttpMethod.POST))
                .andExpect(content().json("""
                        {"institutionId":"id-1","complexity":"MAIN","largeOrInfluential":null,
                         "splitEntities":[{"name":"拆分一","creditCode":"91330106MA2AAAAA1B"}]}""", JsonCompareMode.STRICT))
                .andRespond(withSuccess(CASE_V4, MediaType.APPLICATION_JSON));
        server.expect(requestTo("http://gateway/api/v1/acceptance/cases/id-1/complaints/TS-20180305-7K3Q9X/resolution"))
                .andExpect(method(HttpMethod.POST)).andExpect(header("If-Match", "\"38\""))
                .andExpect(content().json("""
                        {"foundTrue":false,"reply":"经核查，查无实据。"}""", JsonCompareMode.STRICT))
                .andRespond(withSuccess("""
                        {"complaint": {"receiptNumber": "TS-20180305-7K3Q9X", "state": "UNFOUNDED",
                                       "text": "该平台公示期间仍在发布新标的，疑似资金池。", "contact": "王先生",
                                       "contactWithheld": false, "reply": "经核查，查无实据。", "version": 2},
                         "acceptanceCase": {"state": "ON_NOTICE", "openComplaints": 0, "version": 39}}""",
                        MediaType.APPLICATION_JSON));

        api.open(new Cases.Opening("id-1", "MAIN", null, List.of(new Cases.SplitEntity("拆分一", "91330106MA2AAAAA1B"))));
        Cases.Resolution resolved = api.resolve("id-1", "TS-20180305-7K3Q9X",
                new CaseActsController.ResolutionBody(false, "经核查，查无实据。"), 38);

        server.verify();
        assertThat(resolved.acceptanceCase().version()).isEqualTo(39);
        assertThat(resolved.complaint().state()).isEqualTo("UNFOUNDED");
    }

    @Test
    void acc13_auth05_theOverdueListsArePlainArrays() {
        server.expect(requestTo("http://gateway/api/v1/acceptance/cases/overdue")).andRespond(withSuccess("""
                [{"institutionId": "id-1", "institutionName": "杭州钱塘易贷网络科技有限公司",
                  "creditCode": "91330100MA28A7K3X6", "registeredProvince": "33", "state": "OPEN",
                  "complexity": "MAIN", "deadline": "2018-04-30", "overdue": true, "currentNotice": null,
                  "openComplaints": 0, "version": 38, "updatedAt": "2018-03-05T02:00:00Z"}]""",
                MediaType.APPLICATION_JSON));
        server.expect(requestTo("http://gateway/api/v1/acceptance/overdue-agency-requests")).andRespond(withSuccess("""
                [{"id": "ACC-CANCEL_LICENCE-id-1-v37", "agency": "TELECOM", "kind": "CANCEL_LICENCE",
                  "institutionId": "id-1", "institutionName": "杭州钱塘易贷网络科技有限公司",
                  "creditCode": "91330100MA28A7K3X6", "registeredProvince": "33", "businessProvinces": ["44"],
                  "origin": "acceptance", "originReference": "acceptance/id-1/conclusion-v37",
                  "reasons": ["整改验收结论：取缔（不配合整改验收）"], "requestedAt": "2018-03-01T01:00:00Z",
                  "dueOn": "2018-03-16", "acknowledged": null, "answers": [], "version": 1, "state": "SENT",
                  "overdue": true}]""", MediaType.APPLICATION_JSON));

        List<Cases.Summary> cases = api.overdueCases();
        List<AgencyRequest> requests = api.overdueAgencyRequests();

        server.verify();
        assertThat(cases).singleElement().satisfies(c -> assertThat(c.overdue()).isTrue());
        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo("CANCEL_LICENCE");
            assertThat(r.dueOn()).hasToString("2018-03-16");
        });
    }
}
