package cn.p2psupervision.portal.institution;

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

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.web.servlet.RequestBuilder;

import cn.p2psupervision.portal.PortalTest;
import cn.p2psupervision.portal.api.ApiProblem;
import cn.p2psupervision.portal.api.ApiProblemException;

/**
 * The records of a file beside it: its history with each version's changes (REG-07), its verification and signed
 * confirmation (REG-06) and its monthly operating figures (REG-03); who sees which form, and how acts and refusals
 * read at the form.
 */
class RegistryRecordsPagesTest extends PortalTest {

    static final String ID = InstitutionPagesTest.ID;
    static final History.Actor ZJ_OFFICER = new History.Actor("zj-officer", List.of("provincial-officer"), "33",
            "FINANCIAL_OFFICE");
    static final History.Actor CENTRAL = new History.Actor("central", List.of("central-regulator"), null, null);

    // ---- REG-07 history

    @Test
    void reg07_theFileLinksToItsHistoryVerificationAndReports() throws Exception {
        when(registry.file(ID)).thenReturn(InstitutionPagesTest.file("READ"));

        String page = page(get("/institutions/" + ID), officer("zj-officer", "33"), 200);

        assertThat(page).contains("data-testid=\"file-records\"", "href=\"/institutions/" + ID + "/history\"",
                "href=\"/institutions/" + ID + "/verification\"", "href=\"/institutions/" + ID + "/reports\"",
                "变更历史", "核实与签字确认", "月度经营数据");
    }

    @Test
    void reg07_theHistoryListsEveryVersionNewestFirstWithWhoWhenHowAndWhy() throws Exception {
        when(registry.file(ID)).thenReturn(InstitutionPagesTest.file("READ"));
        when(registry.history(ID)).thenReturn(List.of(
                new History.Entry(1, "REGISTER", "Self-reported filing form of May 2017",
                        Instant.parse("2017-06-19T01:00:00Z"), ZJ_OFFICER, List.of("name", "registeredAddress")),
                new History.Entry(2, "AMEND", "Capital increase registered on 2017-06-12",
                        Instant.parse("2017-06-19T02:10:00Z"), ZJ_OFFICER, List.of("registeredCapital")),
                new History.Entry(3, "IMPORT", "Industry database import", Instant.parse("2017-06-20T01:00:00Z"),
                        CENTRAL, List.of("custodyBank"))));

        String page = page(get("/institutions/" + ID + "/history"), central(), 200);

        assertThat(page).contains("变更历史", "杭州钱塘易贷网络科技有限公司", "登记建档", "修改", "批量导入",
                "zj-officer（浙江）", "central（中央整治办）", "2017年6月19日 10:10", "Capital increase registered on 2017-06-12",
                "机构名称、注册地址", "注册资本", "资金存管银行", "<th scope=\"col\"",
                "href=\"/institutions/" + ID + "/history/2\"");
        assertThat(page.indexOf("第 3 版")).isLessThan(page.indexOf("第 2 版"));
        assertThat(page.indexOf("第 2 版")).isLessThan(page.indexOf("第 1 版"));
    }

    @Test
    void reg07_aVersionShowsEachChangeBeforeAndAfterByItsChineseName() throws Exception {
        when(registry.file(ID)).thenReturn(InstitutionPagesTest.file("READ"));
        when(registry.diff(ID, 2)).thenReturn(new History.Diff(2, 1L, "AMEND",
                "Capital increase registered on 2017-06-12", Instant.parse("2017-06-19T02:10:00Z"), ZJ_OFFICER,
                List.of(new History.Change("registeredCapital", "50000000.00", "100000000.00"),
                        new History.Change("provenance.registeredCapital.source", "INSTITUTION", "BUSINESS_REGISTRATION"),
                        new History.Change("provenance.registeredCapital.asOf", "2017-05-31", "2017-06-12"),
                        new History.Change("status", "OPERATING", "SUSPENDED"),
                        new History.Change("someFutureMember", null, "x-1"))));

        String page = page(get("/institutions/" + ID + "/history/2"), officer("gd-officer", "44"), 200);

        assertThat(page).contains("第 2 版的变更", "与第 1 版相比", "修改", "zj-officer（浙江）", "变更前", "变更后",
                "注册资本", "50,000,000.00 元", "100,000,000.00 元", "注册资本（来源）", "机构自报", "工商登记",
                "注册资本（数据日期）", "2017年5月31日", "2017年6月12日", "经营状态", "正常运营", "停业",
                "someFutureMember", "x-1", "href=\"/institutions/" + ID + "/history/1\"", "返回变更历史");
        assertThat(between(page, "注册资本（来源）", "</tr>")).contains("机构自报", "工商登记")
                .doesNotContain("INSTITUTION");
    }

    @Test
    void reg07_theFirstVersionShowsWhatTheFileWasOpenedWithListsOneEntryALine() throws Exception {
        when(registry.file(ID)).thenReturn(InstitutionPagesTest.file("READ"));
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("registeredCapital", Map.of("source", "INSTITUTION", "asOf", "2017-05-31",
                "recordedBy", "zj-officer", "verified", false));
        when(registry.diff(ID, 1)).thenReturn(new History.Diff(1, null, "REGISTER", "Self-reported",
                Instant.parse("2017-06-19T01:00:00Z"), ZJ_OFFICER, List.of(
                new History.Change("legalRepresentative", null, Map.of("name", "陈建国", "idNumber", "330*************34")),
                new History.Change("shareholders", null, List.of(
                        shareholder("浙江钱塘控股集团有限公司", "ENTITY", "80.00", "91330100MA28B2LQ5T"),
                        shareholder("陈建国", "PERSON", "20.00", null))),
                new History.Change("inScope", null, true),
                new History.Change("provenance", null, provenance))));

        String page = page(get("/institutions/" + ID + "/history/1"), central(), 200);

        assertThat(page).contains("建档时登记的内容", "法定代表人", "陈建国 · 330*************34",
                "<li>浙江钱塘控股集团有限公司 · 机构 · 80.00% · 91330100MA28B2LQ5T</li>", "<li>陈建国 · 自然人 · 20.00%</li>",
                "纳入整治范围", "<li>是</li>", "来源记录", "注册资本：机构自报 · 2017年5月31日 · zj-officer")
                .doesNotContain("rel=\"prev\"");
    }

    @Test
    void reg07_anUnknownVersionIsNotFoundInWords() throws Exception {
        when(registry.file(ID)).thenReturn(InstitutionPagesTest.file("READ"));
        when(registry.diff(ID, 99)).thenThrow(problem(404, "not-found", null, null, List.of(), null));

        assertThat(page(get("/institutions/" + ID + "/history/99"), central(), 404))
                .contains("未找到该记录，或您无权查看。");
    }

    // ---- REG-06 verification and attestation

    @Test
    void reg06_thePageShowsTheVerificationsAndTheSignedConfirmation() throws Exception {
        when(registry.file(ID)).thenReturn(confirmed("READ"));

        String page = page(get("/institutions/" + ID + "/verification"), central(), 200);

        assertThat(page).contains("已核实确认", "2017年6月15日", "现场勘查", "zj-officer", "Office visited",
                "机构名称、法定代表人、注册资本", "注册地址", "陈建国", "法定代表人", "2017年6月16日", "浙整治办核〔2017〕0153号",
                "<th scope=\"col\"");
    }

    @Test
    void reg06_onlyTheRegistrationProvinceSeesTheFormsOthersReadOnly() throws Exception {
        when(registry.file(ID)).thenReturn(inVerification("WRITE"));
        String own = page(get("/institutions/" + ID + "/verification"), officer("zj-officer", "33"), 200);
        assertThat(own).contains("data-testid=\"verify-form\"", "data-testid=\"attest-form\"",
                "action=\"/institutions/" + ID + "/verifications\"", "action=\"/institutions/" + ID + "/attestation\"",
                "name=\"version\" value=\"5\"", "<label for=\"verify-method\"", "<label for=\"verify-date\"",
                "<label for=\"verify-outcome\"", "for=\"verify-confirmed-registeredCapital\"",
                "<label for=\"verify-correct-registeredAddress\"", "<label for=\"attest-signedBy\"",
                "<label for=\"attest-position\"", "<label for=\"attest-signedOn\"",
                "<label for=\"attest-documentReference\"", "max=\"2026-11-22\"", "记录核实（依据档案第 5 版）")
                .doesNotContain("data-testid=\"verification-read-only\"");

        when(registry.file(ID)).thenReturn(inVerification("READ"));
        for (OidcLoginRequestPostProcessor reader : List.of(central(), officer("gd-officer", "44"))) {
            assertThat(page(get("/institutions/" + ID + "/verification"), reader, 200))
                    .contains("data-testid=\"verification-read-only\"")
                    .doesNotContain("data-testid=\"verify-form\"", "data-testid=\"attest-form\"", "<form method=\"post\" action=\"/institutions");
        }
    }

    @Test
    void reg06_noAttestationBeforeAVerificationNorOnAConfirmedFile() throws Exception {
        when(registry.file(ID)).thenReturn(with(InstitutionPagesTest.file("WRITE"), "UNVERIFIED", 4, List.of(), null));
        assertThat(page(get("/institutions/" + ID + "/verification"), officer("zj-officer", "33"), 200))
                .contains("须先记录至少一次核实，方可签字确认。", "data-testid=\"verify-form\"")
                .doesNotContain("action=\"/institutions/" + ID + "/attestation\"");

        when(registry.file(ID)).thenReturn(confirmed("WRITE"));
        assertThat(page(get("/institutions/" + ID + "/verification"), officer("zj-officer", "33"), 200))
                .contains("data-testid=\"verify-form\"").doesNotContain("data-testid=\"attest-form\"");
    }

    @Test
    void reg06_aVerificationSendsWhatWasEnteredOnTheVersionShownAndComesBackWithAConfirmation() throws Exception {
        when(registry.verify(eq(ID), any(), eq(4L))).thenReturn(inVerification("WRITE"));
        when(registry.file(ID)).thenReturn(inVerification("WRITE"));

        mvc.perform(post("/institutions/" + ID + "/verifications").param("version", "4")
                        .param("method", "ON_SITE_SURVEY").param("date", "2017-06-15")
                        .param("outcome", " Office visited; moved to 9th floor ")
                        .param("confirmed", "name", "registeredCapital")
                        .param("registeredAddress", "浙江省杭州市西湖区文三路 90 号 9 楼").param("custodyBank", " ")
                        .with(officer("zj-officer", "33")).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/institutions/" + ID + "/verification"))
                .andExpect(flash().attribute("verificationDone", "verified"))
                .andExpect(flash().attribute("verificationVersion", 5L));

        verify(registry).verify(ID, new RegistryApi.VerificationRequest("ON_SITE_SURVEY", "2017-06-15",
                "Office visited; moved to 9th floor", List.of("name", "registeredCapital"),
                Map.of("registeredAddress", "浙江省杭州市西湖区文三路 90 号 9 楼")), 4);
        assertThat(page(get("/institutions/" + ID + "/verification").flashAttr("verificationDone", "verified")
                        .flashAttr("verificationVersion", 5L), officer("zj-officer", "33"), 200))
                .contains("核实情况已记录（档案第 5 版）。");
    }

    @Test
    void reg06_theAttestationIsSentOnTheVersionShownAndComesBackConfirmed() throws Exception {
        when(registry.attest(eq(ID), any(), eq(5L))).thenReturn(confirmed("WRITE"));

        mvc.perform(post("/institutions/" + ID + "/attestation").param("version", "5").param("signedBy", "陈建国")
                        .param("position", "LEGAL_REPRESENTATIVE").param("signedOn", "2017-06-16")
                        .param("documentReference", "浙整治办核〔2017〕0153号")
                        .with(officer("zj-officer", "33")).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/institutions/" + ID + "/verification"))
                .andExpect(flash().attribute("verificationDone", "attested"));

        verify(registry).attest(ID, new RegistryApi.AttestationRequest("陈建国", "LEGAL_REPRESENTATIVE", "2017-06-16",
                "浙整治办核〔2017〕0153号"), 5);
        when(registry.file(ID)).thenReturn(confirmed("WRITE"));
        assertThat(page(get("/institutions/" + ID + "/verification").flashAttr("verificationDone", "attested")
                        .flashAttr("verificationVersion", 6L), officer("zj-officer", "33"), 200))
                .contains("签字确认已记录，档案已核实确认（第 6 版）。");
    }

    @Test
    void reg06_aStaleVerificationNamesTheCurrentVersionShowsTheFileNowAndKeepsTheEntries() throws Exception {
        when(registry.verify(eq(ID), any(), eq(4L))).thenThrow(problem(412, "stale-version", null, null, List.of(), 5L));
        when(registry.file(ID)).thenReturn(inVerification("WRITE"));

        String page = page(post("/institutions/" + ID + "/verifications").param("version", "4")
                .param("method", "PHONE_CONTACT").param("date", "2017-06-15").param("outcome", "电话联系法定代表人，确认注册资本")
                .param("confirmed", "registeredCapital").param("custodyBank", "杭州银行").with(csrf()),
                officer("zj-officer", "33"), 200);

        assertThat(between(page, "data-testid=\"verify-form\"", "</form>")).contains("data-testid=\"refusal\"",
                "该记录在此期间已被他人修改，现为第 5 版。", "name=\"version\" value=\"5\"", "记录核实（依据档案第 5 版）",
                "<option value=\"PHONE_CONTACT\" selected=\"selected\">电话联系</option>", "value=\"2017-06-15\"",
                "电话联系法定代表人，确认注册资本</textarea>", "id=\"verify-confirmed-registeredCapital\" checked=\"checked\"",
                "value=\"杭州银行\"");
        assertThat(page).contains("Office visited").doesNotContain("错误代码");
    }

    @Test
    void reg06_fieldsTheRegistryRefusedAreMarkedAtTheField() throws Exception {
        when(registry.file(ID)).thenReturn(inVerification("WRITE"));
        when(registry.verify(eq(ID), any(), anyLong())).thenThrow(problem(400, "validation-failed", null, null,
                List.of(new ApiProblem.FieldError("date", "is required"),
                        new ApiProblem.FieldError("registeredCapital", "at most 2 decimals")), null));

        String page = page(post("/institutions/" + ID + "/verifications").param("version", "5")
                .param("method", "ONLINE_CHECK").param("outcome", "网上核查").param("registeredCapital", "1.234")
                .with(csrf()), officer("zj-officer", "33"), 200);

        assertThat(page).contains("提交的内容不符合要求。", "aria-describedby=\"verify-date-error\"",
                "id=\"verify-date-error\"", "此项未被接受：is required", "aria-invalid=\"true\"",
                "id=\"verify-correct-registeredCapital-error\"", "此项未被接受：at most 2 decimals", "value=\"1.234\"");
    }

    @Test
    void reg06_anAttestationRefusedByTheRuleSaysWhyAtTheFormWithTheEntriesKept() throws Exception {
        when(registry.file(ID)).thenReturn(inVerification("WRITE"));
        when(registry.attest(eq(ID), any(), eq(5L))).thenThrow(problem(422, "rule-violation", "REG-06",
                "signedOn 2017-06-10 is before the last verification (2017-06-15)", List.of(), null));

        String page = page(post("/institutions/" + ID + "/attestation").param("version", "5").param("signedBy", "陈建国")
                .param("position", "SENIOR_EXECUTIVE").param("signedOn", "2017-06-10")
                .param("documentReference", "浙整治办核〔2017〕0153号").with(csrf()), officer("zj-officer", "33"), 200);

        assertThat(between(page, "data-testid=\"attest-form\"", "</form>")).contains(
                "该操作不符合监管规则 REG-06：核实日期和签字日期不得晚于今天；签字确认须在至少一次核实之后",
                "平台说明：signedOn 2017-06-10 is before the last verification (2017-06-15)", "value=\"陈建国\"",
                "<option value=\"SENIOR_EXECUTIVE\" selected=\"selected\">高级管理人员</option>", "value=\"2017-06-10\"");
        assertThat(between(page, "data-testid=\"verify-form\"", "</form>")).doesNotContain("data-testid=\"refusal\"");
    }

    @Test
    void reg06_aCentralVerificationRefusedByTheApiReadsAsARoleMessage() throws Exception {
        when(registry.file(ID)).thenReturn(inVerification("READ"));
        when(registry.verify(eq(ID), any(), anyLong())).thenThrow(problem(403, "forbidden", null, null, List.of(), null));

        String page = page(post("/institutions/" + ID + "/verifications").param("version", "5")
                .param("method", "ONLINE_CHECK").with(csrf()), central(), 200);

        assertThat(page).contains("您的角色无权进行此操作。").doesNotContain("data-testid=\"verify-form\"");
    }

    @Test
    void reg06_anActWithoutTheCsrfTokenIsRefusedAndNothingIsSent() throws Exception {
        mvc.perform(post("/institutions/" + ID + "/attestation").param("version", "5")
                .with(officer("zj-officer", "33"))).andExpect(status().isForbidden());

        verify(registry, never()).attest(any(), any(), anyLong());
    }

    // ---- REG-03 monthly operating reports

    @Test
    void reg03_theReportsAreATableOfTheMonthsNewestFirstInYuan() throws Exception {
        when(registry.file(ID)).thenReturn(InstitutionPagesTest.file("READ"));
        when(registry.reports(ID)).thenReturn(List.of(report("2017-04", 1, null), report("2017-05", 2, "更正出借人数")));

        String page = page(get("/institutions/" + ID + "/reports"), officer("gd-officer", "44"), 200);

        assertThat(page).contains("2017年4月", "2017年5月", "第 2 次", "386,500,000.00 元", "52,300,000.00 元",
                "41,250", "9,830", "4,250,000.00 元", "1.10%", "“钱塘月月盈”1个月，7.20%", "机构自报", "zj-officer",
                "（浙江）", "更正出借人数", "<th scope=\"col\"", "data-testid=\"report-read-only\"")
                .doesNotContain("data-testid=\"report-form\"");
        assertThat(page.indexOf("2017年5月")).isLessThan(page.indexOf("2017年4月"));
    }

    @Test
    void reg03_theRegistrationProvinceAndCentralMayReportButABusinessPlaceMayNot() throws Exception {
        when(registry.file(ID)).thenReturn(InstitutionPagesTest.file("WRITE"));
        assertThat(page(get("/institutions/" + ID + "/reports"), officer("zj-officer", "33"), 200)).contains(
                "data-testid=\"report-form\"", "action=\"/institutions/" + ID + "/reports\"", "<label for=\"report-period\"",
                "<label for=\"report-loanBalance\"", "<label for=\"report-lenders\"", "<label for=\"report-overdueRate\"",
                "<label for=\"report-products-0-name\"", "name=\"products[2].compositeYield\"",
                "<label for=\"report-reason\"", "max=\"2026-11\"", "尚未报送月度经营数据。");

        when(registry.file(ID)).thenReturn(InstitutionPagesTest.file("READ"));
        assertThat(page(get("/institutions/" + ID + "/reports"), central(), 200)).contains("data-testid=\"report-form\"");
        assertThat(page(get("/institutions/" + ID + "/reports"), officer("gd-officer", "44"), 200))
                .doesNotContain("data-testid=\"report-form\"");
    }

    @Test
    void reg03_aReportIsSentAsEnteredAndComesBackWithAConfirmation() throws Exception {
        when(registry.submitReport(eq(ID), any())).thenReturn(report("2017-05", 1, null));

        mvc.perform(post("/institutions/" + ID + "/reports").param("period", "2017-05")
                        .param("loanBalance", "386,500,000.00").param("newLending", "52300000").param("lenders", "41250")
                        .param("borrowers", " 9830 ").param("overdueAmount", "").param("overdueRate", "1.10")
                        .param("products[0].name", "").param("products[1].name", "钱塘月月盈")
                        .param("products[1].termMonths", "1").param("products[1].compositeYield", "7.20")
                        .param("reason", "").with(officer("zj-officer", "33")).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/institutions/" + ID + "/reports"))
                .andExpect(flash().attribute("reportDone", "reported"));

        verify(registry).submitReport(ID, new Reports.Submission("2017-05", "386500000.00", 41250L, 9830L, "52300000",
                List.of(new Reports.ProductSubmission("钱塘月月盈", 1L, "7.20")), null, "1.10", null));
        when(registry.file(ID)).thenReturn(InstitutionPagesTest.file("WRITE"));
        assertThat(page(get("/institutions/" + ID + "/reports").flashAttr("reportDone", "corrected")
                        .flashAttr("reportPeriod", "2017年5月").flashAttr("reportRevision", 2), officer("zj-officer", "33"), 200))
                .contains("2017年5月经营数据已更正（第 2 次报送）。");
    }

    @Test
    void reg03_fieldsTheRegistryRefusedAreShownAtTheirFieldsWithTheEntriesKept() throws Exception {
        when(registry.file(ID)).thenReturn(InstitutionPagesTest.file("WRITE"));
        when(registry.submitReport(eq(ID), any())).thenThrow(problem(400, "validation-failed", null, null, List.of(
                new ApiProblem.FieldError("loanBalance", "must be greater than or equal to 0.00"),
                new ApiProblem.FieldError("lenders", "must be a whole number"),
                new ApiProblem.FieldError("products[0].compositeYield", "must be less than or equal to 100.00")), null));

        String page = page(post("/institutions/" + ID + "/reports").param("period", "2017-05").param("loanBalance", "-1")
                .param("newLending", "0").param("lenders", "四万").param("borrowers", "1")
                .param("products[1].name", "钱塘年年享").param("products[1].termMonths", "12")
                .param("products[1].compositeYield", "960").with(csrf()), officer("zj-officer", "33"), 200);

        assertThat(page).contains("提交的内容不符合要求。", "id=\"report-loanBalance-error\"",
                "此项未被接受：must be greater than or equal to 0.00", "value=\"-1\"", "id=\"report-lenders-error\"",
                "value=\"四万\"", "id=\"report-products-1-compositeYield-error\"", "value=\"960\"", "value=\"钱塘年年享\"",
                "value=\"2017-05\"", "aria-describedby=\"report-loanBalance-error\"",
                "“products[1].compositeYield”：must be less than or equal to 100.00")
                .doesNotContain("id=\"report-products-0-compositeYield-error\"");
        verify(registry).submitReport(eq(ID), eq(new Reports.Submission("2017-05", "-1", "四万", 1L, "0",
                List.of(new Reports.ProductSubmission("钱塘年年享", 12L, "960")), null, null, null)));
    }

    @Test
    void reg03_aMonthReportedByAnotherAtTheSameMomentIsA409InWords() throws Exception {
        when(registry.file(ID)).thenReturn(InstitutionPagesTest.file("WRITE"));
        when(registry.submitReport(eq(ID), any())).thenThrow(problem(409, "conflict", null,
                "Concurrent submissions for 2017-05; retry", List.of(), null));

        String page = page(post("/institutions/" + ID + "/reports").param("period", "2017-05")
                .param("loanBalance", "386500000.00").param("newLending", "0").param("lenders", "1").param("borrowers", "1")
                .with(csrf()), officer("zj-officer", "33"), 200);

        assertThat(between(page, "data-testid=\"report-form\"", "</form>")).contains("data-testid=\"refusal\"",
                "2017年5月的经营数据有他人同时报送，本次未保存。", "value=\"386500000.00\"");
        assertThat(page).doesNotContain("该操作与记录的当前状态冲突。", "错误代码");
    }

    @Test
    void reg03_aSecondReportOfAMonthWithoutAReasonIsTheRuleInWords() throws Exception {
        when(registry.file(ID)).thenReturn(InstitutionPagesTest.file("WRITE"));
        when(registry.reports(ID)).thenReturn(List.of(report("2017-05", 1, null)));
        when(registry.submitReport(eq(ID), any())).thenThrow(problem(422, "rule-violation", "REG-03",
                "Period 2017-05 already has a report: a correction needs a reason", List.of(), null));

        String page = page(post("/institutions/" + ID + "/reports").param("period", "2017-05")
                .param("loanBalance", "386500000.00").param("newLending", "0").param("lenders", "41300")
                .param("borrowers", "9830").with(csrf()), officer("zj-officer", "33"), 200);

        assertThat(page).contains("该操作不符合监管规则 REG-03：", "同一月份再次报送须写明更正理由",
                "平台说明：Period 2017-05 already has a report", "value=\"41300\"", "386,500,000.00 元");
    }

    @Test
    void reg03_theReportsPageSpeaksEnglishOnRequest() throws Exception {
        when(registry.file(ID)).thenReturn(InstitutionPagesTest.file("WRITE"));
        when(registry.reports(ID)).thenReturn(List.of(report("2017-05", 1, null)));

        assertThat(page(get("/institutions/" + ID + "/reports").param("lang", "en"), officer("zj-officer", "33"), 200))
                .contains("Monthly operating figures", "May 2017", "CNY 386,500,000.00", "Loan balance (yuan)",
                        "The institution itself");
    }

    // ---- helpers

    private String page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                        OidcLoginRequestPostProcessor user, int status) throws Exception {
        RequestBuilder built = request.with(user);
        return mvc.perform(built).andExpect(status().is(status)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static String between(String page, String from, String to) {
        int start = page.indexOf(from);
        assertThat(start).as(from).isNotNegative();
        int end = page.indexOf(to, start);
        return page.substring(start, end < 0 ? page.length() : end);
    }

    private static ApiProblemException problem(int status, String slug, String rule, String detail,
                                               List<ApiProblem.FieldError> errors, Long currentVersion) {
        return new ApiProblemException(new ApiProblem("urn:p2p-supervision:problem:" + slug, slug, status, detail,
                rule, "registry-service", "r-" + status, errors, null, currentVersion));
    }

    private static Map<String, Object> shareholder(String name, String type, String share, String creditCode) {
        Map<String, Object> shareholder = new LinkedHashMap<>();
        shareholder.put("name", name);
        shareholder.put("type", type);
        shareholder.put("sharePercent", share);
        shareholder.put("creditCode", creditCode);
        shareholder.put("idNumber", null);
        return shareholder;
    }

    static Reports.Report report(String period, int revision, String reason) {
        return new Reports.Report(ID + ":" + period + ":" + revision, ID, period, revision,
                new BigDecimal("386500000.00"), 41250L, 9830L, new BigDecimal("52300000.00"),
                List.of(new Reports.Product("钱塘月月盈", 1, new BigDecimal("7.20"))), new BigDecimal("4250000.00"),
                new BigDecimal("1.10"), "INSTITUTION", reason, "zj-officer", "33", Instant.parse("2017-06-19T03:00:00Z"));
    }

    static final Institutions.Verification SURVEY = new Institutions.Verification("ON_SITE_SURVEY",
            LocalDate.of(2017, 6, 15), "zj-officer", "Office visited; licence inspected; moved to 9th floor",
            List.of("name", "legalRepresentative", "registeredCapital"), List.of("registeredAddress"));

    /** The file after a verification: version 5, in verification. */
    static Institutions.File inVerification(String access) {
        return with(InstitutionPagesTest.file(access), "IN_VERIFICATION", 5, List.of(SURVEY), null);
    }

    /** The file after the signed confirmation: version 6, confirmed. */
    static Institutions.File confirmed(String access) {
        return with(InstitutionPagesTest.file(access), "CONFIRMED", 6, List.of(SURVEY),
                new Institutions.Attestation("陈建国", "LEGAL_REPRESENTATIVE", LocalDate.of(2017, 6, 16),
                        "浙整治办核〔2017〕0153号", "zj-officer"));
    }

    private static Institutions.File with(Institutions.File f, String state, long version,
                                          List<Institutions.Verification> verifications,
                                          Institutions.Attestation attestation) {
        return new Institutions.File(f.id(), f.creditCode(), f.registeredProvince(), f.name(), f.registeredAddress(),
                f.legalRepresentative(), f.shareholders(), f.actualControllers(), f.registeredCapital(),
                f.establishedOn(), f.lendingStartedOn(), f.websites(), f.custodyBank(), f.branches(), f.entityKind(),
                f.cooperatingBank(), f.status(), f.inScope(), state, f.latestReport(), f.businessProvinces(),
                f.crossRegion(), f.branchCount(), version, f.createdAt(), f.updatedAt(), f.access(), verifications,
                attestation);
    }
}
