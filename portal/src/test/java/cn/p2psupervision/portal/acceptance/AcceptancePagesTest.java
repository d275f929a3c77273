package cn.p2psupervision.portal.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
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
import cn.p2psupervision.portal.api.PageOf;

/**
 * 整改验收: the case list with deadlines and days of notice left (ACC-08, ACC-13), the case page, and the heads'
 * co-signature of the certificate (ACC-11, AUTH-04) with its refusals.
 */
class AcceptancePagesTest extends PortalTest {

    static final String ID = "1d53c03e-cc23-3078-b7ff-70378dad319c";
    /** The portal's campaign clock runs on real time in the tests: the notice ends 5 days from today. */
    static final LocalDate NOTICE_ENDS = LocalDate.ofInstant(NOW, java.time.ZoneId.of("Asia/Shanghai")).plusDays(5);

    @BeforeEach
    void aZhejiangCaseUnderNotice() {
        when(acceptance.acceptanceCase(ID)).thenReturn(onNotice(38, List.of()));
        when(acceptance.complaints(ID)).thenReturn(List.of(new Cases.Complaint("TS-20180305-7K3Q9X",
                "GS-91330100MA28A7K3X6-1", "UNFOUNDED", "该平台公示期间仍在发布新标的，疑似资金池。", null, true,
                "经核查，查无实据。", LocalDate.of(2018, 3, 5), LocalDate.of(2018, 3, 6))));
    }

    @Test
    void acc13_theListShowsEachCaseWithItsDeadlineAndTheDaysOfNoticeLeft() throws Exception {
        when(acceptance.cases("ON_NOTICE", 0)).thenReturn(new PageOf<>(List.of(new Cases.Summary(ID,
                "杭州钱塘易贷网络科技有限公司", "91330100MA28A7K3X6", "33", "ON_NOTICE", "MAIN", LocalDate.of(2018, 4, 30),
                true, notice(), 1, 38, Instant.parse("2018-03-05T02:00:00Z"))), 0, 20, 1));

        String page = mvc.perform(get("/acceptance?state=ON_NOTICE").with(officer("zj-officer", "33")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("整改验收与备案登记", "href=\"/acceptance/" + ID + "\"", "杭州钱塘易贷网络科技有限公司",
                "公示中", "2018年4月30日", "（主要机构）", "已逾期", "公示期满还剩 5 天", "<label for=\"state\"",
                "<option value=\"ON_NOTICE\" selected=\"selected\">公示中</option>");
    }

    @Test
    void acc08_theCaseShowsTeamChecksNoticeAndComplaintsWithoutTheComplainantsContact() throws Exception {
        String page = page(officer("gd-officer", "44"));

        assertThat(page).contains("联合验收小组", "王检查（m1）", "地方金融监管部门", "资金存管（ACC-02e）", "通过",
                "GS-91330100MA28A7K3X6-1", "2018年3月1日", "公示期满还剩 5 天", "TS-20180305-7K3Q9X", "查无实据",
                "仅注册地整治办可见", "验收合格", "负责同志尚未签署");
    }

    @Test
    void acc11_aHeadOfTheRegistrationProvincesRegulatorSeesTheSignatureFormWithTheCaseVersion() throws Exception {
        String page = page(head("zj-head-regulator", "33", "BANKING_REGULATOR"));

        assertThat(page).contains("data-testid=\"sign-form\"", "action=\"/acceptance/" + ID + "/signature\"",
                "name=\"version\" value=\"38\"", "签署合格证明（依据案件第 38 版）");
    }

    @Test
    void acc11_noSignatureFormForAnOfficerABusinessPlaceHeadCentralOrAnAgencyThatSignedAlready() throws Exception {
        when(acceptance.acceptanceCase(ID)).thenReturn(onNotice(39, List.of(new Cases.Signature("BANKING_REGULATOR",
                new Cases.Actor("zj-head-regulator", "33", "BANKING_REGULATOR"), Instant.parse("2018-03-16T01:00:00Z"),
                LocalDate.of(2018, 3, 16)))));

        for (OidcLoginRequestPostProcessor user : List.of(officer("zj-officer", "33"), head("zj-head", "33"),
                head("gd-head-finance", "44", "FINANCIAL_OFFICE"), central(),
                head("zj-head-regulator", "33", "BANKING_REGULATOR"))) {
            assertThat(page(user)).doesNotContain("data-testid=\"sign-form\"");
        }
        assertThat(page(head("zj-head-finance", "33", "FINANCIAL_OFFICE")))
                .contains("data-testid=\"sign-form\"", "zj-head-regulator 于 2018年3月16日签署");
    }

    @Test
    void theCaseReadsInEnglishOnRequest() throws Exception {
        String page = mvc.perform(get("/acceptance/" + ID).param("lang", "en")
                        .with(head("zj-head-regulator", "33", "BANKING_REGULATOR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("<html lang=\"en\"", "Under public notice", "5 days of notice left", "1 Mar 2018",
                "Co-signature by a head", "Sign the certificate (case version 38)", "Joint acceptance team");
    }

    @Test
    void acc11_theSignaturePostsTheVersionItWasRenderedFrom() throws Exception {
        when(acceptance.sign(ID, 38)).thenReturn(onNotice(39, List.of()));

        mvc.perform(post("/acceptance/" + ID + "/signature").param("version", "38")
                        .with(head("zj-head-regulator", "33", "BANKING_REGULATOR")).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/acceptance/" + ID));

        verify(acceptance).sign(ID, 38);
    }

    @Test
    void acc08_aSignatureBeforeTheNoticeHasRunNamesItsRequirementAtTheForm() throws Exception {
        when(acceptance.sign(ID, 38)).thenThrow(new ApiProblemException(new ApiProblem(
                "urn:p2p-supervision:problem:rule-violation", "A regulatory rule refuses this", 422,
                "the notice has not run 14 full days", "ACC-08", null, "r-1", List.of(), null, null)));

        String page = sign(38, 200);

        assertThat(page).contains("data-testid=\"refusal\"", "该操作不符合监管规则 ACC-08：公示期须满 14 天后方可会签合格证明。",
                "平台说明：the notice has not run 14 full days").doesNotContain("错误代码");
    }

    @Test
    void aStaleSignatureShowsTheCaseAsItIsNowWithTheCurrentVersion() throws Exception {
        when(acceptance.sign(ID, 38)).thenThrow(new ApiProblemException(new ApiProblem(
                "urn:p2p-supervision:problem:stale-version", "Stale", 412, null, null, null, "r-2", List.of(), null,
                39L)));
        when(acceptance.acceptanceCase(ID)).thenReturn(onNotice(39, List.of()));

        String page = sign(38, 200);

        assertThat(page).contains("该记录在此期间已被他人修改，现为第 39 版。", "name=\"version\" value=\"39\"");
    }

    @Test
    void acc11_aSecondSignatureOfTheSameAgencyIsAConflictShownAtTheForm() throws Exception {
        when(acceptance.sign(ID, 38)).thenThrow(new ApiProblemException(new ApiProblem(
                "urn:p2p-supervision:problem:conflict", "Conflict", 409, null, null, null, "r-3", List.of(), null,
                null)));

        assertThat(sign(38, 200)).contains("该操作与记录的当前状态冲突。");
    }

    @Test
    void auth01_aSignatureWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/acceptance/" + ID + "/signature").param("version", "38")
                .with(head("zj-head-regulator", "33", "BANKING_REGULATOR"))).andExpect(status().isForbidden());

        verify(acceptance, never()).sign(anyString(), anyLong());
    }

    private String sign(long version, int status) throws Exception {
        return mvc.perform(post("/acceptance/" + ID + "/signature").param("version", String.valueOf(version))
                        .with(head("zj-head-regulator", "33", "BANKING_REGULATOR")).with(csrf()))
                .andExpect(status().is(status)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String page(OidcLoginRequestPostProcessor user) throws Exception {
        return mvc.perform(get("/acceptance/" + ID).with(user)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    static Cases.Notice notice() {
        return new Cases.Notice("GS-91330100MA28A7K3X6-1", 1, LocalDate.of(2018, 3, 1), NOTICE_ENDS, "RUNNING", null,
                null);
    }

    static Cases.Case onNotice(long version, List<Cases.Signature> signatures) {
        return new Cases.Case(ID, "杭州钱塘易贷网络科技有限公司", "91330100MA28A7K3X6", "33", List.of("44"), "MAIN",
                LocalDate.of(2018, 4, 30), false, "ON_NOTICE",
                List.of(new Cases.Member("m1", "王检查", "FINANCIAL_OFFICE", "浙江省地方金融监督管理局",
                        Instant.parse("2018-03-01T01:00:00Z"), null)),
                List.of(new Cases.Check("CUSTODY_BANK", "资金存管", "ACC-02e", "PASSED", "存管协议及银行系统对接材料", "m1",
                        Instant.parse("2018-03-01T01:00:00Z"), "m2", Instant.parse("2018-03-01T02:00:00Z"), "浙商银行")),
                List.of(), List.of(), new Cases.Conclusion("PASSED", "联合验收小组各项检查均通过", null,
                        new Cases.Actor("zj-officer", "33", "FINANCIAL_OFFICE"), Instant.parse("2018-03-01T01:00:00Z")),
                List.of(notice()), new Cases.Certificate(signatures, null, null), null, 0, version,
                Instant.parse("2018-03-05T02:00:00Z"));
    }
}
