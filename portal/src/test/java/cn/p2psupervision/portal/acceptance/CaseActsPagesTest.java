package cn.p2psupervision.portal.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
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
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.p2psupervision.portal.PortalTest;
import cn.p2psupervision.portal.api.ApiProblem;
import cn.p2psupervision.portal.api.ApiProblemException;
import cn.p2psupervision.portal.institution.InstitutionPagesTest;

/**
 * The acts on an acceptance case from its page and the opening of a case from an institution's file: each role sees
 * the forms it may use and no others (ACC-16, AUTH-03, AUTH-04), an act sends the page's version and the body the API
 * takes and comes back with a confirmation, and a refusal is shown in words at its form with what was entered kept,
 * the failed gates, checks or provinces listed.
 */
class CaseActsPagesTest extends PortalTest {

    static final String ID = AcceptancePagesTest.ID;
    static final String RECEIPT = "TS-20180305-7K3Q9X";
    static final Instant AT = Instant.parse("2018-03-01T01:00:00Z");
    static final List<String> EVERY_FORM = List.of("data-testid=\"team-form\"", "data-testid=\"team-remove-",
            "data-testid=\"check-form\"", "data-testid=\"confirm-form\"", "data-testid=\"opinion-form\"",
            "data-testid=\"waiver-form-", "data-testid=\"conclusion-form\"", "data-testid=\"resumption-form\"",
            "data-testid=\"resolution-form-", "data-testid=\"sign-form\"", "data-testid=\"filing-form\"");

    @BeforeEach
    void aZhejiangCaseUnderAcceptance() {
        when(acceptance.acceptanceCase(ID)).thenReturn(open(5, "ASKED"));
    }

    // --- who sees which form

    @Test
    void acc03_acc04_acc07_theRegistrationProvinceKeepsTeamAndChecksAndConcludesButAnswersNoOpinion() throws Exception {
        String page = page(officer("zj-officer", "33"));

        assertThat(page).contains("data-testid=\"team-form\"", "data-testid=\"team-remove-m1\"",
                "data-testid=\"check-form\"", "data-testid=\"confirm-form\"", "data-testid=\"conclusion-form\"",
                "<label for=\"team-name\"", "<label for=\"check-evidence\"", "<label for=\"conclusion-reason\"",
                "<legend class=\"form-label fs-6\">结果</legend>", "label=\"实质检查（ACC-04）\"",
                "label=\"备案条件检查（ACC-02e–h）\"", "<option value=\"CUSTODY_BANK\">资金存管</option>",
                "<option value=\"THIRD_PARTY\">第三方专业机构</option>", "王检查（m1，地方金融监管部门）",
                "<option value=\"BANNING\">取缔</option>", "<option value=\"NOT_COOPERATIVE\">不配合整改验收</option>",
                "作出结论（依据案件第 5 版）", "name=\"version\" value=\"5\"", "data-testid=\"outstanding-checks\"",
                "尚有 2 项检查未完成", "账务系统（ACC-04）：未记录")
                .doesNotContain("data-testid=\"team-remove-m3\"", "赵离开（m3，", "data-testid=\"opinion-form\"",
                        "data-testid=\"waiver-form-", "data-testid=\"resumption-form\"", "data-testid=\"sign-form\"");
        assertThat(between(page, "data-testid=\"check-form\"", "data-testid=\"confirm-form\""))
                .as("the first check still to record is offered first")
                .contains("<option value=\"LEDGER_SYSTEM\" selected=\"selected\">账务系统</option>");
        assertThat(between(page, "data-testid=\"confirm-form\"", "data-testid=\"opinions\""))
                .contains("<option value=\"CUSTODY_BANK\">资金存管（通过，m1）</option>")
                .doesNotContain("LEDGER_SYSTEM");
    }

    @Test
    void acc16_aBusinessPlaceProvinceIsOfferedOnlyTheAnswerOfItsOwnOpinion() throws Exception {
        String page = page(head("gd-head", "44"));

        assertThat(page).contains("data-testid=\"opinion-form\"", "action=\"/acceptance/" + ID + "/opinions/44\"",
                "<legend class=\"form-label fs-6\">是否同意验收</legend>", "<label for=\"opinion-text\"");
        assertThat(forms(page)).containsExactly("data-testid=\"opinion-form\"");
    }

    @Test
    void auth03_centralIsOfferedOnlyTheWaiverOfAnOpinionStillAsked() throws Exception {
        String page = page(central());

        assertThat(forms(page)).containsExactly("data-testid=\"waiver-form-");
        assertThat(page).contains("data-testid=\"waiver-form-44\"", "豁免广东的意见", "<label for=\"waiver-reason-44\"");

        when(acceptance.acceptanceCase(ID)).thenReturn(open(6, "ANSWERED"));
        assertThat(forms(page(central()))).isEmpty();
    }

    @Test
    void acc07_aCaseAwaitingResumptionOffersOnlyTheResumptionToTheRegistrationProvince() throws Exception {
        when(acceptance.acceptanceCase(ID)).thenReturn(inState("AWAITING_RESUMPTION", 7));

        assertThat(forms(page(officer("zj-officer", "33")))).containsExactly("data-testid=\"resumption-form\"");
        assertThat(forms(page(head("gd-head", "44")))).isEmpty();
        assertThat(forms(page(central()))).isEmpty();
    }

    @Test
    void acc09_onlyTheRegistrationProvinceIsOfferedTheResolutionOfAnOpenComplaint() throws Exception {
        when(acceptance.acceptanceCase(ID)).thenReturn(inState("ON_NOTICE", 38));
        when(acceptance.complaints(ID)).thenReturn(List.of(complaint("OPEN"), new Cases.Complaint("TS-20180304-AAAAAA",
                "GS-91330100MA28A7K3X6-1", "UNFOUNDED", "早先的投诉", null, false, "查无实据", LocalDate.of(2018, 3, 4),
                LocalDate.of(2018, 3, 5))));

        String page = page(officer("zj-officer", "33"));

        assertThat(forms(page)).containsExactly("data-testid=\"resolution-form-");
        assertThat(page).contains("data-testid=\"resolution-form-" + RECEIPT + "\"", "处理投诉 " + RECEIPT,
                        "<legend class=\"form-label fs-6\">核查结果</legend>", "<label for=\"resolution-reply-" + RECEIPT + "\"")
                .doesNotContain("resolution-form-TS-20180304-AAAAAA");
        assertThat(forms(page(head("gd-head", "44")))).isEmpty();
        assertThat(forms(page(central()))).isEmpty();
    }

    // --- the acts send the page's version and the API's body

    @Test
    void acc03_aMemberJoinsTheTeamAndAnotherLeavesIt() throws Exception {
        when(acceptance.act(eq(HttpMethod.POST), eq("team"), any(), eq(5L), eq(ID))).thenReturn(open(6, "ASKED"));
        when(acceptance.act(eq(HttpMethod.DELETE), eq("team/{memberId}"), any(), eq(5L), eq(ID), eq("m2")))
                .thenReturn(open(6, "ASKED"));

        mvc.perform(act("/team", officer("zj-officer", "33")).param("version", "5").param("name", " 孙审计 ")
                        .param("agency", "THIRD_PARTY").param("organisation", "浙江天健会计师事务所"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/acceptance/" + ID))
                .andExpect(flash().attribute("caseDone", "memberAdded")).andExpect(flash().attribute("caseVersion", 6L));
        mvc.perform(act("/team/m2/removal", officer("zj-officer", "33")).param("version", "5"))
                .andExpect(status().isFound()).andExpect(flash().attribute("caseDone", "memberRemoved"));

        verify(acceptance).act(HttpMethod.POST, "team",
                new CaseActsController.MemberBody("孙审计", "THIRD_PARTY", "浙江天健会计师事务所"), 5, ID);
        verify(acceptance).act(HttpMethod.DELETE, "team/{memberId}", null, 5, ID, "m2");
    }

    @Test
    void acc04_aCheckIsRecordedWithItsDocumentsOneALineAndTheCustodyBankOnlyForTheCustodyCheck() throws Exception {
        when(acceptance.act(eq(HttpMethod.PUT), eq("checks/{code}"), any(), eq(5L), eq(ID), any()))
                .thenReturn(open(6, "ASKED"));

        mvc.perform(act("/checks", officer("zj-officer", "33")).param("version", "5").param("code", "LEDGER_SYSTEM")
                        .param("result", "FAILED").param("evidence", "账务系统与存管流水不一致")
                        .param("documents", "账务-2018-01\r\n\r\n 账务-2018-02 ").param("note", " ")
                        .param("recordedBy", "m1").param("custodyBank", "浙商银行"))
                .andExpect(status().isFound()).andExpect(flash().attribute("caseDone", "checkRecorded"));
        mvc.perform(act("/checks", officer("zj-officer", "33")).param("version", "5").param("code", "CUSTODY_BANK")
                        .param("result", "PASSED").param("evidence", "存管协议").param("documents", "")
                        .param("recordedBy", "m2").param("custodyBank", "浙商银行股份有限公司"))
                .andExpect(status().isFound());

        verify(acceptance).act(HttpMethod.PUT, "checks/{code}", new CaseActsController.CheckBody("FAILED",
                "账务系统与存管流水不一致", List.of("账务-2018-01", "账务-2018-02"), null, "m1", null), 5, ID,
                "LEDGER_SYSTEM");
        verify(acceptance).act(HttpMethod.PUT, "checks/{code}", new CaseActsController.CheckBody("PASSED", "存管协议",
                List.of(), null, "m2", "浙商银行股份有限公司"), 5, ID, "CUSTODY_BANK");
    }

    @Test
    void acc03_aCrossVerificationNamesTheCheckAndTheMember() throws Exception {
        when(acceptance.act(eq(HttpMethod.POST), eq("checks/{code}/confirmation"), any(), eq(5L), eq(ID),
                eq("CUSTODY_BANK"))).thenReturn(open(6, "ASKED"));

        mvc.perform(act("/checks/confirmation", head("zj-head", "33")).param("version", "5")
                        .param("code", "CUSTODY_BANK").param("confirmedBy", "m2"))
                .andExpect(status().isFound()).andExpect(flash().attribute("caseDone", "checkConfirmed"));

        verify(acceptance).act(HttpMethod.POST, "checks/{code}/confirmation",
                new CaseActsController.ConfirmationBody("m2"), 5, ID, "CUSTODY_BANK");
    }

    @Test
    void acc16_aBusinessPlaceAnswersAndCentralWaives() throws Exception {
        when(acceptance.act(eq(HttpMethod.POST), eq("opinions/{province}"), any(), eq(5L), eq(ID), eq("44")))
                .thenReturn(open(6, "ANSWERED"));
        when(acceptance.act(eq(HttpMethod.POST), eq("opinions/{province}/waiver"), any(), eq(5L), eq(ID), eq("44")))
                .thenReturn(open(6, "WAIVED"));

        mvc.perform(act("/opinions/44", officer("gd-officer", "44")).param("version", "5").param("agrees", "false")
                        .param("text", "该机构在粤仍有线下门店"))
                .andExpect(status().isFound()).andExpect(flash().attribute("caseDone", "opinionAnswered"));
        mvc.perform(act("/opinions/44/waiver", central()).param("version", "5").param("reason", "广东省逾期未回复"))
                .andExpect(status().isFound()).andExpect(flash().attribute("caseDone", "opinionWaived"));

        verify(acceptance).act(HttpMethod.POST, "opinions/{province}",
                new CaseActsController.OpinionBody(false, "该机构在粤仍有线下门店"), 5, ID, "44");
        verify(acceptance).act(HttpMethod.POST, "opinions/{province}/waiver",
                new CaseActsController.ReasonBody("广东省逾期未回复"), 5, ID, "44");
    }

    @Test
    void acc07_acc14_aConclusionSendsTheGroundAndStillOperatingOnlyWhenGiven() throws Exception {
        when(acceptance.act(eq(HttpMethod.POST), eq("conclusion"), any(), eq(5L), eq(ID)))
                .thenReturn(inState("BANNED", 6));

        mvc.perform(act("/conclusion", officer("zj-officer", "33")).param("version", "5").param("outcome", "BANNING")
                        .param("ground", "NOT_COOPERATIVE").param("stillOperating", "true")
                        .param("reason", "拒不配合验收，仍在线上发标"))
                .andExpect(status().isFound()).andExpect(flash().attribute("caseDone", "concluded"));
        mvc.perform(act("/conclusion", officer("zj-officer", "33")).param("version", "5").param("outcome", "PASSED")
                        .param("ground", "").param("reason", "联合验收小组各项检查均通过"))
                .andExpect(status().isFound());

        verify(acceptance).act(HttpMethod.POST, "conclusion", new CaseActsController.ConclusionBody("BANNING",
                "拒不配合验收，仍在线上发标", "NOT_COOPERATIVE", true), 5, ID);
        verify(acceptance).act(HttpMethod.POST, "conclusion", new CaseActsController.ConclusionBody("PASSED",
                "联合验收小组各项检查均通过", null, null), 5, ID);
    }

    @Test
    void acc07_theResumptionTakesTheCaseBackToAcceptance() throws Exception {
        when(acceptance.acceptanceCase(ID)).thenReturn(inState("AWAITING_RESUMPTION", 7));
        when(acceptance.act(eq(HttpMethod.POST), eq("resumption"), any(), eq(7L), eq(ID))).thenReturn(open(8, "ASKED"));

        mvc.perform(act("/resumption", officer("zj-officer", "33")).param("version", "7").param("note", ""))
                .andExpect(status().isFound()).andExpect(flash().attribute("caseDone", "resumed"))
                .andExpect(flash().attribute("caseVersion", 8L));

        verify(acceptance).act(HttpMethod.POST, "resumption", new CaseActsController.NoteBody(null), 7, ID);
    }

    @Test
    void acc09_aComplaintIsResolvedOnTheCasesVersion() throws Exception {
        when(acceptance.resolve(eq(ID), eq(RECEIPT), any(), eq(38L))).thenReturn(new Cases.Resolution(
                complaint("UNFOUNDED"), new Cases.After("ON_NOTICE", 0, 39)));

        mvc.perform(act("/complaints/" + RECEIPT + "/resolution", officer("zj-officer", "33")).param("version", "38")
                        .param("foundTrue", "false").param("reply", "经核查，查无实据。"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/acceptance/" + ID))
                .andExpect(flash().attribute("caseDone", "complaintResolved"))
                .andExpect(flash().attribute("caseVersion", 39L));

        verify(acceptance).resolve(ID, RECEIPT, new CaseActsController.ResolutionBody(false, "经核查，查无实据。"), 38);
    }

    // --- refusals at their form, what was entered kept

    @Test
    void acc03_aConfirmationByTheRecordersOwnAgencyIsRefusedAtItsFormWithTheChoiceKept() throws Exception {
        when(acceptance.act(eq(HttpMethod.POST), eq("checks/{code}/confirmation"), any(), eq(5L), eq(ID),
                eq("CUSTODY_BANK"))).thenThrow(refusal(422, "rule-violation", "ACC-03",
                "m1 is of the same agency as the recorder", null));

        String page = refused("/checks/confirmation", officer("zj-officer", "33"), "version", "5", "code", "CUSTODY_BANK",
                "confirmedBy", "m1");

        assertThat(between(page, "data-testid=\"confirm-form\"", "data-testid=\"opinions\"")).contains(
                "data-testid=\"refusal\"", "该操作不符合监管规则 ACC-03：检查须由联合验收小组现任成员记录",
                "平台说明：m1 is of the same agency as the recorder", "<option value=\"m1\" selected=\"selected\">");
        assertThat(between(page, "data-testid=\"check-form\"", "data-testid=\"confirm-form\""))
                .doesNotContain("data-testid=\"refusal\"");
    }

    @Test
    void acc04_aStaleCheckShowsTheCaseAsItIsNowWithWhatWasEnteredKept() throws Exception {
        when(acceptance.act(eq(HttpMethod.PUT), eq("checks/{code}"), any(), eq(5L), eq(ID), eq("CUSTODY_BANK")))
                .thenThrow(new ApiProblemException(new ApiProblem("urn:p2p-supervision:problem:stale-version", "Stale",
                        412, null, null, null, "r-1", List.of(), null, 6L)));
        when(acceptance.acceptanceCase(ID)).thenReturn(open(6, "ASKED"));

        String page = refused("/checks", officer("zj-officer", "33"), "version", "5", "code", "CUSTODY_BANK", "result",
                "PASSED", "evidence", "存管协议及银行系统对接材料", "documents", "存管协议-2017-08", "recordedBy", "m2",
                "custodyBank", "浙商银行");

        assertThat(between(page, "data-testid=\"check-form\"", "data-testid=\"confirm-form\"")).contains(
                "data-testid=\"refusal\"", "该记录在此期间已被他人修改，现为第 6 版。", "name=\"version\" value=\"6\"",
                "<option value=\"CUSTODY_BANK\" selected=\"selected\">资金存管</option>",
                "value=\"PASSED\" id=\"check-result-PASSED\" checked=\"checked\"", ">存管协议及银行系统对接材料</textarea>",
                ">存管协议-2017-08</textarea>", "value=\"浙商银行\"", "<option value=\"m2\" selected=\"selected\">");
    }

    @Test
    void acc16_anOpinionWithoutItsTextIsRefusedByFieldAtItsFormWithTheAnswerKept() throws Exception {
        when(acceptance.act(eq(HttpMethod.POST), eq("opinions/{province}"), any(), eq(5L), eq(ID), eq("44")))
                .thenThrow(new ApiProblemException(new ApiProblem("urn:p2p-supervision:problem:validation-failed",
                        "Invalid", 400, null, "ACC-16", null, "r-2", List.of(new ApiProblem.FieldError("text",
                        "is required")), null, null)));

        String page = refused("/opinions/44", officer("gd-officer", "44"), "version", "5", "agrees", "false", "text", "");

        assertThat(between(page, "data-testid=\"opinion-form\"", "</form>")).contains("data-testid=\"refusal\"",
                "提交的内容不符合要求。", "“text”：is required",
                "value=\"false\" id=\"opinion-agrees-false\" checked=\"checked\"");
    }

    @Test
    void acc07_acc16_aConclusionWaitingForOpinionsNamesTheProvincesAtItsForm() throws Exception {
        when(acceptance.act(eq(HttpMethod.POST), eq("conclusion"), any(), eq(5L), eq(ID))).thenThrow(
                new ApiProblemException(new ApiProblem("urn:p2p-supervision:problem:rule-violation", "Rule", 422,
                        "the opinion of province(s) 44 is neither answered nor waived", "ACC-16", null, "r-3",
                        List.of(), null, null, List.of(), List.of(), List.of("44"))));

        String page = refused("/conclusion", officer("zj-officer", "33"), "version", "5", "outcome", "GUIDED_EXIT",
                "ground", "", "stillOperating", "true", "reason", "机构自愿退出");

        assertThat(between(page, "data-testid=\"conclusion-form\"", "</form>")).contains("data-testid=\"refusal\"",
                "该操作不符合监管规则 ACC-16：各经营地省份的意见均已回复或经中央整治办豁免后，方可作出验收结论。",
                "尚未回复且未经豁免的经营地意见：广东", "<option value=\"GUIDED_EXIT\" selected=\"selected\">",
                "id=\"conclusion-still-operating\" name=\"stillOperating\" value=\"true\" checked=\"checked\"",
                ">机构自愿退出</textarea>");
    }

    @Test
    void acc04_aPassedConclusionRefusedByTheChecksListsEachCheckInWords() throws Exception {
        when(acceptance.act(eq(HttpMethod.POST), eq("conclusion"), any(), eq(5L), eq(ID))).thenThrow(
                new ApiProblemException(new ApiProblem("urn:p2p-supervision:problem:rule-violation", "Rule", 422,
                        "A passed conclusion needs every check recorded PASSED and confirmed", "ACC-04", null, "r-4",
                        List.of(), null, null, List.of(), List.of(
                        new ApiProblem.Deficiency("LEDGER_SYSTEM", "账务系统", "FAILED"),
                        new ApiProblem.Deficiency("LOAN_CONTRACTS", "抽查借贷合同", "UNCONFIRMED")), List.of())));

        String page = refused("/conclusion", officer("zj-officer", "33"), "version", "5", "outcome", "PASSED", "reason",
                "各项检查均通过");

        assertThat(between(page, "data-testid=\"conclusion-form\"", "</form>")).contains(
                "该操作不符合监管规则 ACC-04", "检查事项“账务系统”：未通过", "检查事项“抽查借贷合同”：尚未交叉核验");
    }

    @Test
    void acc09_aComplaintResolvedMeanwhileIsAConflictShownAtItsFormWithTheReplyKept() throws Exception {
        when(acceptance.acceptanceCase(ID)).thenReturn(inState("ON_NOTICE", 38));
        when(acceptance.complaints(ID)).thenReturn(List.of(complaint("OPEN")));
        when(acceptance.resolve(eq(ID), eq(RECEIPT), any(), eq(38L))).thenThrow(refusal(409, "conflict", null, null,
                null));

        String page = refused("/complaints/" + RECEIPT + "/resolution", officer("zj-officer", "33"), "version", "38",
                "foundTrue", "true", "reply", "经核查属实，撤销公示。");

        assertThat(between(page, "data-testid=\"resolution-form-" + RECEIPT + "\"", "</form>")).contains(
                "data-testid=\"refusal\"", "该操作与记录的当前状态冲突。", ">经核查属实，撤销公示。</textarea>",
                "value=\"true\" id=\"resolution-" + RECEIPT + "-true\" checked=\"checked\"");
    }

    @Test
    void acc03_aRefusalOfAFormNoLongerOfferedIsShownAboveTheCase() throws Exception {
        when(acceptance.act(eq(HttpMethod.POST), eq("team"), any(), eq(5L), eq(ID))).thenThrow(refusal(409,
                "conflict", null, null, null));
        when(acceptance.acceptanceCase(ID)).thenReturn(inState("ON_NOTICE", 6));
        when(acceptance.complaints(ID)).thenReturn(List.of());

        String page = refused("/team", officer("zj-officer", "33"), "version", "5", "name", "孙审计", "agency",
                "THIRD_PARTY", "organisation", "浙江天健会计师事务所");

        assertThat(page).contains("data-testid=\"refusal\"", "该操作与记录的当前状态冲突。")
                .doesNotContain("data-testid=\"team-form\"");
        assertThat(page.indexOf("data-testid=\"refusal\"")).isLessThan(page.indexOf("team-heading"));
    }

    @Test
    void auth01_anActWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/acceptance/" + ID + "/conclusion").param("version", "5").param("outcome", "PASSED")
                .param("reason", "通过").with(officer("zj-officer", "33"))).andExpect(status().isForbidden());

        verify(acceptance, never()).act(any(), any(), any(), anyLong(), any());
    }

    @Test
    void theFormsReadInEnglishOnRequest() throws Exception {
        String page = mvc.perform(get("/acceptance/" + ID).param("lang", "en").with(officer("zj-officer", "33")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("Add a team member", "Record a check", "label=\"Substantive checks (ACC-04)\"",
                "<option value=\"CUSTODY_BANK\">Fund custody</option>", "Cross-verification",
                "Conclude (case version 5)", "Third-party professionals");
    }

    // --- opening a case from the institution's file (ACC-01, ACC-02, ACC-06, ACC-13)

    @Test
    void acc01_theRegistrationProvinceOpensTheCaseFromTheInstitutionsFile() throws Exception {
        when(registry.file(ID)).thenReturn(InstitutionPagesTest.file("READ"));

        assertThat(read("/institutions/" + ID, officer("zj-officer", "33")))
                .contains("data-testid=\"open-case\"", "href=\"/acceptance/new?institution=" + ID + "\"", "发起整改验收");
        assertThat(read("/institutions/" + ID, officer("gd-officer", "44"))).doesNotContain("data-testid=\"open-case\"");
        assertThat(read("/institutions/" + ID, central())).doesNotContain("data-testid=\"open-case\"");

        String form = read("/acceptance/new?institution=" + ID, officer("zj-officer", "33"));
        assertThat(form).contains("data-testid=\"open-form\"", "action=\"/acceptance/new\"",
                "name=\"institution\" value=\"" + ID + "\"", "<label for=\"open-complexity\"",
                "<option value=\"MAIN\">主要机构（2018年4月30日前完成备案）</option>",
                "<option value=\"HEAVY_STOCK\">违规存量较大（2018年5月31日前完成备案）</option>",
                "<option value=\"COMPLEX\">情况复杂（2018年6月30日前完成备案）</option>", "<label class=\"form-check-label\" for=\"open-large\"",
                "for=\"split-name-0\"", "for=\"split-code-2\"", "<th scope=\"col\">");
        assertThat(read("/acceptance/new?institution=" + ID, central())).contains("data-testid=\"open-not-yours\"")
                .doesNotContain("data-testid=\"open-form\"");
    }

    @Test
    void acc01_acc06_theOpeningSendsTheFilledSplitOffEntitiesOnly() throws Exception {
        when(acceptance.open(any())).thenReturn(open(1, "ASKED"));

        mvc.perform(post("/acceptance/new").with(officer("zj-officer", "33")).with(csrf()).param("institution", ID)
                        .param("complexity", "HEAVY_STOCK").param("largeOrInfluential", "true")
                        .param("splitName", "", "杭州钱塘易贷信息技术服务有限公司", "")
                        .param("splitCreditCode", "", "91330106MA2AAAAA1B", ""))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/acceptance/" + ID))
                .andExpect(flash().attribute("caseDone", "opened"));

        verify(acceptance).open(new Cases.Opening(ID, "HEAVY_STOCK", true, List.of(
                new Cases.SplitEntity("杭州钱塘易贷信息技术服务有限公司", "91330106MA2AAAAA1B"))));
    }

    @Test
    void acc02_anOpeningRefusedByTheGatesListsEveryFailedGateInWordsWithTheFormKept() throws Exception {
        when(registry.file(ID)).thenReturn(InstitutionPagesTest.file("READ"));
        when(acceptance.open(any())).thenThrow(new ApiProblemException(new ApiProblem(
                "urn:p2p-supervision:problem:rule-violation", "A regulatory rule refuses this", 422,
                "Opening an acceptance case is refused by gate ACC-02a: established on 2016-09-01, after 2016-08-24"
                        + " (and 1 more gate(s))", "ACC-02a", null, "r-5", List.of(), null, null, List.of(
                new ApiProblem.Gate("ACC-02a", "established on 2016-09-01, after 2016-08-24"),
                new ApiProblem.Gate("ACC-02e", "the registry names 某农村商业银行, not on the custody-bank whitelist")),
                List.of(), List.of())));

        String page = mvc.perform(post("/acceptance/new").with(officer("zj-officer", "33")).with(csrf())
                        .param("institution", ID).param("complexity", "COMPLEX").param("largeOrInfluential", "true")
                        .param("splitName", "拆分一", "", "").param("splitCreditCode", "91330106MA2AAAAA1B", "", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ");

        assertThat(between(page, "data-testid=\"open-form\"", "</form>")).contains("data-testid=\"refusal\"",
                "该操作不符合监管规则 ACC-02a：须于 2016年8月24日前成立并开展网络借贷业务。",
                "未通过 ACC-02a（成立及开展业务时间）：established on 2016-09-01, after 2016-08-24",
                "未通过 ACC-02e（存管银行白名单）：the registry names 某农村商业银行, not on the custody-bank whitelist",
                "<option value=\"COMPLEX\" selected=\"selected\">", "id=\"open-large\" name=\"largeOrInfluential\" value=\"true\" checked=\"checked\"",
                "value=\"拆分一\"", "value=\"91330106MA2AAAAA1B\"");
    }

    @Test
    void acc06_aRefusedSplitOffEntityIsShownAtItsRowOfTheForm() throws Exception {
        when(registry.file(ID)).thenReturn(InstitutionPagesTest.file("READ"));
        when(acceptance.open(any())).thenThrow(new ApiProblemException(new ApiProblem(
                "urn:p2p-supervision:problem:validation-failed", "Invalid", 400, null, "ACC-06", null, "r-6",
                List.of(new ApiProblem.FieldError("splitEntities[0].creditCode", "is not a valid credit code")), null,
                null)));

        String page = mvc.perform(post("/acceptance/new").with(officer("zj-officer", "33")).with(csrf())
                        .param("institution", ID).param("complexity", "MAIN")
                        .param("splitName", "", "拆分二", "").param("splitCreditCode", "", "91330106MA2AAAAA1", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ");

        assertThat(page).contains("“splitEntities[2].creditCode”：is not a valid credit code",
                "aria-describedby=\"split-problem-1\"", "id=\"split-problem-1\">is not a valid credit code</div>",
                "value=\"91330106MA2AAAAA1\"");
        assertThat(page).doesNotContain("id=\"split-problem-0\"");
    }

    @Test
    void acc01_anInstitutionWithACaseAlreadyLinksToIt() throws Exception {
        when(registry.file(ID)).thenReturn(InstitutionPagesTest.file("READ"));
        when(acceptance.open(any())).thenThrow(refusal(409, "conflict", null, null, null));

        String page = mvc.perform(post("/acceptance/new").with(officer("zj-officer", "33")).with(csrf())
                        .param("institution", ID).param("complexity", "MAIN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("该操作与记录的当前状态冲突。", "data-testid=\"open-existing\"",
                "href=\"/acceptance/" + ID + "\"");
    }

    // --- helpers

    private String page(OidcLoginRequestPostProcessor user) throws Exception {
        return read("/acceptance/" + ID, user);
    }

    private String read(String path, OidcLoginRequestPostProcessor user) throws Exception {
        return oneLine(mvc.perform(get(path).with(user)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    /** The page with its line breaks and indentation as single spaces, so that attributes read in one line. */
    private static String oneLine(String page) {
        return page.replaceAll("\\s+", " ");
    }

    private MockHttpServletRequestBuilder act(String path, OidcLoginRequestPostProcessor user) {
        return post("/acceptance/" + ID + path).with(user).with(csrf());
    }

    /** Posts the act's fields (name, value, …), refused: the page shown again. */
    private String refused(String path, OidcLoginRequestPostProcessor user, String... fields) throws Exception {
        MockHttpServletRequestBuilder request = act(path, user);
        for (int i = 0; i < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        return oneLine(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    /** Which of the acts' forms the page offers. */
    private static List<String> forms(String page) {
        return EVERY_FORM.stream().filter(page::contains).toList();
    }

    private static String between(String page, String from, String to) {
        int start = page.indexOf(from);
        assertThat(start).as(from).isNotNegative();
        int end = page.indexOf(to, start + from.length());
        return end < 0 ? page.substring(start) : page.substring(start, end);
    }

    private static ApiProblemException refusal(int status, String slug, String rule, String detail,
                                               List<ApiProblem.FieldError> errors) {
        return new ApiProblemException(new ApiProblem("urn:p2p-supervision:problem:" + slug, slug, status, detail,
                rule, null, "r-0", errors, null, null));
    }

    static Cases.Complaint complaint(String state) {
        return new Cases.Complaint(RECEIPT, "GS-91330100MA28A7K3X6-1", state, "该平台公示期间仍在发布新标的，疑似资金池。",
                "王先生 138-0000-0000", false, null, LocalDate.of(2018, 3, 5), null);
    }

    /**
     * Open, version {@code version}, doing business in Guangdong (its opinion {@code opinionState}); the team m1 of
     * the financial office, m2 of the banking regulator and m3 who left; the custody check recorded by m1 and not
     * cross-verified, the ledger system not recorded.
     */
    static Cases.Case open(long version, String opinionState) {
        return inState("OPEN", version, opinionState);
    }

    static Cases.Case inState(String state, long version) {
        return inState(state, version, "ANSWERED");
    }

    static Cases.Case inState(String state, long version, String opinionState) {
        return new Cases.Case(ID, "杭州钱塘易贷网络科技有限公司", "91330100MA28A7K3X6", "33", List.of("44"),
                List.of(new Cases.SplitEntity("杭州钱塘易贷信息技术服务有限公司", "91330106MA2AAAAA1B")), "MAIN",
                LocalDate.of(2018, 4, 30), false, false, state,
                List.of(new Cases.Member("m1", "王检查", "FINANCIAL_OFFICE", "浙江省地方金融监督管理局", AT, null),
                        new Cases.Member("m2", "李核验", "BANKING_REGULATOR", "浙江银监局", AT, null),
                        new Cases.Member("m3", "赵离开", "CENTRAL_BANK", "人民银行杭州中心支行", AT, AT.plusSeconds(60))),
                List.of(new Cases.Check("CUSTODY_BANK", "资金存管", "ACC-02e", "PASSED", "存管协议", "m1", AT, null, null,
                        "浙商银行")),
                List.of(new Cases.Deficiency("LEDGER_SYSTEM", "账务系统", "ACC-04", "MISSING"),
                        new Cases.Deficiency("CUSTODY_BANK", "资金存管", "ACC-02e", "UNCONFIRMED")),
                List.of(new Cases.Opinion("44", opinionState, "ASKED".equals(opinionState) ? null : true,
                        "ASKED".equals(opinionState) ? null : "同意", null, null, null)),
                null, "OPEN".equals(state) || "AWAITING_RESUMPTION".equals(state) ? List.of()
                : List.of(AcceptancePagesTest.notice()), null, null, 0, version, AT);
    }
}
