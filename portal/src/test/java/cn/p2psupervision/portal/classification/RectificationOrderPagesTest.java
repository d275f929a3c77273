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
 * 整改通知 on an institution's file (CLS-08, AUTH-02): the order of an approved rectification decision with its items
 * and their stock, who sees the forms to issue it, report stock and record an item's completion, what each sends, and
 * how the refusals read at their forms with the entries kept.
 */
class RectificationOrderPagesTest extends PortalTest {

    static final String ID = ClassificationPagesTest.ID;
    static final String FUND_POOL = FindingFormsPagesTest.FINDING;
    static final String DISCLOSURE = "F-7D2E00C4B9A1";
    static final Decisions.Actor OFFICER = new Decisions.Actor("zj-officer", "33", "FINANCIAL_OFFICE");

    @BeforeEach
    void zhejiangPlatformClassifiedForRectification() {
        when(registry.file(ID)).thenReturn(ClassificationPagesTest.file());
        when(classification.findings(ID)).thenReturn(List.of(FindingFormsPagesTest.fundPool(1),
                new Classification.Finding(DISCLOSURE, "DISCLOSURE_INCOMPLETE", new Classification.Evidence(
                        "未披露逾期率", List.of()), "OFF_SITE_ANALYSIS", LocalDate.of(2016, 8, 2), null, 1, "ACTIVE",
                        null, "zj-officer", Instant.parse("2016-10-10T01:00:00Z"))));
        when(classification.catalogue()).thenReturn(ClassificationPagesTest.catalogue());
        when(classification.decision(ID)).thenReturn(decision("RECTIFICATION", "APPROVED"));
    }

    @Test
    void cls08_anApprovedRectificationDecisionOffersTheRegistrationProvinceToIssueTheOrder() throws Exception {
        String page = page(officer("zj-officer", "33"));

        assertThat(page).contains("data-testid=\"rectification-order\"", "data-testid=\"issue-order-form\"",
                "action=\"/institutions/" + ID + "/rectification-order\"", "<label for=\"order-issuedOn\"",
                "<label for=\"order-deadline\"", "<legend class=\"form-label fs-6\">整改事项</legend>",
                "name=\"items[0].findingId\" value=\"" + FUND_POOL + "\"",
                "name=\"items[1].findingId\" value=\"" + DISCLOSURE + "\"", "<label for=\"order-item-0\"",
                "整改要求：设立资金池（" + FUND_POOL + "）", "整改要求：信息披露不完整（" + DISCLOSURE + "）",
                "该整改类决定已批准，尚未下发整改通知。", "下发整改通知")
                .doesNotContain("data-testid=\"stock-report-form\"", "data-testid=\"complete-item-form\"");
    }

    @Test
    void auth02_businessPlacesAndCentralGetNoOrderForm() throws Exception {
        for (OidcLoginRequestPostProcessor reader : List.of(officer("gd-officer", "44"), head("gd-head", "44"),
                central())) {
            assertThat(page(reader)).doesNotContain("data-testid=\"issue-order-form\"",
                    "data-testid=\"stock-report-form\"", "data-testid=\"complete-item-form\"");
        }
    }

    @Test
    void cls08_aRecordedButUnapprovedRectificationDecisionOffersNoOrderYet() throws Exception {
        when(classification.decision(ID)).thenReturn(decision("RECTIFICATION", "RECORDED"));

        assertThat(page(officer("zj-officer", "33"))).doesNotContain("data-testid=\"issue-order-form\"",
                "data-testid=\"rectification-order\"");
    }

    @Test
    void cls08_aBanningDecisionHasNoRectificationOrderAndTheOrderIsNotRead() throws Exception {
        when(classification.decision(ID)).thenReturn(decision("BANNING", "APPROVED"));

        assertThat(page(officer("zj-officer", "33"))).doesNotContain("data-testid=\"rectification-order\"");
        verify(classification, never()).rectificationOrder(anyString());
    }

    @Test
    void cls08_theOrderShowsItsItemsTheirStockTheRisesAndTheNewViolatingBusiness() throws Exception {
        when(classification.rectificationOrder(ID)).thenReturn(order(3, false));

        String page = page(officer("gd-officer", "44"));

        assertThat(page).contains("data-testid=\"order-items\"", "2016年10月12日", "2017年4月30日",
                "第 3 版（第 1 轮决定）", "2 / 2 项", "停止新增资金池业务，存量逐月压降至零", "1,250,000.00 元",
                "1,300,000.00 元", "截至 2016年11月30日", "存量曾上升", "不涉及存量", "未完成",
                "事项 1：违规存量由 1,250,000.00 元（2016年10月12日）升至 1,300,000.00 元（2016年11月30日，第 1 次报告）",
                "整改通知下发后新增违规业务：", "自融（发现 F-99AA00BB11CC，2016年11月2日，存量 500,000.00 元）",
                "存量报告（1）", "事项 1：1,300,000.00 元", "<th scope=\"col\">整改要求</th>")
                .doesNotContain("data-testid=\"order-overdue\"", "data-testid=\"issue-order-form\"",
                        "data-testid=\"stock-report-form\"", "data-testid=\"complete-item-form\"");
    }

    @Test
    void cls08_anOrderPastItsDeadlineWithOpenItemsIsMarkedOverdue() throws Exception {
        when(classification.rectificationOrder(ID)).thenReturn(order(3, true));

        assertThat(page(central())).contains("data-testid=\"order-overdue\"", "已逾期");
    }

    @Test
    void cls08_theRegistrationProvinceReportsStockOfOpenViolatingItemsAndRecordsCompletion() throws Exception {
        when(classification.rectificationOrder(ID)).thenReturn(order(3, false));

        String page = page(head("zj-head-finance", "33"));

        assertThat(page).contains("data-testid=\"stock-report-form\"", "data-testid=\"complete-item-form\"",
                "action=\"/institutions/" + ID + "/rectification-order/stock-reports\"",
                "action=\"/institutions/" + ID + "/rectification-order/completion\"", "name=\"version\" value=\"3\"",
                "<label for=\"stock-asOf\"", "<label for=\"stock-item-0\"", "name=\"items[0].number\" value=\"1\"",
                "事项 1（设立资金池）违规存量（元）", "上次报告：1,300,000.00 元（2016年11月30日）",
                "<label for=\"complete-item\"", "<label for=\"complete-completedOn\"", "<label for=\"complete-note\"",
                "<option value=\"1\">事项 1：设立资金池</option>", "<option value=\"2\">事项 2：信息披露不完整</option>",
                "报告存量（依据第 3 版）", "记录整改完成（依据第 3 版）")
                .doesNotContain("name=\"items[1].number\"", "data-testid=\"issue-order-form\"");
    }

    @Test
    void cls08_issuingSendsOnlyTheFindingsWithARequirementAndComesBackWithAConfirmation() throws Exception {
        when(classification.issueRectificationOrder(eq(ID), any())).thenReturn(order(1, false));

        mvc.perform(issue("2016-10-12", "2017-04-30", " 停止新增资金池业务 ", " ").with(officer("zj-officer", "33"))
                        .with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/institutions/" + ID))
                .andExpect(flash().attribute("orderDone", "issued")).andExpect(flash().attribute("orderVersion", 1L));

        verify(classification).issueRectificationOrder(ID, new ClassificationApi.OrderBody("2016-10-12", "2017-04-30",
                List.of(new ClassificationApi.OrderItem(FUND_POOL, "停止新增资金池业务"))));
    }

    @Test
    void cls08_theConfirmationSaysTheOrderIsIssued() throws Exception {
        when(classification.rectificationOrder(ID)).thenReturn(order(1, false));

        String page = mvc.perform(get("/institutions/" + ID).flashAttr("orderDone", "issued")
                        .flashAttr("orderVersion", 1L).flashAttr("orderItem", "").with(officer("zj-officer", "33")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("data-testid=\"order-done\"", "整改通知已下发（第 1 版）。");
    }

    @Test
    void cls08_aFieldErrorOnAnItemShowsAtItsRowOfTheFormWithTheEntriesKept() throws Exception {
        when(classification.issueRectificationOrder(eq(ID), any())).thenThrow(new ApiProblemException(new ApiProblem(
                "urn:p2p-supervision:problem:validation-failed", "Invalid input", 400, null, "CLS-08", null, "r-1",
                List.of(new ApiProblem.FieldError("items[0].requirement", "must be at most 2000 characters long"),
                        new ApiProblem.FieldError("deadline", "is required")), null, null)));

        String page = refused(issue("2016-10-12", "", "", "按要求披露逾期率").with(officer("zj-officer", "33")));

        verify(classification).issueRectificationOrder(ID, new ClassificationApi.OrderBody("2016-10-12", null,
                List.of(new ClassificationApi.OrderItem(DISCLOSURE, "按要求披露逾期率"))));
        assertThat(page).contains("提交的内容不符合要求。", "id=\"order-item-1-error\"", "must be at most 2000 characters",
                        "id=\"order-deadline-error\"", "按要求披露逾期率</textarea>", "value=\"2016-10-12\"")
                .doesNotContain("id=\"order-item-0-error\"");
        assertThat(FindingFormsPagesTest.fieldTag(page, "order-item-1")).contains("is-invalid", "aria-invalid=\"true\"");
        assertThat(FindingFormsPagesTest.fieldTag(page, "order-item-0")).doesNotContain("is-invalid");
    }

    @Test
    void cls08_aSecondOrderForTheRoundIsAConflictShownAtTheSection() throws Exception {
        when(classification.issueRectificationOrder(eq(ID), any())).thenThrow(new ApiProblemException(new ApiProblem(
                "urn:p2p-supervision:problem:conflict", "Conflict", 409, "one order per decision round", null, null,
                "r-2", List.of(), null, null)));
        when(classification.rectificationOrder(ID)).thenReturn(order(1, false));

        String page = refused(issue("2016-10-12", "2017-04-30", "停止新增资金池业务", "")
                .with(officer("zj-officer", "33")));

        assertThat(page).contains("data-testid=\"refusal\"", "该操作与记录的当前状态冲突。", "data-testid=\"order-items\"")
                .doesNotContain("data-testid=\"issue-order-form\"");
    }

    @Test
    void cls08_aRuleRefusalOfTheOrderNamesTheRuleInWords() throws Exception {
        when(classification.issueRectificationOrder(eq(ID), any())).thenThrow(new ApiProblemException(new ApiProblem(
                "urn:p2p-supervision:problem:rule-violation", "A regulatory rule refuses this", 422,
                "The deadline 2016-10-01 must lie after the day of the order (2016-10-12)", "CLS-08", null, "r-3",
                List.of(), null, null)));

        String page = refused(issue("2016-10-12", "2016-10-01", "停止新增资金池业务", "")
                .with(officer("zj-officer", "33")));

        assertThat(page).contains("该操作不符合监管规则 CLS-08：只有经批准的整改类决定可下发整改通知", "value=\"2016-10-01\"",
                "停止新增资金池业务</textarea>");
        assertThat(page.indexOf("data-testid=\"refusal\"")).isGreaterThan(page.indexOf("data-testid=\"issue-order-form\""));
    }

    @Test
    void cls08_aStockReportSendsTheAmountsWithoutSeparatorsAndTheVersionShown() throws Exception {
        when(classification.reportStock(eq(ID), any(), anyLong())).thenReturn(order(4, false));

        mvc.perform(post("/institutions/" + ID + "/rectification-order/stock-reports").param("version", "3")
                        .param("asOf", "2016-12-31").param("items[0].number", "1").param("items[0].amount", "980,000.00")
                        .with(officer("zj-officer", "33")).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/institutions/" + ID))
                .andExpect(flash().attribute("orderDone", "reported"));

        verify(classification).reportStock(ID, new ClassificationApi.StockReportBody("2016-12-31",
                List.of(new ClassificationApi.StockFigure(1, new BigDecimal("980000.00")))), 3L);
    }

    @Test
    void cls08_aStaleStockReportShowsTheCurrentVersionAtTheFormWithTheAmountKept() throws Exception {
        when(classification.reportStock(eq(ID), any(), anyLong())).thenThrow(new ApiProblemException(new ApiProblem(
                "urn:p2p-supervision:problem:stale-version", "Stale", 412, null, null, null, "r-4", List.of(), null,
                4L)));
        when(classification.rectificationOrder(ID)).thenReturn(order(4, false));

        String page = refused(post("/institutions/" + ID + "/rectification-order/stock-reports").param("version", "3")
                .param("asOf", "2016-12-31").param("items[0].number", "1").param("items[0].amount", "980,000.00")
                .with(officer("zj-officer", "33")));

        assertThat(page).contains("该记录在此期间已被他人修改，现为第 4 版。", "value=\"980,000.00\"",
                "value=\"2016-12-31\"", "报告存量（依据第 4 版）");
        assertThat(page.indexOf("data-testid=\"refusal\"")).isGreaterThan(page.indexOf("data-testid=\"stock-report-form\""));
    }

    @Test
    void cls08_theCompletionSendsTheDayAndTheNoteForTheChosenItemWithTheVersionShown() throws Exception {
        when(classification.completeItem(eq(ID), eq(2), any(), anyLong())).thenReturn(order(4, false));

        mvc.perform(post("/institutions/" + ID + "/rectification-order/completion").param("version", "3")
                        .param("item", "2").param("completedOn", "2016-12-01").param("note", " 已补充披露逾期率 ")
                        .with(officer("zj-officer", "33")).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/institutions/" + ID))
                .andExpect(flash().attribute("orderDone", "completed")).andExpect(flash().attribute("orderItem", 2));

        verify(classification).completeItem(ID, 2, new ClassificationApi.CompletionBody("2016-12-01", "已补充披露逾期率"),
                3L);
    }

    @Test
    void cls08_completingAnItemWithStockAboveZeroNamesTheRuleAndKeepsTheEntries() throws Exception {
        when(classification.completeItem(eq(ID), eq(1), any(), anyLong())).thenThrow(new ApiProblemException(
                new ApiProblem("urn:p2p-supervision:problem:rule-violation", "A regulatory rule refuses this", 422,
                        "Item 1 (设立资金池) completes when its reported stock is 0", "CLS-08", null, "r-5", List.of(),
                        null, null)));
        when(classification.rectificationOrder(ID)).thenReturn(order(3, false));

        String page = refused(post("/institutions/" + ID + "/rectification-order/completion").param("version", "3")
                .param("item", "1").param("completedOn", "2016-12-01").param("note", "资金池已清退")
                .with(officer("zj-officer", "33")));

        assertThat(page).contains("该操作不符合监管规则 CLS-08", "违规业务事项须在报告存量为零后方可完成",
                "<option value=\"1\" selected=\"selected\">事项 1：设立资金池</option>", "资金池已清退</textarea>",
                "value=\"2016-12-01\"");
        assertThat(page.indexOf("data-testid=\"refusal\"")).isGreaterThan(page.indexOf("data-testid=\"complete-item-form\""));
    }

    @Test
    void cls08_aNoteMissingShowsAtTheNoteField() throws Exception {
        when(classification.completeItem(eq(ID), eq(2), any(), anyLong())).thenThrow(new ApiProblemException(
                new ApiProblem("urn:p2p-supervision:problem:validation-failed", "Invalid input", 400, null, "CLS-08",
                        null, "r-6", List.of(new ApiProblem.FieldError("note", "must say how the item was rectified")),
                        null, null)));
        when(classification.rectificationOrder(ID)).thenReturn(order(3, false));

        String page = refused(post("/institutions/" + ID + "/rectification-order/completion").param("version", "3")
                .param("item", "2").param("completedOn", "2016-12-01").param("note", "")
                .with(officer("zj-officer", "33")));

        assertThat(page).contains("id=\"complete-note-error\"", "must say how the item was rectified");
        assertThat(FindingFormsPagesTest.fieldTag(page, "complete-note")).contains("is-invalid");
    }

    @Test
    void cls08_anItemCompletedAlreadyIsAConflict() throws Exception {
        when(classification.completeItem(eq(ID), eq(2), any(), anyLong())).thenThrow(new ApiProblemException(
                new ApiProblem("urn:p2p-supervision:problem:conflict", "Conflict", 409, "completed already", null,
                        null, "r-7", List.of(), null, null)));
        when(classification.rectificationOrder(ID)).thenReturn(order(3, false));

        String page = refused(post("/institutions/" + ID + "/rectification-order/completion").param("version", "3")
                .param("item", "2").param("completedOn", "2016-12-01").param("note", "已补充")
                .with(officer("zj-officer", "33")));

        assertThat(page).contains("该操作与记录的当前状态冲突。", "已补充</textarea>");
    }

    private static MockHttpServletRequestBuilder issue(String issuedOn, String deadline, String fundPool,
                                                       String disclosure) {
        return post("/institutions/" + ID + "/rectification-order").param("issuedOn", issuedOn)
                .param("deadline", deadline).param("items[0].findingId", FUND_POOL)
                .param("items[0].requirement", fundPool).param("items[1].findingId", DISCLOSURE)
                .param("items[1].requirement", disclosure);
    }

    private String refused(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String page(OidcLoginRequestPostProcessor user) throws Exception {
        return mvc.perform(get("/institutions/" + ID).with(user)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    static Decisions.Entry decision(String category, String state) {
        boolean approved = "APPROVED".equals(state);
        return new Decisions.Entry(ID, "33", approved ? 2 : 1, new Decisions.Decision(1, approved ? 2 : 1, state,
                category, new Decisions.Proposal("RECTIFICATION"), null, OFFICER, Instant.parse("2016-10-10T01:00:00Z"),
                approved ? new Decisions.Actor("zj-head-finance", "33", "FINANCIAL_OFFICE") : null,
                approved ? Instant.parse("2016-10-11T01:00:00Z") : null, null, null, null),
                Instant.parse("2016-10-11T01:00:00Z"));
    }

    /** An order of 2016-10-12: item 1 (资金池, stock rose in report 1), item 2 (disclosure, no stock); both open. */
    static Rectification.Order order(long version, boolean overdue) {
        return new Rectification.Order("O-" + ID + "-1", 1, LocalDate.of(2016, 10, 12), LocalDate.of(2017, 4, 30),
                version, OFFICER, Instant.parse("2016-10-12T01:00:00Z"), List.of(
                new Rectification.Item(1, FUND_POOL, "FUND_POOL", "设立资金池", "停止新增资金池业务，存量逐月压降至零",
                        new BigDecimal("1250000.00"), new BigDecimal("1300000.00"), LocalDate.of(2016, 11, 30), true,
                        false, null, null, null, null),
                new Rectification.Item(2, DISCLOSURE, "DISCLOSURE_INCOMPLETE", "信息披露不完整", "按要求披露逾期率",
                        null, null, null, false, false, null, null, null, null)),
                List.of(new Rectification.StockReport(1, LocalDate.of(2016, 11, 30),
                        List.of(new Rectification.ReportedStock(1, new BigDecimal("1300000.00"))), OFFICER,
                        Instant.parse("2016-12-01T01:00:00Z"))),
                List.of(new Rectification.Alert("STOCK_ROSE", 1, FUND_POOL, "FUND_POOL", new BigDecimal("1250000.00"),
                        LocalDate.of(2016, 10, 12), new BigDecimal("1300000.00"), LocalDate.of(2016, 11, 30), 1)),
                List.of(new Rectification.NewBusiness("F-99AA00BB11CC", "SELF_FINANCING", "自融",
                        LocalDate.of(2016, 11, 2), new BigDecimal("500000.00"))),
                overdue, 2);
    }
}
