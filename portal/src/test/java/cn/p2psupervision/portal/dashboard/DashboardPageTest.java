package cn.p2psupervision.portal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.p2psupervision.portal.PortalTest;
import cn.p2psupervision.portal.api.ApiProblem;
import cn.p2psupervision.portal.api.ApiProblemException;
import cn.p2psupervision.portal.classification.CampaignData;

/**
 * 全国概览: the registry's national statistics as figures, a chart and a table whose numbers lead to the lists; the
 * other contexts' figures beside them, each part on its own.
 */
class DashboardPageTest extends PortalTest {

    @Test
    void auth03_centralSeesEveryProvincesNumbersEachLeadingToItsInstitutions() throws Exception {
        RegistryStatistics.Totals zhejiang = new RegistryStatistics.Totals(2, Map.of("OPERATING", 2L), 1,
                new BigDecimal("386500000.00"), 41250, 1);
        RegistryStatistics.Totals guangdong = new RegistryStatistics.Totals(1, Map.of("OPERATING", 1L), 0,
                new BigDecimal("0.00"), 0, 1);
        RegistryStatistics.Totals national = new RegistryStatistics.Totals(1003, Map.of("OPERATING", 3L), 1,
                new BigDecimal("386500000.00"), 41250, 2);
        when(statistics.statistics(null)).thenReturn(new RegistryStatistics("2017-05", "NATIONAL", national,
                List.of(new RegistryStatistics.ProvinceRow("33", "Zhejiang", zhejiang),
                        new RegistryStatistics.ProvinceRow("44", "Guangdong", guangdong)), null));

        String page = mvc.perform(get("/dashboard").with(central())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("全国概览", "统计截至 2017年5月末", "1,003", "386,500,000.00 元", "41,250", "浙江", "广东",
                "href=\"/institutions?province=33\"", "href=\"/institutions?province=44\"",
                "href=\"/institutions?province=33&amp;status=OPERATING\"",
                "href=\"/institutions?province=33&amp;crossRegion=true\"", "id=\"province-chart\"",
                "/dist/chart.umd.min.js");
        assertThat(page).contains("&quot;links&quot;:[&quot;/institutions?province=33&quot;,"
                        + "&quot;/institutions?province=44&quot;]",
                "&quot;data&quot;:[2,1]", "&quot;labels&quot;:[&quot;浙江&quot;,&quot;广东&quot;]");
    }

    @Test
    void cls09_acc13_inc06_cls10_theDashboardShowsCategoriesRedLinesFilingProgressAndWhatIsOverdueEachLeadingOn()
            throws Exception {
        when(statistics.statistics(null)).thenReturn(registry());
        when(statistics.classification(null)).thenReturn(new CampaignFigures.Classification(LocalDate.of(2026, 11, 22),
                1000, Map.of("COMPLIANT", 600L, "RECTIFICATION", 250L, "BANNING", 50L), 30, 70,
                List.of(new CampaignFigures.ProblemShare("FUND_POOL", "设立资金池", "RED_LINE", 42,
                        new BigDecimal("0.0420"))), 12));
        when(statistics.filing()).thenReturn(new CampaignFigures.Filing(LocalDate.of(2026, 11, 22), List.of(
                new CampaignFigures.DeadlineLine("MAIN", LocalDate.of(2018, 4, 30), 812, 640, 602, 95, 77, 77),
                new CampaignFigures.DeadlineLine("HEAVY_STOCK", LocalDate.of(2018, 5, 31), 10, 0, 0, 0, 10, 10),
                new CampaignFigures.DeadlineLine("COMPLEX", LocalDate.of(2018, 6, 30), 0, 0, 0, 0, 0, 0))));
        when(statistics.incidentBoard()).thenReturn(new CampaignFigures.IncidentBoard(2, List.of("overdue"),
                List.of(new CampaignFigures.BoardProvince("33", 2, 1, 4))));
        when(classification.summaryReports(null)).thenReturn(List.of(
                new CampaignData.ReportLateness("33", "浙江", null, LocalDate.of(2017, 1, 31), 100, true),
                new CampaignData.ReportLateness("44", "广东", LocalDate.of(2017, 1, 20), LocalDate.of(2017, 1, 31), 0,
                        false)));

        String page = dashboard();

        assertThat(page).contains("分类处置", "id=\"category-chart\"", "href=\"/decisions?state=APPROVED&amp;category=BANNING\"",
                "600", "250", "待审批", "href=\"/decisions?state=RECORDED\"", "设立资金池", "4.20%",
                "备案登记进度", "id=\"filing-chart\"", "主要机构 · 2018年4月30日", "812", "602", "href=\"/central/overdue\"",
                "按期备案", "逾期备案", "href=\"/incidents?level=ESPECIALLY_MAJOR&amp;status=OPEN\"",
                "当前已超时的报告时限", "href=\"/central/summary-reports\"");
        assertThat(between(page, "data-testid=\"reports-late\"", "</a>")).endsWith(">1");
        assertThat(between(page, "data-testid=\"overdue-now\"", "</a>")).endsWith(">1");
    }

    @Test
    void acc13_aContextThatCannotAnswerDarkensOnlyItsOwnPart() throws Exception {
        when(statistics.statistics(null)).thenReturn(registry());
        when(statistics.filing()).thenThrow(new ApiProblemException(new ApiProblem(
                "urn:p2p-supervision:problem:service-unavailable", "Unavailable", 503, null, null, "acceptance",
                null, List.of(), 5L, null)));
        when(statistics.classification(null)).thenReturn(new CampaignFigures.Classification(LocalDate.of(2026, 11, 22),
                10, Map.of("COMPLIANT", 6L), 0, 4, List.of(), 0));

        String page = dashboard();

        assertThat(between(page, "data-testid=\"filing\"", "</section>")).contains("alert-warning")
                .doesNotContain("filing-chart");
        assertThat(between(page, "data-testid=\"categories\"", "</section>")).doesNotContain("alert-warning")
                .contains("category-chart");
        assertThat(page).contains("id=\"province-chart\"");
    }

    private String dashboard() throws Exception {
        return mvc.perform(get("/dashboard").with(central())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static String between(String page, String from, String to) {
        int start = page.indexOf(from);
        return page.substring(start, page.indexOf(to, start));
    }

    private static RegistryStatistics registry() {
        RegistryStatistics.Totals totals = new RegistryStatistics.Totals(1, Map.of("OPERATING", 1L), 0,
                new BigDecimal("0.00"), 0, 1);
        return new RegistryStatistics("2026-10", "NATIONAL", totals,
                List.of(new RegistryStatistics.ProvinceRow("33", "Zhejiang", totals)), null);
    }
}
