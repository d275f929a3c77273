package cn.p2psupervision.portal.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import cn.p2psupervision.portal.api.ApiProblem;
import cn.p2psupervision.portal.api.ApiProblemException;
import cn.p2psupervision.portal.institution.Institutions;

/**
 * 分类处置 on an institution's file (CLS-07, AUTH-02..04): what it shows, which forms appear for whom, and how the
 * acts and their refusals read.
 */
class ClassificationPagesTest extends PortalTest {

    static final String ID = "1d53c03e-cc23-3078-b7ff-70378dad319c";

    @BeforeEach
    void zhejiangPlatformWithARecordedDecision() {
        when(registry.file(ID)).thenReturn(file());
        when(classification.findings(ID)).thenReturn(List.of(new Classification.Finding("F-3A9C0D12E4B7", "FUND_POOL",
                new Classification.Evidence("平台账户归集出借资金，资金未进入存管账户", List.of()), "ON_SITE_INSPECTION",
                LocalDate.of(2016, 7, 15), new BigDecimal("1250000.00"), 1, "ACTIVE", null, "zj-officer",
                Instant.parse("2016-10-10T01:00:00Z"))));
        when(classification.catalogue()).thenReturn(catalogue());
        when(classification.proposal(ID)).thenReturn(new Classification.Proposal("RECTIFICATION", List.of(
                new Classification.Standard("INFORMATION_INTERMEDIARY", "FAILED", List.of(new Classification.Ground(
                        "FINDING", "F-3A9C0D12E4B7", "FUND_POOL", "设立资金池（发现 F-3A9C0D12E4B7）"))),
                new Classification.Standard("DIRECT_LENDING", "MET", List.of())), List.of(),
                List.of(new Classification.Flag("RAPID_EXPANSION_BALANCE"))));
        when(classification.decision(ID)).thenReturn(decision(1, "RECORDED", "zj-officer"));
    }

    @Test
    void cls07_theFileShowsFindingsTheProposalWithItsStandardsAndTheDecisionWithEveryVersion() throws Exception {
        when(classification.decisionVersions(ID)).thenReturn(List.of(
                new Decisions.Decision(1, 1, "RECORDED", "RECTIFICATION", new Decisions.Proposal("RECTIFICATION"), null,
                        new Decisions.Actor("zj-officer", "33", null), Instant.parse("2016-10-09T01:00:00Z"), null, null,
                        null, null, null),
                decision(2, "RECORDED", "zj-officer").decision()));

        String page = page(officer("zj-officer", "33"));

        assertThat(page).contains("分类处置", "设立资金池", "平台账户归集出借资金", "现场检查", "2016年7月15日",
                "1,250,000.00 元", "平台分类建议", "标准一：信息中介非信用中介", "未满足", "标准二：个体直接借贷", "满足",
                "设立资金池（发现 F-3A9C0D12E4B7）", "业务扩张过快（借贷余额）", "取缔类", "（登记时平台建议：整改类）",
                "待审批", "第 1 版（第 1 轮）", "资金池规模巨大，实际控制人已失联", "zj-officer", "全部版本（2）",
                "第 2 版（第 1 轮）", "2016年10月9日 09:00");
    }

    @Test
    void cls07_theOfficerOfTheRegistrationProvinceMayChangeTheDecisionButNotApproveIt() throws Exception {
        String page = page(officer("zj-officer", "33"));

        assertThat(page).contains("data-testid=\"record-form\"", "action=\"/institutions/" + ID + "/decision\"",
                        "name=\"version\" value=\"1\"", "<label for=\"decision-category\"", "<label for=\"decision-reason\"",
                        "修改决定（依据第 1 版）", "资金池规模巨大，实际控制人已失联</textarea>")
                .doesNotContain("data-testid=\"approve-form\"");
    }

    @Test
    void auth04_aHeadOfTheProvinceSeesTheApprovalFormWithTheVersionShown() throws Exception {
        String page = page(head("zj-head-finance", "33"));

        assertThat(page).contains("data-testid=\"approve-form\"", "action=\"/institutions/" + ID + "/decision/approval\"",
                "批准该决定（第 1 版）");
    }

    @Test
    void auth04_theHeadWhoRecordedTheDecisionGetsNoApprovalButton() throws Exception {
        when(classification.decision(ID)).thenReturn(decision(1, "RECORDED", "zj-head-finance"));

        String page = page(head("zj-head-finance", "33"));

        assertThat(page).doesNotContain("data-testid=\"approve-form\"").contains("负责同志不能审批本人登记的决定。");
    }

    @Test
    void auth02_aBusinessPlaceOfficerAndCentralReadTheSectionWithoutAnyButton() throws Exception {
        for (OidcLoginRequestPostProcessor reader : List.of(officer("gd-officer", "44"), head("gd-head", "44"), central())) {
            String page = page(reader);

            assertThat(page).contains("分类处置", "待审批")
                    .doesNotContain("data-testid=\"record-form\"", "data-testid=\"approve-form\"");
        }
    }

    @Test
    void cls07_anApprovedDecisionOffersNoFormUntilCentralReopensIt() throws Exception {
        when(classification.decision(ID)).thenReturn(decision(2, "APPROVED", "zj-officer"));

        String page = page(head("zj-head-finance", "33"));

        assertThat(page).contains("已批准").doesNotContain("data-testid=\"record-form\"", "data-testid=\"approve-form\"");
    }

    @Test
    void auth03_centralSeesTheReopeningFormOnAnApprovedDecisionAndNoOneElseDoes() throws Exception {
        when(classification.decision(ID)).thenReturn(decision(2, "APPROVED", "zj-officer"));

        assertThat(page(central())).contains("data-testid=\"reopen-form\"",
                "action=\"/institutions/" + ID + "/decision/reopening\"", "<label for=\"reopen-reason\"",
                "重新打开该决定（第 2 版）");
        for (OidcLoginRequestPostProcessor other : List.of(officer("zj-officer", "33"), head("zj-head-finance", "33"),
                officer("gd-officer", "44"))) {
            assertThat(page(other)).doesNotContain("data-testid=\"reopen-form\"");
        }
    }

    @Test
    void auth03_theReopeningPostsTheReasonAndTheVersionThePageShowed() throws Exception {
        when(classification.reopen(ID, "复核发现资金池问题，需重新认定", 2)).thenReturn(decision(3, "REOPENED", "zj-officer"));

        mvc.perform(post("/institutions/" + ID + "/decision/reopening").param("version", "2")
                        .param("reason", " 复核发现资金池问题，需重新认定 ").with(central()).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/institutions/" + ID));

        verify(classification).reopen(ID, "复核发现资金池问题，需重新认定", 2);
    }

    @Test
    void auth03_aReopenedDecisionShowsWhyWhoAndWhen() throws Exception {
        Decisions.Entry approved = decision(2, "APPROVED", "zj-officer");
        Decisions.Decision d = approved.decision();
        when(classification.decision(ID)).thenReturn(new Decisions.Entry(ID, "33", 3, new Decisions.Decision(d.round(),
                3, "REOPENED", d.category(), d.proposal(), d.reason(), d.recordedBy(), d.recordedAt(), d.approvedBy(),
                d.approvedAt(), "复核发现资金池问题", new Decisions.Actor("central", null, null),
                Instant.parse("2016-11-01T01:00:00Z")), Instant.parse("2016-11-01T01:00:00Z")));

        assertThat(page(officer("zj-officer", "33"))).contains("已重新打开", "复核发现资金池问题 · central · 2016年11月1日 09:00",
                "data-testid=\"record-form\"");
    }

    @Test
    void auth03_aReopeningWithoutAReasonShowsTheRuleAtTheForm() throws Exception {
        when(classification.decision(ID)).thenReturn(decision(2, "APPROVED", "zj-officer"));
        when(classification.reopen(ID, null, 2)).thenThrow(new ApiProblemException(new ApiProblem(
                "urn:p2p-supervision:problem:rule-violation", "A regulatory rule refuses this", 422,
                "Reopening a decision needs a written reason", "AUTH-03", "classification-service", "r-7", List.of(),
                null, null)));

        String page = mvc.perform(post("/institutions/" + ID + "/decision/reopening").param("version", "2")
                        .param("reason", " ").with(central()).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("data-testid=\"reopen-form\"", "AUTH-03");
    }

    @Test
    void auth04_theApprovalPostsTheVersionThePageShowedAndComesBackToTheFile() throws Exception {
        when(classification.approve(ID, 1)).thenReturn(decision(2, "APPROVED", "zj-officer"));

        mvc.perform(post("/institutions/" + ID + "/decision/approval").param("version", "1")
                        .with(head("zj-head-finance", "33")).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/institutions/" + ID));

        verify(classification).approve(ID, 1);
    }

    @Test
    void cls07_theFirstRecordSendsNoVersionAndAChangeTheVersionItWasBasedOn() throws Exception {
        when(classification.record(anyString(), anyString(), any(), any())).thenReturn(decision(1, "RECORDED", "zj-officer"));

        mvc.perform(post("/institutions/" + ID + "/decision").param("category", "RECTIFICATION")
                .with(officer("zj-officer", "33")).with(csrf())).andExpect(status().isFound());
        mvc.perform(post("/institutions/" + ID + "/decision").param("category", "BANNING").param("reason", " 资金池 ")
                .param("version", "1").with(officer("zj-officer", "33")).with(csrf())).andExpect(status().isFound());

        verify(classification).record(ID, "RECTIFICATION", null, null);
        verify(classification).record(ID, "BANNING", "资金池", 1L);
    }

    @Test
    void aStaleApprovalReRendersTheFormWithTheChangeMeanwhileAndTheCurrentVersion() throws Exception {
        when(classification.approve(ID, 1)).thenThrow(new ApiProblemException(new ApiProblem(
                "urn:p2p-supervision:problem:stale-version", "Stale", 412, "If-Match \"1\" is not 2", null,
                "classification-service", "r-9", List.of(), null, 2L)));
        when(classification.decision(ID)).thenReturn(decision(2, "RECORDED", "zj-officer"));

        String page = mvc.perform(post("/institutions/" + ID + "/decision/approval").param("version", "1")
                        .with(head("zj-head-finance", "33")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("data-testid=\"refusal\"", "该记录在此期间已被他人修改，现为第 2 版。",
                "批准该决定（第 2 版）", "name=\"version\" value=\"2\"").doesNotContain("错误代码");
    }

    @Test
    void cls07_aRuleRefusalNamesItsRequirementAtTheFormAndKeepsWhatWasEntered() throws Exception {
        when(classification.record(ID, "BANNING", null, 1L)).thenThrow(new ApiProblemException(new ApiProblem(
                "urn:p2p-supervision:problem:rule-violation", "A regulatory rule refuses this", 422,
                "A category other than the proposal's needs a reason", "CLS-07", null, "r-3", List.of(), null, null)));

        String page = mvc.perform(post("/institutions/" + ID + "/decision").param("category", "BANNING")
                        .param("reason", "").param("version", "1").with(officer("zj-officer", "33")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("该操作不符合监管规则 CLS-07：与平台建议类别不同的决定须写明理由",
                "<option value=\"BANNING\" selected=\"selected\">取缔类</option>").doesNotContain("错误代码");
    }

    @Test
    void auth04_anOfficersApprovalRefusedByTheApiReadsAsARoleMessageNotAnErrorPage() throws Exception {
        when(classification.approve(ID, 1)).thenThrow(new ApiProblemException(new ApiProblem(
                "urn:p2p-supervision:problem:forbidden", "Forbidden", 403, "needs a head", null, null, "r-4",
                List.of(), null, null)));

        String page = mvc.perform(post("/institutions/" + ID + "/decision/approval").param("version", "1")
                        .with(officer("zj-officer", "33")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("您的角色无权进行此操作。");
    }

    @Test
    void auth01_anActWithoutTheCsrfTokenIsRefusedAndNothingIsSent() throws Exception {
        mvc.perform(post("/institutions/" + ID + "/decision/approval").param("version", "1")
                .with(head("zj-head-finance", "33"))).andExpect(status().isForbidden());

        verify(classification, never()).approve(anyString(), anyLong());
    }

    @Test
    void classificationUnavailableStillShowsTheFileAndSaysWhy() throws Exception {
        when(classification.findings(ID)).thenThrow(new ApiProblemException(new ApiProblem(
                "urn:p2p-supervision:problem:service-unavailable", "A service is unavailable", 503, null, null,
                "classification-service", "r-5", List.of(), null, null)));

        String page = page(officer("zj-officer", "33"));

        assertThat(page).contains("杭州钱塘易贷网络科技有限公司", "分类处置信息暂时无法显示。", "分类处置服务暂时无法访问，请稍后再试。")
                .doesNotContain("data-testid=\"record-form\"");
    }

    private String page(OidcLoginRequestPostProcessor user) throws Exception {
        return mvc.perform(get("/institutions/" + ID).with(user)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    static Decisions.Entry decision(long version, String state, String recordedBy) {
        return new Decisions.Entry(ID, "33", version, new Decisions.Decision(1, version, state, "BANNING",
                new Decisions.Proposal("RECTIFICATION"), "资金池规模巨大，实际控制人已失联",
                new Decisions.Actor(recordedBy, "33", "FINANCIAL_OFFICE"), Instant.parse("2016-10-10T01:00:00Z"),
                "APPROVED".equals(state) ? new Decisions.Actor("zj-head-finance", "33", "FINANCIAL_OFFICE") : null,
                "APPROVED".equals(state) ? Instant.parse("2016-10-11T01:00:00Z") : null, null, null, null),
                Instant.parse("2016-10-10T01:00:00Z"));
    }

    static Classification.Catalogue catalogue() {
        return new Classification.Catalogue(List.of(
                new Classification.Problem("FUND_POOL", "设立资金池", "RED_LINE", true),
                new Classification.Problem("OFFLINE_MARKETING", "大规模线下营销", "RED_LINE", false),
                new Classification.Problem("DISCLOSURE_INCOMPLETE", "信息披露不完整", "OTHER_PROBLEM", false),
                new Classification.Problem("ILLEGAL_FUNDRAISING", "涉嫌非法集资", "CRIMINAL", false)));
    }

    static Institutions.File file() {
        return new Institutions.File(ID, "91330100MA28A7K3X6", "33", "杭州钱塘易贷网络科技有限公司", null, null, null, null,
                null, LocalDate.of(2015, 8, 12), null, null, "浙商银行", null, "ONLINE_PLATFORM", null, "OPERATING", true,
                "CONFIRMED", null, List.of("44"), true, 0, 4, null, null, "WRITE");
    }
}
