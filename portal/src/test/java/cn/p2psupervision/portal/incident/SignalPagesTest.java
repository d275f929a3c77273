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

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.p2psupervision.portal.PortalTest;
import cn.p2psupervision.portal.api.ApiProblem;
import cn.p2psupervision.portal.api.ApiProblemException;
import cn.p2psupervision.portal.api.PageOf;
import cn.p2psupervision.portal.institution.InstitutionPagesTest;

/**
 * 风险信息 (INC-01): the list and one signal as the API gives them, the form on which a provincial officer records a
 * signal (central reads and records none, AUTH-03), and the institution's unlinked signals linked to an event from
 * its page by the registration province (with the event's version in If-Match); each refusal in words at its form.
 */
class SignalPagesTest extends PortalTest {

    static final String EV = IncidentPagesTest.EV;
    static final String SG = "SG-20261122-7KQ2M9XA";
    static final Instant OBSERVED = Instant.parse("2026-11-22T00:30:00Z");
    static final Instant RECORDED = Instant.parse("2026-11-22T01:00:00Z");

    @Test
    void inc01_theListShowsEachSignalsTypeInstitutionsSourceTimesAndItsEvent() throws Exception {
        when(incidents.signals(null, null, 0)).thenReturn(new PageOf<>(List.of(
                signal(SG, "OVERDUE_OR_RUN", null), signal("SG-2", "LENDER_PROTEST", EV)), 0, 20, 2));

        String page = page(get("/incidents/signals"), officer("zj-officer", "33"));

        assertThat(page).contains("data-testid=\"signal-table\"", "逾期兑付、挤兑、暂停或限制提现", "出借人集中维权、围堵",
                        "href=\"/incidents/signals/" + SG + "\"", "href=\"/institutions/id-1\"", "媒体报道",
                        "2026年11月22日 08:30", "2026年11月22日 09:00", "href=\"/incidents/" + EV + "\"", "尚未关联事件",
                        "data-testid=\"new-signal\"", "data-testid=\"incident-nav\"", "<th scope=\"col\"",
                        "<label for=\"signals-linked\"")
                .containsPattern("class=\"nav-link active\" aria-current=\"page\"\\s+href=\"/incidents/signals\"")
                .doesNotContain(ACCESS_TOKEN);
    }

    @Test
    void inc01_theFiltersAskTheApiForTheUnlinkedSignalsOfOneInstitution() throws Exception {
        when(incidents.signals(false, "id-1", 0)).thenReturn(new PageOf<>(List.of(), 0, 20, 0));

        String page = page(get("/incidents/signals").param("linked", "false").param("institutionId", " id-1 "),
                officer("zj-officer", "33"));

        verify(incidents).signals(false, "id-1", 0);
        assertThat(page).contains("没有符合条件的风险信息。", "<option value=\"false\" selected=\"selected\"");
    }

    @Test
    void auth03_centralReadsTheSignalsButIsOfferedNoFormToRecordOne() throws Exception {
        when(incidents.signals(null, null, 0)).thenReturn(new PageOf<>(List.of(signal(SG, "RUMOUR", null)), 0, 20, 1));

        assertThat(page(get("/incidents/signals"), central())).contains("谣言")
                .doesNotContain("data-testid=\"new-signal\"");
        assertThat(page(get("/incidents/signals/new"), central())).contains("data-testid=\"signal-read-only\"")
                .doesNotContain("data-testid=\"new-signal-form\"");
        assertThat(page(get("/incidents/signals/new"), officer("gd-officer", "44")))
                .contains("data-testid=\"new-signal-form\"", "<label for=\"signal-observedAt\"",
                        "type=\"datetime-local\"", "max=\"2026-11-22T10:00\"");
    }

    @Test
    void inc01_anOfficerRecordsASignalAboutAnInstitutionByItsCreditCodeSeenInBeijingTime() throws Exception {
        var file = InstitutionPagesTest.file("READ");
        when(registry.file(file.creditCode())).thenReturn(file);
        when(incidents.recordSignal(any())).thenReturn(signal(SG, "OVERDUE_OR_RUN", null));

        mvc.perform(post("/incidents/signals").with(officer("zj-officer", "33")).with(csrf())
                        .param("institution", " " + file.creditCode() + " ").param("type", "OVERDUE_OR_RUN")
                        .param("source", "媒体报道").param("observedAt", "2026-11-22T08:30")
                        .param("description", " 平台自2月底起限制提现 "))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/incidents/signals/" + SG))
                .andExpect(flash().attribute("signalDone", "recorded"));

        verify(incidents).recordSignal(new Signals.Draft("OVERDUE_OR_RUN", List.of(file.id()), "媒体报道",
                "2026-11-22T08:30:00+08:00", "平台自2月底起限制提现"));
    }

    @Test
    void inc01_aRefusedSignalIsShownInWordsAtTheFormWithWhatWasEnteredKept() throws Exception {
        var file = InstitutionPagesTest.file("READ");
        when(registry.file(file.creditCode())).thenReturn(file);
        when(incidents.recordSignal(any())).thenThrow(new ApiProblemException(new ApiProblem(
                "urn:p2p-supervision:problem:validation-failed", "Invalid", 400, null, "INC-01", null, null,
                List.of(new ApiProblem.FieldError("observedAt", "must not be in the future")), null, null)));

        String page = page(post("/incidents/signals").with(csrf()).param("institution", file.creditCode())
                .param("type", "LENDER_PROTEST").param("source", "群众举报").param("observedAt", "2026-11-23T08:30")
                .param("description", "出借人聚集"), officer("zj-officer", "33"));

        assertThat(page).contains("data-testid=\"refusal\"", "提交的内容不符合要求。", "must not be in the future",
                "value=\"" + file.creditCode() + "\"", "value=\"群众举报\"", "value=\"2026-11-23T08:30\"",
                ">出借人聚集</textarea>", "<option value=\"LENDER_PROTEST\" selected=\"selected\"",
                "杭州钱塘易贷网络科技有限公司（浙江）");
    }

    @Test
    void auth02_anInstitutionOutOfScopeIsRefusedAtItsFieldAndNoSignalIsRecorded() throws Exception {
        when(registry.file("91440300MA5DC0QJ7B")).thenThrow(new ApiProblemException(ApiProblem.ofStatus(404)));

        String page = page(post("/incidents/signals").with(csrf()).param("institution", "91440300MA5DC0QJ7B")
                .param("type", "RUMOUR").param("source", "网络"), officer("zj-officer", "33"));

        assertThat(page).contains("id=\"signal-institution-problem\"", "未找到该记录，或您无权查看。",
                "value=\"91440300MA5DC0QJ7B\"", "value=\"网络\"");
        verify(incidents, never()).recordSignal(any());
    }

    @Test
    void inc01_oneSignalShowsItsInstitutionsByNameItsEventAndTheConfirmation() throws Exception {
        var file = InstitutionPagesTest.file("READ");
        when(incidents.signal(SG)).thenReturn(new Signals.Signal(SG, "OVERDUE_OR_RUN", List.of(file.id(), "id-gone"),
                "媒体报道", OBSERVED, "平台自2月底起限制提现", new Events.Actor("zj-officer", "33", null), RECORDED,
                null, null, EV));
        when(registry.file(file.id())).thenReturn(file);
        when(registry.file("id-gone")).thenThrow(new ApiProblemException(ApiProblem.ofStatus(404)));

        String page = mvc.perform(get("/incidents/signals/" + SG).with(officer("zj-officer", "33"))
                        .flashAttr("signalDone", "recorded"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("data-testid=\"signal-done\"", "风险信息 " + SG + " 已登记。", "逾期兑付、挤兑、暂停或限制提现",
                "杭州钱塘易贷网络科技有限公司", "（浙江）", ">id-gone</a>", "平台自2月底起限制提现", "2026年11月22日 08:30",
                "2026年11月22日 09:00，zj-officer", "data-testid=\"signal-event\"", "内部资料 注意保密");
    }

    @Test
    void inc01_theRegistrationProvinceIsOfferedTheInstitutionsUnlinkedSignalsToLinkAndOthersAreNot() throws Exception {
        when(incidents.event(EV)).thenReturn(EventActsPagesTest.especiallyMajor());
        when(incidents.signals(false, "id-1", 0)).thenReturn(new PageOf<>(List.of(
                signal(SG, "OVERDUE_OR_RUN", null), signal("SG-2", "NEGATIVE_MEDIA", null)), 0, 20, 2));

        String lead = page(get("/incidents/" + EV), officer("zj-officer", "33"));
        String form = lead.substring(lead.indexOf("data-testid=\"link-signals-form\""),
                lead.indexOf("data-testid=\"watcher-form\""));
        assertThat(form).contains("<fieldset", "<legend", "name=\"signalIds\" value=\"" + SG + "\"",
                "<label class=\"form-check-label\" for=\"link-signal-1\"", "负面舆情",
                "action=\"/incidents/" + EV + "/signals\"", "name=\"version\" value=\"2\"")
                .doesNotContain("checked");

        assertThat(page(get("/incidents/" + EV), officer("gd-officer", "44")))
                .doesNotContain("data-testid=\"link-signals-form\"");
        assertThat(page(get("/incidents/" + EV), central())).doesNotContain("data-testid=\"link-signals-form\"");
        verify(incidents).signals(false, "id-1", 0);
    }

    @Test
    void inc01_linkingSendsTheTickedSignalsWithTheEventsVersionAndComesBackConfirmed() throws Exception {
        when(incidents.act(eq(HttpMethod.POST), eq("signals"), any(), eq(2L), eq(EV)))
                .thenReturn(EventActsPagesTest.especiallyMajor());

        mvc.perform(post("/incidents/" + EV + "/signals").with(officer("zj-officer", "33")).with(csrf())
                        .param("version", "2").param("signalIds", SG, "SG-2"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/incidents/" + EV))
                .andExpect(flash().attribute("eventDone", "signals"));

        verify(incidents).act(HttpMethod.POST, "signals", new EventActsController.SignalsBody(List.of(SG, "SG-2")), 2,
                EV);
    }

    @Test
    void inc01_aRefusedLinkIsShownAtItsFormWithTheTickedSignalsStillTicked() throws Exception {
        when(incidents.event(EV)).thenReturn(EventActsPagesTest.especiallyMajor());
        when(incidents.signals(false, "id-1", 0)).thenReturn(new PageOf<>(List.of(
                signal(SG, "OVERDUE_OR_RUN", null), signal("SG-2", "NEGATIVE_MEDIA", null)), 0, 20, 2));
        when(incidents.act(eq(HttpMethod.POST), eq("signals"), any(), eq(2L), eq(EV))).thenThrow(
                new ApiProblemException(new ApiProblem("urn:p2p-supervision:problem:rule-violation", "Refused", 422,
                        "Signal SG-2 is about none of the institutions of the event", "INC-01", null, null, List.of(),
                        null, null)));

        String page = page(post("/incidents/" + EV + "/signals").with(csrf()).param("version", "2")
                .param("signalIds", "SG-2"), officer("zj-officer", "33"));

        String form = page.substring(page.indexOf("data-testid=\"link-signals-form\""),
                page.indexOf("data-testid=\"watcher-form\""));
        assertThat(form).contains("data-testid=\"refusal\"", "风险信息须涉及本事件的机构。",
                "Signal SG-2 is about none of the institutions of the event");
        assertThat(form.split("checked=\"checked\"").length - 1).as("only the signal that was ticked").isEqualTo(1);
        assertThat(form).containsPattern("value=\"SG-2\"\\s+id=\"link-signal-1\"\\s+checked=\"checked\"");
    }

    private String page(MockHttpServletRequestBuilder request, OidcLoginRequestPostProcessor user) throws Exception {
        return mvc.perform(request.with(user)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    static Signals.Signal signal(String id, String type, String eventId) {
        return new Signals.Signal(id, type, List.of("id-1"), "媒体报道", OBSERVED, "平台自2月底起限制提现",
                new Events.Actor("zj-officer", "33", null), RECORDED, null, null, eventId);
    }
}
