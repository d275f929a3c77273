package cn.p2psupervision.portal.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
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

import org.junit.jupiter.api.Test;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.p2psupervision.portal.PortalTest;
import cn.p2psupervision.portal.api.ApiProblem;
import cn.p2psupervision.portal.api.ApiProblemException;
import cn.p2psupervision.portal.api.PageOf;
import cn.p2psupervision.portal.institution.InstitutionPagesTest;

/**
 * The watch over institutions and the deadlines across events: the zombie institutions with the months or the closure
 * of bidding that list them, a closure recorded and withdrawn by the registration province (INC-10); the off-site
 * monitoring alerts with their figures, dismissed or turned into a signal (INC-11); the board of deadlines overdue and
 * the breaches (INC-06). Each role sees only the forms it may use (AUTH-02, AUTH-03); refusals are shown at the form.
 */
class WatchPagesTest extends PortalTest {

    static final Instant DETECTED = Instant.parse("2026-11-01T01:00:00Z");
    static final String ALERT = "id-1:2026-10:BALANCE_FALL";

    // ---- zombies (INC-10) -----------------------------------------------------------------------------------------

    @Test
    void inc10_theListShowsTheMonthsAtZeroAndTheClosureOfBiddingThatListEachInstitution() throws Exception {
        when(incidents.zombies(null, 0)).thenReturn(zombies());

        String page = page(get("/incidents/zombies"), officer("zj-officer", "33"));

        assertThat(page).contains("data-testid=\"zombie-table\"", "杭州钱塘易贷网络科技有限公司", "91330100MA28A7K3X6",
                "借贷余额连续为零", "2026年7月至2026年10月，连续 4 个月", "连续无新增出借", "停止发标",
                "2026年11月20日发现：投标入口已关闭", "经营地：广东", "2026年10月", "深圳前海某金融信息服务有限公司",
                "<th scope=\"col\"", "内部资料 注意保密");
    }

    @Test
    void auth02_theRegistrationProvinceIsOfferedTheClosureFormsOthersOnlyWhatTheyMayUse() throws Exception {
        when(incidents.zombies(null, 0)).thenReturn(zombies());

        String zhejiang = page(get("/incidents/zombies"), officer("zj-officer", "33"));
        assertThat(zhejiang).contains("data-testid=\"closure-form\"", "<label for=\"closure-institution\"",
                "<label for=\"closure-observedOn\"", "max=\"2026-11-22\"", "<label for=\"closure-evidence\"",
                "action=\"/incidents/zombies/bidding-closures/id-1/withdrawal\"", "for=\"withdraw-reason-0\"")
                .doesNotContain("id=\"zombies-province\"");
        assertThat(zhejiang.split("data-testid=\"withdraw-closure-form\"").length - 1)
                .as("only the Zhejiang institution with a closure").isEqualTo(1);

        assertThat(page(get("/incidents/zombies"), officer("gd-officer", "44")))
                .contains("data-testid=\"closure-form\"").doesNotContain("data-testid=\"withdraw-closure-form\"");
        assertThat(page(get("/incidents/zombies"), central())).contains("<label for=\"zombies-province\"")
                .doesNotContain("data-testid=\"closure-form\"", "data-testid=\"withdraw-closure-form\"");
    }

    @Test
    void inc10_centralChoosesTheRegistrationProvince() throws Exception {
        when(incidents.zombies("33", 0)).thenReturn(new PageOf<>(List.of(), 0, 20, 0));

        String page = page(get("/incidents/zombies").param("province", "33"), central());

        verify(incidents).zombies("33", 0);
        assertThat(page).contains("没有僵尸类机构。", "<option value=\"33\" selected=\"selected\">浙江</option>");
    }

    @Test
    void inc10_anOfficerRecordsAClosureOfBiddingOfAnInstitutionNamedByItsCreditCode() throws Exception {
        var file = InstitutionPagesTest.file("READ");
        when(registry.file(file.creditCode())).thenReturn(file);
        when(incidents.recordBiddingClosure(any())).thenReturn(new WatchList.Closure(file.id(),
                LocalDate.of(2026, 11, 20), "投标入口已关闭", "zj-officer", NOW));

        mvc.perform(post("/incidents/zombies/bidding-closures").with(officer("zj-officer", "33")).with(csrf())
                        .param("institution", file.creditCode()).param("observedOn", "2026-11-20")
                        .param("evidence", " 投标入口已关闭 "))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/incidents/zombies"))
                .andExpect(flash().attribute("zombieDone", "closure"))
                .andExpect(flash().attribute("zombieName", file.name()));

        verify(incidents).recordBiddingClosure(new WatchList.ClosureDraft(file.id(), "2026-11-20", "投标入口已关闭"));
    }

    @Test
    void inc10_aRefusedClosureIsShownInWordsAtItsFormWithWhatWasEnteredKept() throws Exception {
        var file = InstitutionPagesTest.file("READ");
        when(registry.file(file.creditCode())).thenReturn(file);
        when(incidents.zombies(null, 0)).thenReturn(zombies());
        when(incidents.recordBiddingClosure(any())).thenThrow(new ApiProblemException(new ApiProblem(
                "urn:p2p-supervision:problem:conflict", "Conflict", 409, "A closure of bidding is recorded already",
                "INC-10", null, null, List.of(), null, null)));

        String page = page(post("/incidents/zombies/bidding-closures").with(csrf())
                .param("institution", file.creditCode()).param("observedOn", "2026-11-21")
                .param("evidence", "平台公告停止发标"), officer("zj-officer", "33"));

        String form = page.substring(page.indexOf("data-testid=\"closure-form\""), page.indexOf("id=\"zombie-list\""));
        assertThat(form).contains("data-testid=\"refusal\"", "该操作与记录的当前状态冲突。",
                "value=\"" + file.creditCode() + "\"", "value=\"2026-11-21\"", ">平台公告停止发标</textarea>");
    }

    @Test
    void auth02_aClosureOfAnInstitutionOutOfScopeIsRefusedAtItsFieldAndNothingIsSent() throws Exception {
        when(registry.file("91440300MA5DC0QJ7B")).thenThrow(new ApiProblemException(ApiProblem.ofStatus(404)));
        when(incidents.zombies(null, 0)).thenReturn(zombies());

        String page = page(post("/incidents/zombies/bidding-closures").with(csrf())
                .param("institution", "91440300MA5DC0QJ7B").param("observedOn", "2026-11-21")
                .param("evidence", "x"), officer("zj-officer", "33"));

        assertThat(page).contains("id=\"closure-institution-problem\"", "未找到该记录，或您无权查看。",
                "value=\"91440300MA5DC0QJ7B\"");
        verify(incidents, never()).recordBiddingClosure(any());
    }

    @Test
    void inc10_aClosureIsWithdrawnWithItsReasonAndARefusalStaysAtItsRow() throws Exception {
        mvc.perform(post("/incidents/zombies/bidding-closures/id-1/withdrawal").with(officer("zj-officer", "33"))
                        .with(csrf()).param("reason", " 已恢复发标 ").param("name", "杭州钱塘易贷网络科技有限公司"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/incidents/zombies"))
                .andExpect(flash().attribute("zombieDone", "withdrawal"));
        verify(incidents).withdrawBiddingClosure("id-1", "已恢复发标");

        when(incidents.zombies(null, 0)).thenReturn(zombies());
        doThrow(new ApiProblemException(new ApiProblem("urn:p2p-supervision:problem:validation-failed", "Invalid",
                400, null, null, null, null, List.of(new ApiProblem.FieldError("reason", "is required")), null, null)))
                .when(incidents).withdrawBiddingClosure(eq("id-1"), any());
        String page = page(post("/incidents/zombies/bidding-closures/id-1/withdrawal").with(csrf())
                .param("reason", "   ").param("name", "x"), officer("zj-officer", "33"));
        String row = page.substring(page.indexOf("data-testid=\"withdraw-closure-form\""));
        assertThat(row).contains("data-testid=\"refusal\"", "is required");
        assertThat(page.indexOf("data-testid=\"refusal\"")).isGreaterThan(page.indexOf("data-testid=\"zombie-table\""));
    }

    // ---- alerts (INC-11) ------------------------------------------------------------------------------------------

    @Test
    void inc11_theOpenAlertsShowMetricThresholdValueAndTheMonthsBehindThem() throws Exception {
        when(incidents.alerts("OPEN", 0)).thenReturn(new PageOf<>(List.of(alert("33"), alert("44")), 0, 20, 2));

        String page = page(get("/incidents/alerts"), officer("zj-officer", "33"));

        assertThat(page).contains("data-testid=\"alert-table\"", "借贷余额环比下降", "2026年10月", "30.00%", "40.00%",
                "2026年9月：借贷余额 1,000,000.00 元，出借人 5,000，逾期率 2.50%，当月成交 200,000.00 元",
                "2026年10月：借贷余额 600,000.00 元", "待处理", "<option value=\"OPEN\" selected=\"selected\"",
                "<label for=\"alerts-state\"", "for=\"alert-type-0\"", "for=\"alert-note-0\"", "for=\"alert-reason-0\"",
                "action=\"/incidents/alerts/" + ALERT + "/signal\"");
        assertThat(page.split("data-testid=\"alert-signal-form\"").length - 1).as("the Zhejiang alert only")
                .isEqualTo(1);
        assertThat(page.split("data-testid=\"alert-dismiss-form\"").length - 1).isEqualTo(1);
    }

    @Test
    void auth03_centralAndABusinessPlaceReadTheAlertsWithoutAnyForm() throws Exception {
        when(incidents.alerts(null, 0)).thenReturn(new PageOf<>(List.of(alert("33")), 0, 20, 1));

        for (OidcLoginRequestPostProcessor reader : List.of(central(), officer("gd-officer", "44"))) {
            assertThat(page(get("/incidents/alerts").param("state", ""), reader)).contains("借贷余额环比下降")
                    .doesNotContain("data-testid=\"alert-signal-form\"", "data-testid=\"alert-dismiss-form\"");
        }

        // a business place sending the act all the same: the API's 403, in words above the list
        when(incidents.dismissAlert(eq(ALERT), any())).thenThrow(new ApiProblemException(ApiProblem.ofStatus(403)));
        String refused = page(post("/incidents/alerts/" + ALERT + "/dismissal").with(csrf()).param("listState", "")
                .param("reason", "不属本省"), officer("gd-officer", "44"));
        assertThat(refused).contains("data-testid=\"refusal\"", "您的角色无权进行此操作。")
                .doesNotContain("data-testid=\"alert-dismiss-form\"");
    }

    @Test
    void inc11_turningAnAlertIntoASignalSendsTypeAndNoteAndLeadsToTheNewSignal() throws Exception {
        when(incidents.alertToSignal(eq(ALERT), any(), any()))
                .thenReturn(SignalPagesTest.signal("SG-9", "OVERDUE_OR_RUN", null));

        mvc.perform(post("/incidents/alerts/" + ALERT + "/signal").with(officer("zj-officer", "33")).with(csrf())
                        .param("listState", "OPEN").param("type", "OVERDUE_OR_RUN").param("note", " 电话核实：已暂停新增业务 "))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/incidents/signals/SG-9"))
                .andExpect(flash().attribute("signalDone", "fromAlert"));

        verify(incidents).alertToSignal(ALERT, "OVERDUE_OR_RUN", "电话核实：已暂停新增业务");
    }

    @Test
    void inc11_anAlertIsDismissedWithItsReason() throws Exception {
        when(incidents.dismissAlert(eq(ALERT), anyString())).thenReturn(alert("33"));

        mvc.perform(post("/incidents/alerts/" + ALERT + "/dismissal").with(officer("zj-officer", "33")).with(csrf())
                        .param("listState", "OPEN").param("reason", "季节性回落，已核实"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/incidents/alerts"))
                .andExpect(flash().attribute("alertDone", "dismissed"));

        verify(incidents).dismissAlert(ALERT, "季节性回落，已核实");
    }

    @Test
    void inc11_aRefusedDismissalIsShownAtThatAlertsFormWithTheReasonKept() throws Exception {
        when(incidents.alerts("OPEN", 0)).thenReturn(new PageOf<>(List.of(alert("33")), 0, 20, 1));
        when(incidents.dismissAlert(eq(ALERT), any())).thenThrow(new ApiProblemException(new ApiProblem(
                "urn:p2p-supervision:problem:validation-failed", "Invalid", 400, null, null, null, null,
                List.of(new ApiProblem.FieldError("reason", "at most 2000 characters")), null, null)));

        String page = page(post("/incidents/alerts/" + ALERT + "/dismissal").with(csrf()).param("listState", "OPEN")
                .param("reason", "理由过长"), officer("zj-officer", "33"));

        String form = page.substring(page.indexOf("data-testid=\"alert-dismiss-form\""));
        assertThat(form).contains("data-testid=\"refusal\"", "at most 2000 characters", "value=\"理由过长\"");
        assertThat(page.substring(0, page.indexOf("data-testid=\"alert-dismiss-form\"")))
                .doesNotContain("data-testid=\"refusal\"");
    }

    @Test
    void inc11_anAlertHandledMeanwhileIsRefusedAboveTheList() throws Exception {
        when(incidents.alerts("OPEN", 0)).thenReturn(new PageOf<>(List.of(), 0, 20, 0));
        when(incidents.alertToSignal(eq(ALERT), any(), any())).thenThrow(new ApiProblemException(new ApiProblem(
                "urn:p2p-supervision:problem:conflict", "Conflict", 409, "Alert is DISMISSED already", "INC-11", null,
                null, List.of(), null, null)));

        String page = page(post("/incidents/alerts/" + ALERT + "/signal").with(csrf()).param("listState", "OPEN")
                .param("type", "OTHER"), officer("zj-officer", "33"));

        assertThat(page).contains("data-testid=\"refusal\"", "该操作与记录的当前状态冲突。");
        assertThat(page.indexOf("data-testid=\"refusal\"")).isLessThan(page.indexOf("id=\"alert-list\""));
    }

    // ---- the board (INC-06) ---------------------------------------------------------------------------------------

    @Test
    void inc06_theBoardShowsTheDeadlinesOverdueNowByProvinceTheWatchersMissingAndTheBreaches() throws Exception {
        when(incidents.board()).thenReturn(new Deadlines.Board(NOW, 2,
                List.of(new Deadlines.Overdue(IncidentPagesTest.EV, "id-1", "杭州钱塘易贷网络科技有限公司", "33",
                        "平台逾期兑付，出借人聚集", "NOTIFICATION", "2小时内报告", 0, NOW.minusSeconds(3900), 65)),
                List.of(new Deadlines.ProvinceCount("33", 1, 1, 0), new Deadlines.ProvinceCount("44", 1, 0, 2)),
                List.of("EV-20261122-GD000001")));
        when(incidents.breaches()).thenReturn(List.of(new Deadlines.Breach("EV-20261120-GD000002", "id-2",
                "深圳前海某金融信息服务有限公司", "44", "WRITTEN_REPORT", "4小时内书面报告", 0,
                Instant.parse("2026-11-20T05:00:00Z"), Instant.parse("2026-11-20T05:00:15Z"))));

        String page = page(get("/incidents/board"), central());

        assertThat(page).contains("处置中的特别重大事件 2 起，当前超时未报 1 项，未指定盯防专人 1 起。",
                "data-testid=\"board-overdue\"", "href=\"/incidents/" + IncidentPagesTest.EV + "\"", "2小时内报告",
                "1小时5分钟", "data-testid=\"board-provinces\"", "浙江", "广东", "data-testid=\"board-watcher-missing\"",
                "href=\"/incidents/EV-20261122-GD000001\"", "data-testid=\"breach-table\"", "4小时内书面报告",
                "2026年11月20日 13:00", "深圳前海某金融信息服务有限公司", "<th scope=\"col\"");
    }

    @Test
    void inc06_theIncidentsPageLeadsToEveryWatchScreen() throws Exception {
        when(incidents.events(null, null, 0)).thenReturn(new PageOf<>(List.of(), 0, 20, 0));

        assertThat(page(get("/incidents"), officer("zj-officer", "33"))).contains("data-testid=\"incident-nav\"",
                "href=\"/incidents/signals\"", "href=\"/incidents/zombies\"", "href=\"/incidents/alerts\"",
                "href=\"/incidents/board\"", "风险信息", "僵尸类机构", "非现场监测预警", "报告时限看板");
    }

    @Test
    void inc10_theScreensSpeakEnglishOnRequest() throws Exception {
        when(incidents.zombies(null, 0)).thenReturn(zombies());

        assertThat(page(get("/incidents/zombies").param("lang", "en"), officer("zj-officer", "33")))
                .contains("Zombie institutions", "Zero loan balance", "Record a closure of bidding", "Withdraw");
    }

    private String page(MockHttpServletRequestBuilder request, OidcLoginRequestPostProcessor user) throws Exception {
        return mvc.perform(request.with(user)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** A Zhejiang institution listed by its figures and a closure of bidding, a Guangdong one by its figures. */
    static PageOf<WatchList.Zombie> zombies() {
        return new PageOf<>(List.of(
                new WatchList.Zombie("id-1", "91330100MA28A7K3X6", "杭州钱塘易贷网络科技有限公司", "33", List.of("44"),
                        "OPERATING", List.of(
                        new WatchList.ZombieReason("BALANCE_ZERO",
                                List.of("2026-07", "2026-08", "2026-09", "2026-10"), null, null),
                        new WatchList.ZombieReason("BIDDING_CLOSED", null, LocalDate.of(2026, 11, 20), "投标入口已关闭")),
                        "2026-10", DETECTED),
                new WatchList.Zombie("id-2", "91440300MA5DC0QJ7B", "深圳前海某金融信息服务有限公司", "44", List.of(),
                        "OPERATING", List.of(new WatchList.ZombieReason("NEW_LENDING_ZERO",
                        List.of("2026-06", "2026-07", "2026-08", "2026-09", "2026-10"), null, null)),
                        "2026-10", DETECTED)), 0, 20, 2);
    }

    static WatchList.Alert alert(String province) {
        String id = "33".equals(province) ? ALERT : "id-2:2026-10:BALANCE_FALL";
        return new WatchList.Alert(id, "33".equals(province) ? "id-1" : "id-2", "某平台" + province, "9133",
                province, "2026-10", "BALANCE_FALL", new BigDecimal("30.00"), new BigDecimal("40.00"), List.of(
                new WatchList.MonthFigures("2026-09", new BigDecimal("1000000.00"), 5000L, 800L,
                        new BigDecimal("200000.00"), new BigDecimal("2.50")),
                new WatchList.MonthFigures("2026-10", new BigDecimal("600000.00"), 4800L, 700L,
                        new BigDecimal("0.00"), new BigDecimal("3.10"))),
                DETECTED, "OPEN", null, null, null, null, 1);
    }
}
