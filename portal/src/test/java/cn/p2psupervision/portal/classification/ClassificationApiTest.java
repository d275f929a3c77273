package cn.p2psupervision.portal.classification;

import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.headerDoesNotExist;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;
import static org.hamcrest.Matchers.containsString;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.web.client.RestClient;

import cn.p2psupervision.portal.api.ApiProblem;
import cn.p2psupervision.portal.api.ApiProblemException;

/** What the classification client sends: the version the page showed, as {@code If-Match} (docs/api.md "Versions"). */
class ClassificationApiTest {

    private static final String DECISION = "http://gateway/api/v1/classification/institutions/id-1/decision";
    private static final String ANSWER = """
            {"institutionId":"id-1","registeredProvince":"33","version":2,
             "decision":{"round":1,"version":2,"state":"APPROVED","category":"BANNING"}}""";

    private final RestClient.Builder builder = RestClient.builder().baseUrl("http://gateway");
    private final MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();
    private final ClassificationApi api = new ClassificationApi(builder.build());

    @Test
    void auth04_theApprovalSendsTheVersionAsIfMatch() {
        server.expect(requestTo(DECISION + "/approval")).andExpect(method(HttpMethod.POST))
                .andExpect(header("If-Match", "\"1\"")).andRespond(withSuccess(ANSWER, MediaType.APPLICATION_JSON));

        api.approve("id-1", 1);

        server.verify();
    }

    @Test
    void cls07_theFirstRecordHasNoIfMatchAndAChangeNamesItsVersion() {
        server.expect(requestTo(DECISION)).andExpect(headerDoesNotExist("If-Match"))
                .andExpect(content().json("{\"category\":\"RECTIFICATION\",\"reason\":null}"))
                .andRespond(withSuccess(ANSWER, MediaType.APPLICATION_JSON));
        server.expect(requestTo(DECISION)).andExpect(header("If-Match", "\"2\""))
                .andExpect(content().json("{\"category\":\"BANNING\",\"reason\":\"资金池\"}"))
                .andRespond(withSuccess(ANSWER, MediaType.APPLICATION_JSON));

        api.record("id-1", "RECTIFICATION", null, null);
        api.record("id-1", "BANNING", "资金池", 2L);

        server.verify();
    }

    @Test
    void auth03_theReopeningSendsTheReasonAndTheVersionAsIfMatch() {
        server.expect(requestTo(DECISION + "/reopening")).andExpect(method(HttpMethod.POST))
                .andExpect(header("If-Match", "\"2\"")).andExpect(content().json("{\"reason\":\"复核\"}"))
                .andRespond(withSuccess(ANSWER, MediaType.APPLICATION_JSON));

        api.reopen("id-1", "复核", 2);

        server.verify();
    }

    @Test
    void cls10_aScheduleChangeSendsTheMilestonesInOrderTheReasonAndTheVersionAsIfMatch() {
        server.expect(requestTo("http://gateway/api/v1/classification/campaign-schedule")).andExpect(method(HttpMethod.PUT))
                .andExpect(header("If-Match", "\"2\""))
                .andExpect(content().json("""
                        {"milestones":[{"milestone":"DEPLOYMENT","dueOn":"2016-04-30"},
                                       {"milestone":"SUMMARY_REPORT","dueOn":"2017-02-28"}],"reason":"延期"}"""))
                .andRespond(withSuccess("""
                        {"version":3,"milestones":[{"milestone":"DEPLOYMENT","label":"动员部署","dueOn":"2016-04-30"}],
                         "changedBy":"central","changedAt":"2016-05-03T01:00:00Z","reason":"延期"}""",
                        MediaType.APPLICATION_JSON));

        CampaignData.Schedule changed = api.changeSchedule(List.of(
                new ClassificationApi.MilestoneDate("DEPLOYMENT", "2016-04-30"),
                new ClassificationApi.MilestoneDate("SUMMARY_REPORT", "2017-02-28")), "延期", 2);

        server.verify();
        assertThat(changed.version()).isEqualTo(3);
        assertThat(changed.milestones().get(0).dueOn()).hasToString("2016-04-30");
    }

    @Test
    void cls04_aThresholdChangeSendsTheMonthsAsAnIntegerAndTheRatiosAsDecimalStrings() {
        server.expect(requestTo("http://gateway/api/v1/classification/screening-thresholds"))
                .andExpect(method(HttpMethod.PUT)).andExpect(header("If-Match", "\"1\""))
                .andExpect(content().json("""
                        {"expansionWindowMonths":6,"balanceGrowthRatio":"0.6","lenderGrowthRatio":"0.25",
                         "compositeYieldPercent":"12","reason":"调整"}"""))
                .andRespond(withSuccess("""
                        {"version":2,"expansionWindowMonths":6,"balanceGrowthRatio":0.6000,"lenderGrowthRatio":0.2500,
                         "compositeYieldPercent":12.00,"changedBy":"central","changedAt":"2016-05-03T01:00:00Z",
                         "reason":"调整"}""", MediaType.APPLICATION_JSON));

        CampaignData.ScreeningThresholds changed = api.changeScreeningThresholds(
                new ClassificationApi.ScreeningChange(6, "0.6", "0.25", "12", "调整"), 1);

        server.verify();
        assertThat(changed.balanceGrowthRatio()).isEqualByComparingTo("0.6");
    }

    @Test
    void cls10_theLatenessTableIsAskedAsOfTheDayAndReadWithEveryProvince() {
        server.expect(requestTo("http://gateway/api/v1/classification/summary-reports?asOf=2017-02-10"))
                .andRespond(withSuccess("""
                        [{"province":"11","provinceName":"北京","filedOn":null,"dueOn":"2017-01-31","daysLate":10,
                          "late":true}]""", MediaType.APPLICATION_JSON));

        List<CampaignData.ReportLateness> table = api.summaryReports("2017-02-10");

        server.verify();
        assertThat(table).containsExactly(new CampaignData.ReportLateness("11", "北京", null,
                java.time.LocalDate.of(2017, 1, 31), 10, true));
    }

    private static final String FINDINGS = "http://gateway/api/v1/classification/institutions/id-1/findings";
    private static final String ORDER = "http://gateway/api/v1/classification/institutions/id-1/rectification-order";
    private static final String FINDING_ANSWER = """
            {"id":"F-3A9C0D12E4B7","institutionId":"id-1","problemCode":"FUND_POOL","version":2,"state":"ACTIVE"}""";
    private static final String ORDER_ANSWER = """
            {"id":"O-id-1-1","round":1,"issuedOn":"2016-10-12","deadline":"2017-04-30","version":2,
             "items":[{"number":1,"findingId":"F-3A9C0D12E4B7","problemName":"设立资金池","baselineStock":"1250000.00","stockRose":false,
                       "completed":false}],"overdue":false,"openItems":1}""";

    @Test
    void cls01_aFindingIsPostedWithTheAmountAsAnExactNumberAndNoIfMatch() {
        server.expect(requestTo(FINDINGS)).andExpect(method(HttpMethod.POST)).andExpect(headerDoesNotExist("If-Match"))
                .andExpect(content().json("""
                        {"problemCode":"FUND_POOL","evidence":{"text":"资金池","documents":["杭金检〔2016〕17号"]},
                         "source":"ON_SITE_INSPECTION","foundOn":"2016-07-15","outstandingAmount":987654321098765.43}""",
                        JsonCompareMode.STRICT))
                .andExpect(content().string(containsString("\"outstandingAmount\":987654321098765.43")))
                .andRespond(withSuccess(FINDING_ANSWER, MediaType.APPLICATION_JSON));

        Classification.Finding recorded = api.recordFinding("id-1", new ClassificationApi.FindingBody("FUND_POOL",
                new ClassificationApi.EvidenceBody("资金池", List.of("杭金检〔2016〕17号")), "ON_SITE_INSPECTION",
                "2016-07-15", new BigDecimal("987654321098765.43")));

        server.verify();
        assertThat(recorded.version()).isEqualTo(2);
    }

    @Test
    void cls01_aFindingWithoutAmountHasNoAmountMember() {
        server.expect(requestTo(FINDINGS)).andExpect(content().json("""
                        {"problemCode":"OFFLINE_MARKETING","evidence":{"text":"地推","documents":[]},
                         "source":"PUBLIC_COMPLAINT","foundOn":"2016-08-01"}""", JsonCompareMode.STRICT))
                .andRespond(withSuccess(FINDING_ANSWER, MediaType.APPLICATION_JSON));

        api.recordFinding("id-1", new ClassificationApi.FindingBody("OFFLINE_MARKETING",
                new ClassificationApi.EvidenceBody("地推", List.of()), "PUBLIC_COMPLAINT", "2016-08-01", null));

        server.verify();
    }

    @Test
    void cls01_anAmendmentIsAPutOfTheWholeFindingAndAWithdrawalSendsTheReasonBothWithIfMatch() {
        server.expect(requestTo(FINDINGS + "/F-3A9C0D12E4B7")).andExpect(method(HttpMethod.PUT))
                .andExpect(header("If-Match", "\"1\"")).andExpect(content().json("""
                        {"problemCode":"FUND_POOL","evidence":{"text":"资金池","documents":[]},
                         "source":"ON_SITE_INSPECTION","foundOn":"2016-07-15","outstandingAmount":"12a"}""",
                        JsonCompareMode.STRICT))
                .andRespond(withSuccess(FINDING_ANSWER, MediaType.APPLICATION_JSON));
        server.expect(requestTo(FINDINGS + "/F-3A9C0D12E4B7/withdrawal")).andExpect(method(HttpMethod.POST))
                .andExpect(header("If-Match", "\"2\""))
                .andExpect(content().json("{\"reason\":\"复核后不成立\"}", JsonCompareMode.STRICT))
                .andRespond(withSuccess(FINDING_ANSWER, MediaType.APPLICATION_JSON));

        api.amendFinding("id-1", "F-3A9C0D12E4B7", new ClassificationApi.FindingBody("FUND_POOL",
                new ClassificationApi.EvidenceBody("资金池", List.of()), "ON_SITE_INSPECTION", "2016-07-15", "12a"), 1);
        api.withdrawFinding("id-1", "F-3A9C0D12E4B7", "复核后不成立", 2);

        server.verify();
    }

    @Test
    void cls08_theOrderIsIssuedWithoutIfMatchAndItsStockAndCompletionsWithTheVersion() {
        server.expect(requestTo(ORDER)).andExpect(method(HttpMethod.POST)).andExpect(headerDoesNotExist("If-Match"))
                .andExpect(content().json("""
                        {"issuedOn":"2016-10-12","deadline":"2017-04-30",
                         "items":[{"findingId":"F-3A9C0D12E4B7","requirement":"停止新增资金池业务"}]}""",
                        JsonCompareMode.STRICT))
                .andRespond(withSuccess(ORDER_ANSWER, MediaType.APPLICATION_JSON));
        server.expect(requestTo(ORDER + "/stock-reports")).andExpect(method(HttpMethod.POST))
                .andExpect(header("If-Match", "\"1\""))
                .andExpect(content().json("{\"asOf\":\"2016-11-30\",\"items\":[{\"number\":1,\"amount\":980000.00}]}",
                        JsonCompareMode.STRICT))
                .andRespond(withSuccess(ORDER_ANSWER, MediaType.APPLICATION_JSON));
        server.expect(requestTo(ORDER + "/items/1/completion")).andExpect(method(HttpMethod.POST))
                .andExpect(header("If-Match", "\"2\""))
                .andExpect(content().json("{\"completedOn\":\"2017-03-01\",\"note\":\"存量已清零\"}",
                        JsonCompareMode.STRICT))
                .andRespond(withSuccess(ORDER_ANSWER, MediaType.APPLICATION_JSON));

        Rectification.Order issued = api.issueRectificationOrder("id-1", new ClassificationApi.OrderBody("2016-10-12",
                "2017-04-30", List.of(new ClassificationApi.OrderItem("F-3A9C0D12E4B7", "停止新增资金池业务"))));
        api.reportStock("id-1", new ClassificationApi.StockReportBody("2016-11-30",
                List.of(new ClassificationApi.StockFigure(1, new BigDecimal("980000.00")))), 1);
        api.completeItem("id-1", 1, new ClassificationApi.CompletionBody("2017-03-01", "存量已清零"), 2);

        server.verify();
        assertThat(issued.items()).singleElement().satisfies(item -> {
            assertThat(item.hasStock()).isTrue();
            assertThat(item.baselineStock()).isEqualByComparingTo("1250000.00");
        });
    }

    @Test
    void cls08_noOrderForTheRoundReadsAsNone() {
        RestClient.Builder refusing = RestClient.builder().baseUrl("http://gateway")
                .defaultStatusHandler(status -> status.isError(), (request, response) -> {
                    throw new ApiProblemException(ApiProblem.ofStatus(response.getStatusCode().value()));
                });
        MockRestServiceServer orders = MockRestServiceServer.bindTo(refusing).build();
        orders.expect(requestTo(ORDER)).andRespond(withStatus(HttpStatus.NOT_FOUND));

        assertThat(new ClassificationApi(refusing.build()).rectificationOrder("id-1")).isNull();
        orders.verify();
    }
}
