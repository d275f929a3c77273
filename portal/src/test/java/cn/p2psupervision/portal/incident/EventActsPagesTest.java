package cn.p2psupervision.portal.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
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
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;

import cn.p2psupervision.portal.PortalTest;
import cn.p2psupervision.portal.api.ApiProblem;
import cn.p2psupervision.portal.api.ApiProblemException;
import cn.p2psupervision.portal.institution.InstitutionPagesTest;

/**
 * The acts on a risk event from its page: each role sees the forms it may use and no others (INC-05, INC-09, AUTH-03,
 * AUTH-04), an act sends the page's version and comes back with a confirmation, and a refusal is shown in words at its
 * form with what was entered kept; recording an event from an institution (INC-02).
 */
class EventActsPagesTest extends PortalTest {

    static final String EV = IncidentPagesTest.EV;
    static final Instant RECORDED = NOW.minusSeconds(600);

    @Test
    void inc03_anOfficerOfTheRegistrationProvinceSeesTheProposedLevelWithItsCriteriaAndSetsTheLevel() throws Exception {
        when(incidents.event(EV)).thenReturn(unlevelled());
        when(incidents.levelProposal(EV)).thenReturn(new Events.LevelProposal("MAJOR",
                List.of(new Events.LevelProposal.Reason("LENDERS_AFFECTED", "20000 lenders affected (at least 10000)")),
                new Events.LevelProposal.Figures("2026-10", new BigDecimal("620000000.00"), 412, 10000, 20000, 1, 2)));

        String page = page(officer("zj-officer", "33"));

        assertThat(page).contains("data-testid=\"level-form\"", "平台建议级别", "受影响出借人数达到标准",
                        "620,000,000.00 元", "data-testid=\"measure-form\"", "目前只可采取控制类措施",
                        "data-testid=\"closure-form\"", "<label for=\"level-reason\"")
                .doesNotContain("data-testid=\"plan-form\"", "data-testid=\"support-form\"",
                        "data-testid=\"notification-form\"", "移送公安</option>");

        when(incidents.act(eq(HttpMethod.PUT), eq("level"), any(), eq(1L), eq(EV))).thenReturn(especiallyMajor());
        mvc.perform(post("/incidents/" + EV + "/level").with(officer("zj-officer", "33")).with(csrf())
                        .param("version", "1").param("level", "ESPECIALLY_MAJOR").param("reason", " 出借人围堵公司 "))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/incidents/" + EV))
                .andExpect(flash().attribute("eventDone", "level"));
        verify(incidents).act(HttpMethod.PUT, "level",
                new EventActsController.LevelBody("ESPECIALLY_MAJOR", "出借人围堵公司"), 1, EV);
    }

    @Test
    void inc05_auth04_onlyAHeadOfTheRegistrationProvinceIsOfferedTheEmergencyPlan() throws Exception {
        when(incidents.event(EV)).thenReturn(especiallyMajor());

        assertThat(page(officer("zj-officer", "33"))).contains("data-testid=\"watcher-form\"",
                "data-testid=\"notification-form\"", "data-testid=\"report-form\"", "提交书面详细报告", "移送公安")
                .doesNotContain("data-testid=\"plan-form\"");
        assertThat(page(head("zj-head-finance", "33"))).contains("data-testid=\"plan-form\"", "启动应急预案");
    }

    @Test
    void inc09_aBusinessPlaceProvinceIsOfferedOnlyTheSupportNoteAndCentralNoActAtAll() throws Exception {
        when(incidents.event(EV)).thenReturn(especiallyMajor());

        assertThat(page(officer("gd-officer", "44"))).contains("data-testid=\"support-form\"")
                .doesNotContain("data-testid=\"level-form\"", "data-testid=\"measure-form\"",
                        "data-testid=\"progress-form\"", "data-testid=\"closure-form\"");
        String central = page(central());
        assertThat(central).contains("data-testid=\"interval-form\"", "每 24 小时续报一次")
                .doesNotContain("data-testid=\"level-form\"", "data-testid=\"measure-form\"",
                        "data-testid=\"support-form\"", "data-testid=\"closure-form\"");
        assertThat(central.split("<form method=\"post\" action=\"/incidents/").length - 1)
                .as("central's only act: the follow-up interval (AUTH-03)").isEqualTo(1);
        verify(incidents, never()).levelProposal(EV);
    }

    @Test
    void inc06_centralSetsTheFollowUpIntervalInWholeHoursWithAReason() throws Exception {
        when(incidents.act(eq(HttpMethod.PUT), eq("follow-up-interval"), any(), eq(2L), eq(EV)))
                .thenReturn(especiallyMajor());

        mvc.perform(post("/incidents/" + EV + "/follow-up-interval").with(central()).with(csrf())
                        .param("version", "2").param("hours", "48").param("reason", "事态趋稳，放宽续报频次"))
                .andExpect(status().isFound()).andExpect(flash().attribute("eventDone", "interval"));

        verify(incidents).act(HttpMethod.PUT, "follow-up-interval",
                new EventActsController.IntervalBody(48, "事态趋稳，放宽续报频次"), 2, EV);
    }

    @Test
    void inc04_aRefusedActIsShownInWordsAtItsFormWithWhatWasEnteredKept() throws Exception {
        when(incidents.event(EV)).thenReturn(especiallyMajor());
        when(incidents.act(eq(HttpMethod.PUT), eq("watcher"), any(), eq(2L), eq(EV))).thenThrow(new ApiProblemException(
                new ApiProblem("urn:p2p-supervision:problem:rule-violation", "A rule refuses", 422,
                        "Only an especially major event has a watcher", "INC-04", null, null, List.of(), null, null)));

        String page = mvc.perform(post("/incidents/" + EV + "/watcher").with(officer("zj-officer", "33")).with(csrf())
                        .param("version", "2").param("name", "李四").param("position", "风险处处长"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        String watcherForm = page.substring(page.indexOf("data-testid=\"watcher-form\""),
                page.indexOf("data-testid=\"notification-form\""));
        assertThat(watcherForm).contains("data-testid=\"refusal\"", "INC-04", "value=\"李四\"", "value=\"风险处处长\"");
    }

    @Test
    void inc06_aStaleVersionSaysTheEventChangedMeanwhileAndShowsItAsItIsNow() throws Exception {
        when(incidents.event(EV)).thenReturn(especiallyMajor());
        when(incidents.act(eq(HttpMethod.POST), eq("notification"), any(), eq(1L), eq(EV))).thenThrow(
                new ApiProblemException(new ApiProblem("urn:p2p-supervision:problem:stale-version", "Stale", 412,
                        null, null, null, null, List.of(), null, 2L)));

        String page = mvc.perform(post("/incidents/" + EV + "/notification").with(officer("zj-officer", "33"))
                        .with(csrf()).param("version", "1").param("recipients", "P2P_RECTIFICATION_OFFICE")
                        .param("reference", "浙金办电〔2026〕12号"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        String form = page.substring(page.indexOf("data-testid=\"notification-form\""),
                page.indexOf("data-testid=\"report-form\""));
        assertThat(form).contains("data-testid=\"refusal\"", "第 2 版", "name=\"version\" value=\"2\"",
                "value=\"浙金办电〔2026〕12号\"");
        assertThat(form.split("checked=\"checked\"").length - 1).as("only the office that was ticked stays ticked").isEqualTo(1);
    }

    @Test
    void inc07_aMeasuresProgressIsSentWithTheMeasuresId() throws Exception {
        when(incidents.act(eq(HttpMethod.PUT), eq("measures/{measureId}"), any(), eq(4L), eq(EV), eq("EV-M1")))
                .thenReturn(especiallyMajor());
        mvc.perform(post("/incidents/" + EV + "/measures/EV-M1").with(officer("zj-officer", "33")).with(csrf())
                        .param("version", "4").param("status", "DONE").param("note", "公安已立案"))
                .andExpect(status().isFound()).andExpect(flash().attribute("eventDone", "progress"));

        verify(incidents).act(HttpMethod.PUT, "measures/{measureId}",
                new EventActsController.ProgressBody("DONE", "公安已立案"), 4, EV, "EV-M1");
    }

    @Test
    void inc02_anOfficerRecordsAnEventAboutAnInstitutionNamedByItsCreditCode() throws Exception {
        var file = InstitutionPagesTest.file("READ");
        when(registry.file(file.creditCode())).thenReturn(file);
        when(incidents.record(any())).thenReturn(especiallyMajor());

        mvc.perform(post("/incidents").with(officer("zj-officer", "33")).with(csrf())
                        .param("institution", file.creditCode()).param("type", "OVERDUE_PAYMENT")
                        .param("title", "平台逾期兑付").param("description", "").param("lendersAffected", "20000"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/incidents/" + EV))
                .andExpect(flash().attribute("eventDone", "recorded"));

        verify(incidents).record(new Events.Draft(file.id(), "OVERDUE_PAYMENT", "平台逾期兑付", null, 20000L));
    }

    @Test
    void inc02_auth02_anInstitutionOutOfScopeIsRefusedAtItsFieldAndNothingIsRecorded() throws Exception {
        when(registry.file("91440300MA5DC0QJ7B")).thenThrow(new ApiProblemException(ApiProblem.ofStatus(404)));

        String page = mvc.perform(post("/incidents").with(officer("zj-officer", "33")).with(csrf())
                        .param("institution", "91440300MA5DC0QJ7B").param("type", "EXIT").param("title", "退出"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("id=\"event-institution-problem\"", "未找到该记录，或您无权查看。",
                "value=\"91440300MA5DC0QJ7B\"", "value=\"退出\"");
        verify(incidents, never()).record(any());
    }

    private String page(OidcLoginRequestPostProcessor user) throws Exception {
        return mvc.perform(get("/incidents/" + EV).with(user)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** Just recorded, no level yet. */
    static Events.Event unlevelled() {
        return new Events.Event(EV, "id-1", "杭州钱塘易贷网络科技有限公司", "91330100MA28A7K3X6", "33", "OVERDUE_PAYMENT",
                "逾期兑付", "平台逾期兑付，出借人聚集", null, null, List.of(), "OPEN", null, null, null, false, null, null, List.of(),
                24, List.of(), false, List.of(), List.of(), null, 1, new Events.Actor("zj-officer", "33", null), RECORDED,
                RECORDED);
    }

    /** Especially major, its watcher not named yet, version 2. */
    static Events.Event especiallyMajor() {
        return new Events.Event(EV, "id-1", "杭州钱塘易贷网络科技有限公司", "91330100MA28A7K3X6", "33", "OVERDUE_PAYMENT",
                "逾期兑付", "平台逾期兑付，出借人聚集", null, null, List.of(), "OPEN", "ESPECIALLY_MAJOR", "出借人围堵公司", null, true,
                null, null, List.of(), 24, List.of(), false, List.of(), List.of(), null, 2,
                new Events.Actor("zj-officer", "33", null), RECORDED, RECORDED);
    }
}
