package cn.p2psupervision.portal.classification;

import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.headerDoesNotExist;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

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
}
