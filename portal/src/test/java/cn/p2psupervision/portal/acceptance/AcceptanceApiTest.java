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
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

import cn.p2psupervision.portal.api.AgencyRequest;

/** What the acceptance client sends and reads of central's whitelist and the overdue lists (docs/api.md section 5). */
class AcceptanceApiTest {

    private final RestClient.Builder builder = RestClient.builder().baseUrl("http://gateway");
    private final MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();
    private final AcceptanceApi api = new AcceptanceApi(builder.build());

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
