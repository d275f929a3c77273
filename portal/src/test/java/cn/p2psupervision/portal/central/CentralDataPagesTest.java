package cn.p2psupervision.portal.central;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;

import cn.p2psupervision.portal.PortalTest;
import cn.p2psupervision.portal.acceptance.CustodyBanks;
import cn.p2psupervision.portal.api.ApiProblem;
import cn.p2psupervision.portal.api.ApiProblemException;
import cn.p2psupervision.portal.classification.CampaignData;
import cn.p2psupervision.portal.classification.ClassificationApi;
import cn.p2psupervision.portal.incident.Watch;

/**
 * The central office's data (AUTH-03): the campaign schedule (CLS-10), the screening and monitoring thresholds
 * (CLS-04, INC-11) and the custody-bank whitelist (ACC-15): what every regulator reads, what only central changes,
 * and how a change and its refusals read.
 */
class CentralDataPagesTest extends PortalTest {

    static final Instant CHANGED = Instant.parse("2016-05-03T01:00:00Z");
    static final List<String> BANKS = List.of("中国民生银行", "招商银行", "浙商银行");

    @BeforeEach
    void centralDataAsItStands() {
        when(classification.schedule()).thenReturn(schedule(2, "2017-01-31", "central", "总结报告期限调整"));
        when(classification.scheduleHistory()).thenReturn(List.of(schedule(1, "2017-01-31", null, null),
                schedule(2, "2017-01-31", "central", "总结报告期限调整")));
        when(classification.screeningThresholds()).thenReturn(screening(1, null, null));
        when(classification.screeningThresholdHistory()).thenReturn(List.of(screening(1, null, null)));
        when(incidents.monitoringThresholds()).thenReturn(monitoring(2, "central", "收紧监测"));
        when(incidents.monitoringThresholdHistory()).thenReturn(List.of(monitoring(1, null, null),
                monitoring(2, "central", "收紧监测")));
        when(acceptance.custodyBanks()).thenReturn(new CustodyBanks(1, BANKS, null, null, null));
        when(acceptance.custodyBankHistory()).thenReturn(List.of(new CustodyBanks(1, BANKS, null, null, null)));
    }

    // --- campaign schedule (CLS-10)

    @Test
    void cls10_everyRegulatorReadsTheScheduleAndOnlyCentralGetsTheFormToChangeIt() throws Exception {
        String central = page("/central/schedule", central());

        assertThat(central).contains("整治工作时间安排", "动员部署", "2016年4月30日", "摸底排查", "2016年7月31日",
                "清理整顿分类处置", "2016年11月30日", "总结报告", "2017年1月31日", "现行：第 2 版",
                "central 于 2016年5月3日 09:00 修改，理由：总结报告期限调整", "历次版本（2）", "整治方案初始设定",
                "data-testid=\"schedule-form\"", "action=\"/central/schedule\"", "name=\"version\" value=\"2\"",
                "<label for=\"dueOn-DEPLOYMENT\"", "value=\"2016-04-30\"", "<label for=\"schedule-reason\"",
                "保存时间安排（依据第 2 版）", "<th scope=\"col\">阶段</th>");
        for (OidcLoginRequestPostProcessor reader : List.of(officer("zj-officer", "33"), head("gd-head", "44"))) {
            assertThat(page("/central/schedule", reader)).contains("2017年1月31日")
                    .doesNotContain("data-testid=\"schedule-form\"", "<form method=\"post\" action=\"/central/schedule\"");
        }
    }

    @Test
    void cls10_aChangeSendsEveryMilestoneTheReasonAndTheVersionShownThenConfirms() throws Exception {
        when(classification.changeSchedule(any(), any(), anyLong())).thenReturn(schedule(3, "2017-02-28", "central", "延期"));

        mvc.perform(post("/central/schedule").with(central()).with(csrf()).param("version", "2")
                        .param("milestone", "DEPLOYMENT", "INVESTIGATION", "CLASSIFICATION", "SUMMARY_REPORT")
                        .param("dueOn", "2016-04-30", "2016-07-31", "2016-11-30", "2017-02-28")
                        .param("reason", " 总结报告延期一个月 "))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/central/schedule"))
                .andExpect(flash().attribute("centralDone", "schedule"))
                .andExpect(flash().attribute("centralVersion", 3L));

        verify(classification).changeSchedule(List.of(
                new ClassificationApi.MilestoneDate("DEPLOYMENT", "2016-04-30"),
                new ClassificationApi.MilestoneDate("INVESTIGATION", "2016-07-31"),
                new ClassificationApi.MilestoneDate("CLASSIFICATION", "2016-11-30"),
                new ClassificationApi.MilestoneDate("SUMMARY_REPORT", "2017-02-28")), "总结报告延期一个月", 2);
        String confirmed = mvc.perform(get("/central/schedule").with(central()).flashAttr("centralDone", "schedule")
                        .flashAttr("centralVersion", 3L)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(confirmed).contains("data-testid=\"central-done\"", "整治工作时间安排已修改（第 3 版）。");
    }

    @Test
    void cls10_aDateRefusedByTheServiceShowsAtItsFieldWithTheEntriesKept() throws Exception {
        when(classification.changeSchedule(any(), any(), anyLong())).thenThrow(validation("CLS-10",
                new ApiProblem.FieldError("milestones[3].dueOn", "must not be before CLASSIFICATION (2016-11-30)")));

        String page = act(post("/central/schedule").with(central()).param("version", "2")
                .param("milestone", "DEPLOYMENT", "INVESTIGATION", "CLASSIFICATION", "SUMMARY_REPORT")
                .param("dueOn", "2016-04-30", "2016-07-31", "2016-11-30", "2016-10-01").param("reason", "提前"));

        assertThat(page).contains("data-testid=\"refusal\"", "提交的内容不符合要求。",
                        "id=\"dueOn-SUMMARY_REPORT-error\"", "must not be before CLASSIFICATION (2016-11-30)",
                        "value=\"2016-10-01\"", "提前</textarea>", "aria-invalid=\"true\"")
                .doesNotContain("错误代码", "id=\"dueOn-DEPLOYMENT-error\"");
        assertThat(page.indexOf("id=\"dueOn-SUMMARY_REPORT\"")).isLessThan(page.indexOf("id=\"dueOn-SUMMARY_REPORT-error\""));
    }

    @Test
    void auth03_aStaleScheduleChangeShowsTheCurrentVersionAndLetsCentralSendItAgain() throws Exception {
        when(classification.changeSchedule(any(), any(), anyLong())).thenThrow(stale(3));
        when(classification.schedule()).thenReturn(schedule(3, "2017-03-31", "central-2", "另一次调整"));

        String page = act(post("/central/schedule").with(central()).param("version", "2")
                .param("milestone", "DEPLOYMENT", "INVESTIGATION", "CLASSIFICATION", "SUMMARY_REPORT")
                .param("dueOn", "2016-04-30", "2016-07-31", "2016-11-30", "2017-02-28").param("reason", "延期"));

        assertThat(page).contains("该记录在此期间已被他人修改，现为第 3 版。", "2017年3月31日", "central-2",
                "name=\"version\" value=\"3\"", "保存时间安排（依据第 3 版）", "value=\"2017-02-28\"", "延期</textarea>");
    }

    // --- thresholds (CLS-04, INC-11)

    @Test
    void cls04_inc11_theThresholdsShowAsRatiosAndPercentagesWithTheirHistoryForEveryRegulator() throws Exception {
        for (OidcLoginRequestPostProcessor reader : List.of(central(), officer("zj-officer", "33"))) {
            String page = page("/central/thresholds", reader);

            assertThat(page).contains("重点排查阈值", "3 个月", "0.5000（即增长 50.00%）", "0.2500（即增长 25.00%）",
                    "10.00%", "非现场监测阈值", "8.50%", "25.00%", "20.00%", "历次版本（1）", "历次版本（2）",
                    "central 于 2016年5月3日 09:00 修改，理由：收紧监测", "<th scope=\"col\">指标</th>");
        }
        assertThat(page("/central/thresholds", central())).contains("data-testid=\"screening-form\"",
                "data-testid=\"monitoring-form\"", "<label for=\"balanceGrowthRatio\"", "<label for=\"overdueRateMax\"",
                "<label for=\"screening-reason\"", "<label for=\"monitoring-reason\"", "保存重点排查阈值（依据第 1 版）",
                "保存非现场监测阈值（依据第 2 版）");
        assertThat(page("/central/thresholds", head("zj-head-finance", "33")))
                .contains("本页数据由中央整治办维护，贵单位可以查阅。")
                .doesNotContain("data-testid=\"screening-form\"", "data-testid=\"monitoring-form\"");
    }

    @Test
    void cls04_aScreeningChangeSendsTheMonthsAsAWholeNumberAndTheRatiosAsEntered() throws Exception {
        when(classification.changeScreeningThresholds(any(), anyLong())).thenReturn(screening(2, "central", "调整"));

        mvc.perform(post("/central/thresholds/screening").with(central()).with(csrf()).param("version", "1")
                        .param("expansionWindowMonths", "6").param("balanceGrowthRatio", "0.6")
                        .param("lenderGrowthRatio", " 0.25 ").param("compositeYieldPercent", "12")
                        .param("reason", "按第二批排查情况调整"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/central/thresholds"))
                .andExpect(flash().attribute("centralDone", "screening"));

        verify(classification).changeScreeningThresholds(new ClassificationApi.ScreeningChange(6, "0.6", "0.25", "12",
                "按第二批排查情况调整"), 1);
    }

    @Test
    void inc11_aMonitoringValueRefusedShowsAtItsFieldAndTheEntriesStay() throws Exception {
        when(incidents.changeMonitoringThresholds(any(), anyLong())).thenThrow(validation("INC-11",
                new ApiProblem.FieldError("overdueRateMax", "must be a percentage above 0 and at most 100")));

        String page = act(post("/central/thresholds/monitoring").with(central()).param("version", "2")
                .param("overdueRateMax", "150").param("balanceFallMaxPercent", "25.00")
                .param("lendersFallMaxPercent", "20.00").param("reason", "收紧"));

        assertThat(page).contains("提交的内容不符合要求。", "id=\"overdueRateMax-error\"",
                        "must be a percentage above 0 and at most 100", "value=\"150\"", "收紧</textarea>")
                .doesNotContain("id=\"balanceFallMaxPercent-error\"", "id=\"balanceGrowthRatio-error\"");
        // the refusal is at the monitoring form, not at the screening one
        assertThat(page.indexOf("data-testid=\"refusal\"")).isGreaterThan(page.indexOf("data-testid=\"monitoring-form\""));
    }

    @Test
    void cls04_aStaleScreeningChangeShowsTheCurrentValuesAndVersion() throws Exception {
        when(classification.changeScreeningThresholds(any(), anyLong())).thenThrow(stale(2));
        when(classification.screeningThresholds()).thenReturn(screening(2, "central-2", "另一次调整"));

        String page = act(post("/central/thresholds/screening").with(central()).param("version", "1")
                .param("expansionWindowMonths", "4").param("balanceGrowthRatio", "0.6")
                .param("lenderGrowthRatio", "0.25").param("compositeYieldPercent", "12").param("reason", "调整"));

        assertThat(page).contains("该记录在此期间已被他人修改，现为第 2 版。", "现行：第 2 版", "central-2",
                "保存重点排查阈值（依据第 2 版）", "value=\"4\"", "value=\"0.6\"");
    }

    @Test
    void auth03_aProvincesChangeRefusedByTheApiReadsAsARoleMessage() throws Exception {
        when(incidents.changeMonitoringThresholds(any(), anyLong())).thenThrow(new ApiProblemException(new ApiProblem(
                "urn:p2p-supervision:problem:forbidden", "Forbidden", 403, "central only", null, null, "r-1",
                List.of(), null, null)));

        String page = act(post("/central/thresholds/monitoring").with(officer("zj-officer", "33")).param("version", "2")
                .param("overdueRateMax", "8").param("balanceFallMaxPercent", "25").param("lendersFallMaxPercent", "20")
                .param("reason", "试图修改"));

        assertThat(page).contains("您的角色无权进行此操作。").doesNotContain("data-testid=\"monitoring-form\"");
    }

    // --- custody-bank whitelist (ACC-15)

    @Test
    void acc15_everyRegulatorReadsTheWhitelistAndOnlyCentralMayAddOrRemove() throws Exception {
        String central = page("/central/custody-banks", central());

        assertThat(central).contains("存管银行白名单", "共 3 家银行", "中国民生银行", "招商银行", "浙商银行", "整治方案初始设定",
                "data-testid=\"add-form\"", "action=\"/central/custody-banks/additions\"", "<label for=\"add-bank\"",
                "data-testid=\"remove-form\"", "action=\"/central/custody-banks/removals\"", "<label for=\"remove-bank\"",
                "加入白名单（依据第 1 版）", "<th scope=\"col\">银行名称</th>");
        assertThat(page("/central/custody-banks", officer("zj-officer", "33"))).contains("浙商银行")
                .doesNotContain("data-testid=\"add-form\"", "data-testid=\"remove-form\"");
    }

    @Test
    void acc15_addingSendsTheWholeListWithTheNewBankBasedOnTheVersionShown() throws Exception {
        when(acceptance.changeCustodyBanks(any(), any(), anyLong())).thenReturn(new CustodyBanks(2,
                List.of("中国民生银行", "招商银行", "浙商银行", "上海华瑞银行"), "central", CHANGED, "第二批测评"));

        mvc.perform(post("/central/custody-banks/additions").with(central()).with(csrf()).param("version", "1")
                        .param("bank", " 上海华瑞银行 ").param("reason", "第二批存管银行测评结果公布"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/central/custody-banks"))
                .andExpect(flash().attribute("centralDone", "bankAdded"))
                .andExpect(flash().attribute("centralName", "上海华瑞银行"));

        verify(acceptance).changeCustodyBanks(List.of("中国民生银行", "招商银行", "浙商银行", "上海华瑞银行"),
                "第二批存管银行测评结果公布", 1);
        String confirmed = mvc.perform(get("/central/custody-banks").with(central()).flashAttr("centralDone", "bankAdded")
                        .flashAttr("centralVersion", 2L).flashAttr("centralName", "上海华瑞银行"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(confirmed).contains("已将“上海华瑞银行”加入存管银行白名单（第 2 版）。");
    }

    @Test
    void acc15_removingSendsTheListWithoutTheBank() throws Exception {
        when(acceptance.changeCustodyBanks(any(), any(), anyLong())).thenReturn(new CustodyBanks(2,
                List.of("中国民生银行", "浙商银行"), "central", CHANGED, "未通过复评"));

        mvc.perform(post("/central/custody-banks/removals").with(central()).with(csrf()).param("version", "1")
                        .param("bank", "招商银行").param("reason", "未通过复评"))
                .andExpect(status().isFound()).andExpect(flash().attribute("centralDone", "bankRemoved"));

        verify(acceptance).changeCustodyBanks(List.of("中国民生银行", "浙商银行"), "未通过复评", 1);
    }

    @Test
    void acc15_aRepeatedBankIsRefusedAtTheNameWithTheEntriesKept() throws Exception {
        when(acceptance.changeCustodyBanks(any(), any(), anyLong())).thenThrow(validation("ACC-15",
                new ApiProblem.FieldError("banks[3]", "repeats banks[1]")));

        String page = act(post("/central/custody-banks/additions").with(central()).param("version", "1")
                .param("bank", "招商银行").param("reason", "重复加入"));

        assertThat(page).contains("提交的内容不符合要求。", "id=\"add-bank-error\"", "repeats banks[1]",
                "value=\"招商银行\"", "重复加入</textarea>").doesNotContain("id=\"remove-bank-error\"");
    }

    @Test
    void acc15_withoutAReasonTheRefusalIsAtTheReasonOfTheRemoval() throws Exception {
        when(acceptance.changeCustodyBanks(any(), any(), anyLong())).thenThrow(validation("AUTH-07",
                new ApiProblem.FieldError("reason", "is required")));

        String page = act(post("/central/custody-banks/removals").with(central()).param("version", "1")
                .param("bank", "浙商银行").param("reason", " "));

        verify(acceptance).changeCustodyBanks(List.of("中国民生银行", "招商银行"), null, 1);
        assertThat(page).contains("id=\"remove-reason-error\"", "<option value=\"浙商银行\" selected=\"selected\">");
    }

    @Test
    void acc15_aStaleWhitelistShowsTheCurrentListAndVersion() throws Exception {
        when(acceptance.custodyBanks()).thenReturn(new CustodyBanks(2, List.of("招商银行", "上海华瑞银行"), "central-2",
                CHANGED, "另一次调整"));
        when(acceptance.changeCustodyBanks(any(), any(), anyLong())).thenThrow(stale(2));

        String page = act(post("/central/custody-banks/additions").with(central()).param("version", "1")
                .param("bank", "平安银行").param("reason", "加入"));

        assertThat(page).contains("该记录在此期间已被他人修改，现为第 2 版。", "上海华瑞银行", "加入白名单（依据第 2 版）",
                "value=\"平安银行\"");
    }

    @Test
    void acc15_anActWithoutTheCsrfTokenIsRefusedAndNothingIsSent() throws Exception {
        mvc.perform(post("/central/custody-banks/additions").with(central()).param("version", "1")
                .param("bank", "平安银行").param("reason", "加入")).andExpect(status().isForbidden());

        verify(acceptance, never()).changeCustodyBanks(any(), any(), anyLong());
    }

    // ---

    @Test
    void theScreensSpeakEnglishOnRequest() throws Exception {
        String page = mvc.perform(get("/central/schedule").param("lang", "en").with(central()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("Campaign schedule", "Mobilisation and deployment", "30 Apr 2016",
                "Save the schedule (based on version 2)", "Reason for the change");
    }

    private String page(String path, OidcLoginRequestPostProcessor user) throws Exception {
        return mvc.perform(get(path).with(user)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String act(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request.with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    static ApiProblemException validation(String rule, ApiProblem.FieldError error) {
        return new ApiProblemException(new ApiProblem("urn:p2p-supervision:problem:validation-failed",
                "Invalid input", 400, error.field() + " " + error.message(), rule, null, "r-400", List.of(error),
                null, null));
    }

    static ApiProblemException stale(long current) {
        return new ApiProblemException(new ApiProblem("urn:p2p-supervision:problem:stale-version", "Stale", 412,
                "If-Match is not the current version", null, null, "r-412", List.of(), null, current));
    }

    static CampaignData.Schedule schedule(long version, String summaryDue, String by, String reason) {
        return new CampaignData.Schedule(version, List.of(
                new CampaignData.Milestone("DEPLOYMENT", "动员部署", LocalDate.of(2016, 4, 30)),
                new CampaignData.Milestone("INVESTIGATION", "摸底排查", LocalDate.of(2016, 7, 31)),
                new CampaignData.Milestone("CLASSIFICATION", "清理整顿分类处置", LocalDate.of(2016, 11, 30)),
                new CampaignData.Milestone("SUMMARY_REPORT", "总结报告", LocalDate.parse(summaryDue))),
                by, by == null ? null : CHANGED, reason);
    }

    static CampaignData.ScreeningThresholds screening(long version, String by, String reason) {
        return new CampaignData.ScreeningThresholds(version, 3, new BigDecimal("0.5000"), new BigDecimal("0.2500"),
                new BigDecimal("10.00"), by, by == null ? null : CHANGED, reason);
    }

    static Watch.MonitoringThresholds monitoring(long version, String by, String reason) {
        return version == 1 ? new Watch.MonitoringThresholds(1, new BigDecimal("10.00"), new BigDecimal("30.00"),
                new BigDecimal("30.00"), null, null, null)
                : new Watch.MonitoringThresholds(version, new BigDecimal("8.50"), new BigDecimal("25.00"),
                new BigDecimal("20.00"), by, CHANGED, reason);
    }
}
