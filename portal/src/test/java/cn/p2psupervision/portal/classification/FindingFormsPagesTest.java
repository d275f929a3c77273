package cn.p2psupervision.portal.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
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
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.p2psupervision.portal.PortalTest;
import cn.p2psupervision.portal.api.ApiProblem;
import cn.p2psupervision.portal.api.ApiProblemException;

/**
 * 排查发现的问题 on an institution's file (CLS-01..03, AUTH-02): who sees the forms to record, amend and withdraw a
 * finding, what each act sends, and how the refusals read at their forms with the entries kept.
 */
class FindingFormsPagesTest extends PortalTest {

    static final String ID = ClassificationPagesTest.ID;
    static final String FINDING = "F-3A9C0D12E4B7";
    static final String WITHDRAWN = "F-00000000A1B2";

    @BeforeEach
    void zhejiangPlatformWithAnActiveAndAWithdrawnFinding() {
        when(registry.file(ID)).thenReturn(ClassificationPagesTest.file());
        when(classification.findings(ID)).thenReturn(List.of(fundPool(2), new Classification.Finding(WITHDRAWN,
                "OFFLINE_MARKETING", new Classification.Evidence("地推团队在商场推介", List.of()), "PUBLIC_COMPLAINT",
                LocalDate.of(2016, 8, 1), null, 2, "WITHDRAWN", "复核后不成立", "zj-officer",
                Instant.parse("2016-10-11T01:00:00Z"))));
        when(classification.catalogue()).thenReturn(ClassificationPagesTest.catalogue());
        when(classification.decision(ID)).thenReturn(null);
    }

    @Test
    void cls01_theRegistrationProvinceSeesTheFindingFormWithTheCatalogueGroupedByKind() throws Exception {
        String page = page(officer("zj-officer", "33"));

        assertThat(page).contains("data-testid=\"finding-form\"", "action=\"/institutions/" + ID + "/findings\"",
                "<label for=\"finding-problemCode\"", "<label for=\"finding-evidenceText\"",
                "<label for=\"finding-documents\"", "<label for=\"finding-source\"", "<label for=\"finding-foundOn\"",
                "<label for=\"finding-outstandingAmount\"", "<optgroup label=\"业务红线\">",
                "<option value=\"FUND_POOL\">设立资金池（违规业务，须填存量）</option>",
                "<option value=\"OFFLINE_MARKETING\">大规模线下营销</option>", "<optgroup label=\"其他问题\">",
                "<optgroup label=\"涉嫌违法犯罪\">", "<option value=\"ON_SITE_INSPECTION\">现场检查</option>",
                "max=\"2026-11-22\"", "登记该问题");
    }

    @Test
    void cls02_theCatalogueGroupsOnlyTheKindsItHas() throws Exception {
        String page = page(officer("zj-officer", "33"));

        assertThat(page).doesNotContain("<optgroup label=\"重点排查业务\">");
        assertThat(page.indexOf("<optgroup label=\"业务红线\">")).isLessThan(page.indexOf("<optgroup label=\"其他问题\">"));
    }

    @Test
    void cls01_anActiveFindingOffersItsAmendmentAndWithdrawalWithTheVersionShown() throws Exception {
        String page = page(head("zj-head-finance", "33"));

        assertThat(page).contains("data-testid=\"amend-finding-form\" data-finding-id=\"" + FINDING + "\"",
                "data-testid=\"withdraw-finding-form\" data-finding-id=\"" + FINDING + "\"",
                "action=\"/institutions/" + ID + "/findings/" + FINDING + "\"",
                "action=\"/institutions/" + ID + "/findings/" + FINDING + "/withdrawal\"",
                "name=\"version\" value=\"2\"", "<label for=\"amend-" + FINDING + "-problemCode\"",
                "<label for=\"withdraw-" + FINDING + "-reason\"", "保存修改（依据第 2 版）", "撤回该发现（依据第 2 版）",
                "<option value=\"FUND_POOL\" selected=\"selected\">", "value=\"1250000.00\"", "value=\"2016-07-15\"",
                "杭金检〔2016〕17号 检查记录\n杭金检〔2016〕18号</textarea>")
                .doesNotContain("data-finding-id=\"" + WITHDRAWN + "\"");
    }

    @Test
    void auth02_businessPlacesAndCentralReadTheFindingsWithoutAnyForm() throws Exception {
        for (OidcLoginRequestPostProcessor reader : List.of(officer("gd-officer", "44"), head("gd-head", "44"),
                central())) {
            assertThat(page(reader)).contains("设立资金池", "复核后不成立").doesNotContain("data-testid=\"finding-form\"",
                    "data-testid=\"amend-finding-form\"", "data-testid=\"withdraw-finding-form\"",
                    "action=\"/institutions/" + ID + "/findings\"");
        }
    }

    @Test
    void cls01_recordingSendsTheFindingAsEnteredAndComesBackWithAConfirmation() throws Exception {
        when(classification.recordFinding(eq(ID), any())).thenReturn(fundPool(1));

        mvc.perform(record("FUND_POOL", " 平台账户归集出借资金 ", "杭金检〔2016〕17号\n\n 杭金检〔2016〕18号 \n",
                        "ON_SITE_INSPECTION", "2016-07-15", "1,250,000.00").with(officer("zj-officer", "33")).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/institutions/" + ID))
                .andExpect(flash().attribute("findingDone", "recorded"))
                .andExpect(flash().attribute("findingId", FINDING));

        verify(classification).recordFinding(ID, new ClassificationApi.FindingBody("FUND_POOL",
                new ClassificationApi.EvidenceBody("平台账户归集出借资金", List.of("杭金检〔2016〕17号", "杭金检〔2016〕18号")),
                "ON_SITE_INSPECTION", "2016-07-15", new BigDecimal("1250000.00")));
    }

    @Test
    void cls01_aProblemWithoutStockSendsNoAmountAndBlankFieldsAsAbsent() throws Exception {
        when(classification.recordFinding(eq(ID), any())).thenReturn(fundPool(1));

        mvc.perform(record("OFFLINE_MARKETING", "地推", "", "", "", " ").with(officer("zj-officer", "33"))
                .with(csrf())).andExpect(status().isFound());

        verify(classification).recordFinding(ID, new ClassificationApi.FindingBody("OFFLINE_MARKETING",
                new ClassificationApi.EvidenceBody("地推", List.of()), null, null, null));
    }

    @Test
    void cls01_theConfirmationNamesTheFindingAndItsVersion() throws Exception {
        String page = mvc.perform(get("/institutions/" + ID).flashAttr("findingDone", "recorded")
                        .flashAttr("findingId", FINDING).flashAttr("findingVersion", 1L)
                        .with(officer("zj-officer", "33")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("data-testid=\"finding-done\"", "已登记排查发现的问题 " + FINDING + "（第 1 版）。");
    }

    @Test
    void cls01_fieldErrorsOfA400ShowAtTheirFieldsAndTheEntriesAreKept() throws Exception {
        when(classification.recordFinding(eq(ID), any())).thenThrow(new ApiProblemException(new ApiProblem(
                "urn:p2p-supervision:problem:validation-failed", "Invalid input", 400, "2 fields", "CLS-01", null,
                "r-1", List.of(new ApiProblem.FieldError("evidence.text", "must say what was found"),
                new ApiProblem.FieldError("outstandingAmount", "must be an amount in yuan, at least 0, with at most two decimals")),
                null, null)));

        String page = refused(record("FUND_POOL", " ", "杭金检〔2016〕17号", "ON_SITE_INSPECTION", "2016-07-15",
                "1,250,000.005").with(officer("zj-officer", "33")));

        assertThat(page).contains("data-testid=\"refusal\"", "提交的内容不符合要求。",
                        "id=\"finding-evidenceText-error\"", "must say what was found",
                        "id=\"finding-outstandingAmount-error\"", "at most two decimals",
                        "value=\"1,250,000.005\"", "<option value=\"FUND_POOL\" selected=\"selected\">",
                        "<option value=\"ON_SITE_INSPECTION\" selected=\"selected\">", "value=\"2016-07-15\"",
                        "杭金检〔2016〕17号</textarea>")
                .doesNotContain("id=\"finding-foundOn-error\"");
        assertThat(fieldTag(page, "finding-outstandingAmount")).contains("is-invalid", "aria-invalid=\"true\"",
                "finding-outstandingAmount-error");
        assertThat(fieldTag(page, "finding-foundOn")).doesNotContain("is-invalid");
    }

    @Test
    void cls01_aRuleRefusalNamesTheRuleInWordsAtTheForm() throws Exception {
        when(classification.recordFinding(eq(ID), any())).thenThrow(new ApiProblemException(new ApiProblem(
                "urn:p2p-supervision:problem:rule-violation", "A regulatory rule refuses this", 422,
                "FUND_POOL (设立资金池) is violating business: state its outstanding amount (存量)", "CLS-01", null,
                "r-2", List.of(), null, null)));

        String page = refused(record("FUND_POOL", "资金池", "", "ON_SITE_INSPECTION", "2016-07-15", "")
                .with(officer("zj-officer", "33")));

        assertThat(page).contains("该操作不符合监管规则 CLS-01：违规业务须填写违规存量，其他问题不填",
                "平台说明：FUND_POOL (设立资金池) is violating business", "资金池</textarea>");
        assertThat(page.indexOf("data-testid=\"refusal\"")).isGreaterThan(page.indexOf("data-testid=\"finding-form\""));
    }

    @Test
    void auth02_aRecordTheApiRefusesForTheRoleReadsAsARoleMessage() throws Exception {
        when(classification.recordFinding(eq(ID), any())).thenThrow(new ApiProblemException(new ApiProblem(
                "urn:p2p-supervision:problem:forbidden", "Forbidden", 403, "Only the registration province", null,
                null, "r-3", List.of(), null, null)));

        String page = refused(record("FUND_POOL", "资金池", "", "ON_SITE_INSPECTION", "2016-07-15", "1")
                .with(officer("gd-officer", "44")));

        assertThat(page).contains("您的角色无权进行此操作。").doesNotContain("data-testid=\"finding-form\"");
    }

    @Test
    void cls01_anAmendmentSendsTheWholeFindingWithTheVersionThePageShowed() throws Exception {
        when(classification.amendFinding(eq(ID), eq(FINDING), any(), anyLong())).thenReturn(fundPool(3));

        mvc.perform(post("/institutions/" + ID + "/findings/" + FINDING).param("version", "2")
                        .param("problemCode", "FUND_POOL").param("evidenceText", "资金池")
                        .param("documents", "杭金检〔2016〕17号").param("source", "OFF_SITE_ANALYSIS")
                        .param("foundOn", "2016-07-16").param("outstandingAmount", "980 000.5")
                        .with(officer("zj-officer", "33")).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/institutions/" + ID))
                .andExpect(flash().attribute("findingDone", "amended"));

        verify(classification).amendFinding(ID, FINDING, new ClassificationApi.FindingBody("FUND_POOL",
                new ClassificationApi.EvidenceBody("资金池", List.of("杭金检〔2016〕17号")), "OFF_SITE_ANALYSIS",
                "2016-07-16", new BigDecimal("980000.5")), 2L);
    }

    @Test
    void cls01_aStaleAmendmentOpensThatFindingWithTheCurrentVersionAndKeepsTheEntries() throws Exception {
        when(classification.amendFinding(eq(ID), eq(FINDING), any(), anyLong())).thenThrow(new ApiProblemException(
                new ApiProblem("urn:p2p-supervision:problem:stale-version", "Stale", 412, "If-Match \"1\" is not 2",
                        null, null, "r-4", List.of(), null, 2L)));

        String page = refused(post("/institutions/" + ID + "/findings/" + FINDING).param("version", "1")
                .param("problemCode", "FUND_POOL").param("evidenceText", "我改过的证据").param("source", "ON_SITE_INSPECTION")
                .param("foundOn", "2016-07-15").param("outstandingAmount", "2,000.00").with(officer("zj-officer", "33")));

        assertThat(page).contains("该记录在此期间已被他人修改，现为第 2 版。", "我改过的证据</textarea>",
                "value=\"2,000.00\"", "name=\"version\" value=\"2\"", "保存修改（依据第 2 版）");
        assertThat(page).containsPattern("<details[^>]*data-finding-id=\"" + FINDING + "\"[^>]*open");
        assertThat(page.indexOf("data-testid=\"refusal\"")).isGreaterThan(page.indexOf("data-testid=\"amend-finding-form\""));
    }

    @Test
    void cls01_theWithdrawalSendsTheReasonWithTheVersionThePageShowed() throws Exception {
        when(classification.withdrawFinding(ID, FINDING, "复核后不成立", 2)).thenReturn(fundPool(3));

        mvc.perform(post("/institutions/" + ID + "/findings/" + FINDING + "/withdrawal").param("version", "2")
                        .param("reason", " 复核后不成立 ").with(officer("zj-officer", "33")).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/institutions/" + ID))
                .andExpect(flash().attribute("findingDone", "withdrawn"));

        verify(classification).withdrawFinding(ID, FINDING, "复核后不成立", 2);
    }

    @Test
    void cls01_aWithdrawalWithoutReasonShowsTheRuleAtThatFindingsWithdrawalForm() throws Exception {
        when(classification.withdrawFinding(ID, FINDING, null, 2)).thenThrow(new ApiProblemException(new ApiProblem(
                "urn:p2p-supervision:problem:rule-violation", "A regulatory rule refuses this", 422,
                "Withdrawing finding " + FINDING + " needs a reason", "CLS-01", null, "r-5", List.of(), null, null)));

        String page = refused(post("/institutions/" + ID + "/findings/" + FINDING + "/withdrawal").param("version", "2")
                .param("reason", "  ").with(officer("zj-officer", "33")));

        assertThat(page).contains("该操作不符合监管规则 CLS-01", "撤回须写明理由");
        assertThat(page.indexOf("data-testid=\"refusal\"")).isGreaterThan(
                page.indexOf("data-testid=\"withdraw-finding-form\""));
    }

    @Test
    void cls01_aRefusalAboutAFindingWithdrawnMeanwhileShowsAtTheFindingsSection() throws Exception {
        when(classification.withdrawFinding(ID, WITHDRAWN, "重复", 1)).thenThrow(new ApiProblemException(new ApiProblem(
                "urn:p2p-supervision:problem:stale-version", "Stale", 412, null, null, null, "r-6", List.of(), null,
                2L)));

        String page = refused(post("/institutions/" + ID + "/findings/" + WITHDRAWN + "/withdrawal")
                .param("version", "1").param("reason", "重复").with(officer("zj-officer", "33")));

        assertThat(page).contains("data-testid=\"refusal\"", "现为第 2 版");
    }

    @Test
    void auth01_aFindingWithoutTheCsrfTokenIsRefusedAndNothingIsSent() throws Exception {
        mvc.perform(record("FUND_POOL", "资金池", "", "ON_SITE_INSPECTION", "2016-07-15", "1")
                .with(officer("zj-officer", "33"))).andExpect(status().isForbidden());

        verify(classification, never()).recordFinding(anyString(), any());
    }

    private static MockHttpServletRequestBuilder record(String problem, String evidence, String documents,
                                                        String source, String foundOn, String amount) {
        return post("/institutions/" + ID + "/findings").param("problemCode", problem).param("evidenceText", evidence)
                .param("documents", documents).param("source", source).param("foundOn", foundOn)
                .param("outstandingAmount", amount);
    }

    private String refused(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String page(OidcLoginRequestPostProcessor user) throws Exception {
        return mvc.perform(get("/institutions/" + ID).with(user)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The opening tag of the field with this id. */
    static String fieldTag(String page, String id) {
        int at = page.indexOf("id=\"" + id + "\"");
        assertThat(at).as(id).isGreaterThan(0);
        return page.substring(page.lastIndexOf('<', at), page.indexOf('>', at) + 1);
    }

    static Classification.Finding fundPool(long version) {
        return new Classification.Finding(FINDING, "FUND_POOL", new Classification.Evidence("平台账户归集出借资金，资金未进入存管账户",
                List.of("杭金检〔2016〕17号 检查记录", "杭金检〔2016〕18号")), "ON_SITE_INSPECTION", LocalDate.of(2016, 7, 15),
                new BigDecimal("1250000.00"), version, "ACTIVE", null, "zj-officer",
                Instant.parse("2016-10-10T01:00:00Z"));
    }
}
