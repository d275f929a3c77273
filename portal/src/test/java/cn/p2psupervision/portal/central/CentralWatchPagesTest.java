package cn.p2psupervision.portal.central;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.p2psupervision.portal.PortalTest;
import cn.p2psupervision.portal.acceptance.Cases;
import cn.p2psupervision.portal.api.AgencyRequest;
import cn.p2psupervision.portal.api.ApiProblem;
import cn.p2psupervision.portal.api.ApiProblemException;
import cn.p2psupervision.portal.api.PageOf;
import cn.p2psupervision.portal.classification.CampaignData;
import cn.p2psupervision.portal.incident.IncidentApi;
import cn.p2psupervision.portal.incident.Watch;

/**
 * What the central office watches: the provinces late with their summary reports (CLS-10), what is overdue in
 * acceptance and with the agencies (ACC-13, AUTH-05), the record of reads of incident records (AUTH-07); and where
 * users find these screens.
 */
class CentralWatchPagesTest extends PortalTest {

    static final String ID = "1d53c03e-cc23-3078-b7ff-70378dad319c";
    static final String EV = "EV-20180301-4TQ8W2MZ";

    // --- summary reports (CLS-10)

    @Test
    void cls10_centralSeesTheProvincesLateWithTheirSummaryReports() throws Exception {
        LocalDate due = LocalDate.of(2017, 1, 31);
        when(classification.summaryReports("2017-02-10")).thenReturn(List.of(
                new CampaignData.ReportLateness("11", "北京", null, due, 10, true),
                new CampaignData.ReportLateness("44", "广东", LocalDate.of(2017, 2, 3), due, 3, true),
                new CampaignData.ReportLateness("33", "浙江", LocalDate.of(2017, 1, 20), due, 0, false)));

        String page = mvc.perform(get("/central/summary-reports").param("asOf", "2017-02-10").with(central()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("总结报告报送情况", "截至 2017年2月10日，2 个省（区、市）逾期。", "北京", "未报送", "广东",
                "2017年2月3日", "2017年1月31日", "浙江", "2017年1月20日", "按期", "<label for=\"asOf\"",
                "value=\"2017-02-10\"", "<th scope=\"col\" class=\"text-end\">逾期天数</th>");
        assertThat(page.indexOf("北京")).isLessThan(page.indexOf("广东"));
        assertThat(page.split("badge text-bg-danger\">逾期<", -1)).hasSize(3);
    }

    @Test
    void cls10_withoutADayTheTableIsAsOfToday() throws Exception {
        when(classification.summaryReports(null)).thenReturn(List.of());

        String page = mvc.perform(get("/central/summary-reports").with(central())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("截至今日，0 个省（区、市）逾期。");
        verify(classification).summaryReports(null);
    }

    @Test
    void cls10_aDayTheServiceRefusesShowsAtTheFormWithTheDayKept() throws Exception {
        when(classification.summaryReports("2017-02-30")).thenThrow(new ApiProblemException(new ApiProblem(
                "urn:p2p-supervision:problem:validation-failed", "Invalid input", 400, null, null, null, "r-1",
                List.of(new ApiProblem.FieldError("asOf", "must be a date yyyy-MM-dd")), null, null)));

        String page = mvc.perform(get("/central/summary-reports").param("asOf", "2017-02-30").with(central()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("data-testid=\"refusal\"", "id=\"asOf-error\"", "must be a date yyyy-MM-dd",
                "value=\"2017-02-30\"").doesNotContain("data-testid=\"reports\"");
    }

    @Test
    void cls10_aProvinceGetsTheServicesRefusalAsAReadableMessage() throws Exception {
        when(classification.summaryReports(null)).thenThrow(forbidden());

        String page = mvc.perform(get("/central/summary-reports").with(head("zj-head-finance", "33")))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("您的角色无权进行此操作。");
    }

    // --- overdue (ACC-13, AUTH-05)

    @Test
    void acc13_auth05_theOverduePageShowsTheCasesAndEachContextsRequestsNotAnsweredInTime() throws Exception {
        when(acceptance.overdueCases()).thenReturn(List.of(new Cases.Summary(ID, "杭州钱塘易贷网络科技有限公司",
                "91330100MA28A7K3X6", "33", "OPEN", "MAIN", LocalDate.of(2026, 11, 19), true, null, 0, 12,
                Instant.parse("2026-11-01T01:00:00Z"))));
        when(classification.overdueAgencyRequests()).thenReturn(List.of());
        when(acceptance.overdueAgencyRequests()).thenReturn(List.of(request("ACC-CANCEL_LICENCE-" + ID + "-v37",
                "TELECOM", "CANCEL_LICENCE", LocalDate.of(2026, 11, 12))));
        when(incidents.overdueAgencyRequests()).thenThrow(new ApiProblemException(new ApiProblem(
                "urn:p2p-supervision:problem:service-unavailable", "Unavailable", 503, null, null,
                "incident-service", "r-503", List.of(), null, null)));

        String page = mvc.perform(get("/central/overdue").with(central())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("逾期督办事项", "逾期未备案的验收案件", "href=\"/acceptance/" + ID + "\"",
                "杭州钱塘易贷网络科技有限公司", "2026年11月19日", "逾期 3 天", "验收中",
                "data-testid=\"overdue-requests-classification\"", "没有逾期未反馈的请求。",
                "data-testid=\"overdue-requests-acceptance\"", "注销增值电信业务经营许可", "通信管理部门", "2026年11月12日",
                "逾期 10 天", "已发送", "data-testid=\"overdue-requests-incidents\"", "此项暂时无法显示。",
                "风险事件应急处置服务暂时无法访问，请稍后再试。", "<th scope=\"col\">反馈期限</th>");
    }

    @Test
    void auth05_aProvinceSeesTheOverdueOfItsScopeOnTheSamePage() throws Exception {
        when(acceptance.overdueCases()).thenReturn(List.of());
        when(classification.overdueAgencyRequests()).thenReturn(List.of(request("R-" + ID + "-1", "PUBLIC_SECURITY",
                "REFERRAL", LocalDate.of(2026, 11, 21))));
        when(acceptance.overdueAgencyRequests()).thenReturn(List.of());
        when(incidents.overdueAgencyRequests()).thenReturn(List.of());

        String page = mvc.perform(get("/central/overdue").with(officer("zj-officer", "33"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("没有逾期的验收案件。", "移送公安机关", "公安机关", "逾期 1 天");
    }

    // --- read record (AUTH-07)

    @Test
    void auth07_centralSearchesTheReadRecordByEventUserAndDaysInBeijingTime() throws Exception {
        when(incidents.reads(any(), anyInt())).thenReturn(new PageOf<>(List.of(
                new Watch.Read("r1", Instant.parse("2018-03-01T02:30:00Z"), "gd-officer", List.of("provincial-officer"),
                        "44", null, "READ_EVENT", List.of(EV), List.of(), List.of(), List.of()),
                new Watch.Read("r2", Instant.parse("2018-03-01T02:00:00Z"), "zj-officer", List.of("provincial-officer"),
                        "33", null, "LIST_ALERTS", List.of(), List.of(), List.of(ID), List.of(ID + ":2018-02:BALANCE_FALL"))),
                0, 50, 2));

        String page = mvc.perform(get("/central/read-audit").param("eventId", EV).param("username", " gd-officer ")
                        .param("from", "2018-03-01").param("to", "2018-03-01").with(central()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        verify(incidents).reads(new IncidentApi.ReadFilter(EV, null, "gd-officer", "2018-03-01T00:00:00+08:00",
                "2018-03-02T00:00:00+08:00"), 0);
        assertThat(page).contains("风险事件查阅记录", "<label for=\"reads-eventId\"", "<label for=\"reads-institutionId\"",
                "<label for=\"reads-username\"", "<label for=\"reads-from\"", "<label for=\"reads-to\"",
                "value=\"" + EV + "\"", "value=\"gd-officer\"", "value=\"2018-03-01\"", "2018年3月1日 10:30",
                "gd-officer", "广东", "查阅事件", "href=\"/incidents/" + EV + "\"", "查阅非现场监测预警列表",
                "href=\"/institutions/" + ID + "\"", ID + ":2018-02:BALANCE_FALL", "共 2 条",
                "<th scope=\"col\">查阅人</th>");
    }

    @Test
    void auth07_aListReadShowsItsFirstTenRecordsAsLinksAndTheRestBehindADisclosure() throws Exception {
        List<String> events = java.util.stream.IntStream.rangeClosed(1, 25)
                .mapToObj(n -> String.format("EV-20180301-%04d", n)).toList();
        when(incidents.reads(any(), anyInt())).thenReturn(new PageOf<>(List.of(
                new Watch.Read("r1", Instant.parse("2018-03-01T02:30:00Z"), "central", List.of("central-regulator"),
                        null, null, "LIST_EVENTS", events, List.of(), List.of(), List.of())), 0, 50, 1));

        String page = mvc.perform(get("/central/read-audit").with(central())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("href=\"/incidents/EV-20180301-0010\"", "另 15 项", "EV-20180301-0011、EV-20180301-0012",
                "EV-20180301-0025").doesNotContain("href=\"/incidents/EV-20180301-0011\"");
    }

    @Test
    void auth07_aFilterTheServiceRefusesShowsAtItsField() throws Exception {
        when(incidents.reads(any(), anyInt())).thenThrow(new ApiProblemException(new ApiProblem(
                "urn:p2p-supervision:problem:validation-failed", "Invalid input", 400, null, null, null, "r-2",
                List.of(new ApiProblem.FieldError("from", "must be a date and time with its offset")), null, null)));

        String page = mvc.perform(get("/central/read-audit").param("from", "昨天").with(central()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        verify(incidents).reads(new IncidentApi.ReadFilter(null, null, null, "昨天", null), 0);
        assertThat(page).contains("data-testid=\"refusal\"", "id=\"reads-from-error\"",
                "must be a date and time with its offset", "value=\"昨天\"");
    }

    @Test
    void auth07_anyoneButCentralGetsTheServicesRefusalAsAReadableMessage() throws Exception {
        when(incidents.reads(any(), anyInt())).thenThrow(forbidden());

        String page = mvc.perform(get("/central/read-audit").with(officer("zj-officer", "33")))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("您的角色无权进行此操作。").doesNotContain("data-testid=\"reads\"");
    }

    // --- where the screens are

    @Test
    void centralFindsItsScreensUnderOneNavigationEntry() throws Exception {
        String page = mvc.perform(get("/central").with(central())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("href=\"/central\"", "aria-current=\"page\"", "中央管理", "href=\"/central/schedule\"",
                "href=\"/central/thresholds\"", "href=\"/central/custody-banks\"", "href=\"/central/summary-reports\"",
                "href=\"/central/overdue\"", "href=\"/central/read-audit\"");
    }

    @Test
    void aProvinceHasNoCentralEntryButReadsCentralDataFromItsWorkQueue() throws Exception {
        when(classification.decisions(any(), anyInt(), anyInt())).thenReturn(new PageOf<>(List.of(), 0, 10, 0));
        when(registry.list(any())).thenReturn(new PageOf<>(List.of(), 0, 20, 0));

        String work = mvc.perform(get("/work").with(officer("zj-officer", "33"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String index = mvc.perform(get("/central").with(officer("zj-officer", "33"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(work).contains("中央整治办数据", "href=\"/central/overdue\"", "href=\"/central/schedule\"",
                "href=\"/central/thresholds\"", "href=\"/central/custody-banks\"").doesNotContain("href=\"/central\"");
        assertThat(index).contains("href=\"/central/schedule\"")
                .doesNotContain("href=\"/central/read-audit\"", "href=\"/central/summary-reports\"");
    }

    static ApiProblemException forbidden() {
        return new ApiProblemException(new ApiProblem("urn:p2p-supervision:problem:forbidden", "Forbidden", 403,
                "central only", null, null, "r-403", List.of(), null, null));
    }

    static AgencyRequest request(String id, String agency, String kind, LocalDate dueOn) {
        return new AgencyRequest(id, agency, kind, ID, "杭州钱塘易贷网络科技有限公司", "91330100MA28A7K3X6", "33",
                "acceptance", List.of("整改验收结论：取缔（不配合整改验收）"), Instant.parse("2026-11-01T01:00:00Z"), dueOn,
                null, List.of(), 1, "SENT", true);
    }
}
