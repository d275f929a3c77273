package cn.p2psupervision.classification.rectification;

import static cn.p2psupervision.classification.Fixtures.CATALOGUE;
import static cn.p2psupervision.classification.Fixtures.INSTITUTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.p2psupervision.classification.decision.Decision;
import cn.p2psupervision.classification.decision.DecisionState;
import cn.p2psupervision.classification.finding.Evidence;
import cn.p2psupervision.classification.finding.Finding;
import cn.p2psupervision.classification.finding.FindingDetails;
import cn.p2psupervision.classification.finding.FindingSource;
import cn.p2psupervision.classification.proposal.Category;
import cn.p2psupervision.classification.proposal.Proposal;
import cn.p2psupervision.platform.problem.InvalidInputException;
import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.problem.ProblemType;
import cn.p2psupervision.platform.problem.RuleViolationException;
import cn.p2psupervision.platform.security.Actor;

/** CLS-08 in plain Java: the order, its stock reports, its alerts, completion and overdue. */
class RectificationOrderTest {

    private static final Actor OFFICER = new Actor("id-zj", "zj-officer", "33", "FINANCIAL_OFFICE");
    /** 2017-01-10 09:00 in China. */
    private static final Instant ISSUED = Instant.parse("2017-01-10T01:00:00Z");
    private static final LocalDate ISSUED_ON = LocalDate.of(2017, 1, 10);
    private static final LocalDate DEADLINE = LocalDate.of(2017, 3, 31);

    private final Finding fundPool = finding("F-1", "FUND_POOL", "2017-01-05", "1250000.00");
    private final Finding disclosure = finding("F-2", "DISCLOSURE_INCOMPLETE", "2017-01-05", null);

    @Test
    void cls08_theOrderCopiesProblemAndBaselineStockFromTheFindings() {
        RectificationOrder order = issue();

        assertThat(order.id()).isEqualTo("O-" + INSTITUTION + "-1");
        assertThat(order.version()).isEqualTo(1);
        assertThat(order.items()).extracting(RectificationItem::number).containsExactly(1, 2);
        assertThat(order.items().get(0).problemName()).isEqualTo("设立资金池");
        assertThat(order.items().get(0).baselineStock()).isEqualTo(new BigDecimal("1250000.00"));
        assertThat(order.items().get(1).baselineStock()).isNull();
        assertThat(order.items().get(1).requirement()).isEqualTo("完善信息披露");
        assertThat(order.openItems()).isEqualTo(2);
    }

    @Test
    void cls08_onlyAnApprovedRectificationDecisionGetsAnOrder() {
        for (Decision refused : List.of(decision(Category.COMPLIANT, DecisionState.APPROVED),
                decision(Category.BANNING, DecisionState.APPROVED),
                decision(Category.RECTIFICATION, DecisionState.RECORDED),
                decision(Category.RECTIFICATION, DecisionState.REOPENED))) {
            assertThatThrownBy(() -> issue(refused, ISSUED_ON, DEADLINE, items()))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule())
                            .isEqualTo("CLS-08"));
        }
        assertThatThrownBy(() -> issue(null, ISSUED_ON, DEADLINE, items()))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("no classification decision");
    }

    @Test
    void cls08_theDeadlineLiesAfterTheOrderWhichIsNotAfterToday() {
        Decision approved = decision(Category.RECTIFICATION, DecisionState.APPROVED);

        assertThatThrownBy(() -> issue(approved, ISSUED_ON, ISSUED_ON, items()))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("deadline");
        assertThatThrownBy(() -> issue(approved, ISSUED_ON.plusDays(1), DEADLINE, items()))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("after today");
        assertThatThrownBy(() -> issue(approved, LocalDate.of(2017, 1, 7), DEADLINE, items()))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("approved on 2017-01-08");
    }

    @Test
    void cls08_aRiseAboveTheBaselineOrThePreviousReportIsAnAlert() {
        RectificationOrder order = issue();

        RectificationOrder first = order.report(LocalDate.of(2017, 1, 31), List.of(figure(1, "1300000")), OFFICER,
                at("2017-02-01"));
        assertThat(first.version()).isEqualTo(2);
        assertThat(first.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(StockAlert.Kind.STOCK_ROSE);
            assertThat(alert.from()).isEqualTo(new BigDecimal("1250000.00"));
            assertThat(alert.fromAsOf()).isEqualTo(ISSUED_ON);
            assertThat(alert.fromReport()).isNull();
            assertThat(alert.to()).isEqualTo(new BigDecimal("1300000.00"));
            assertThat(alert.report()).isEqualTo(1);
        });

        RectificationOrder falling = first.report(LocalDate.of(2017, 2, 28), List.of(figure(1, "900000.5")),
                OFFICER, at("2017-03-01"));
        assertThat(falling.alerts()).hasSize(1);
        RectificationOrder same = falling.report(LocalDate.of(2017, 3, 15), List.of(figure(1, "900000.50")),
                OFFICER, at("2017-03-16"));
        assertThat(same.alerts()).hasSize(1);
        RectificationOrder rising = same.report(LocalDate.of(2017, 3, 20), List.of(figure(1, "900000.51")),
                OFFICER, at("2017-03-21"));

        assertThat(rising.alerts()).hasSize(2);
        assertThat(rising.alerts().get(1).from()).isEqualTo(new BigDecimal("900000.50"));
        assertThat(rising.alerts().get(1).fromReport()).isEqualTo(3);
        assertThat(rising.latestReported(1).orElseThrow().amount()).isEqualTo(new BigDecimal("900000.51"));
        assertThat(rising.stockReports()).extracting(StockReport::number).containsExactly(1, 2, 3, 4);
        assertThat(rising.stockRose(1)).isTrue();
        assertThat(order.alerts()).isEmpty();
    }

    @Test
    void cls08_reportsFollowEachOtherAndNameOnlyItemsWithStock() {
        RectificationOrder order = issue().report(LocalDate.of(2017, 1, 31), List.of(figure(1, "1000")), OFFICER,
                at("2017-02-10"));
        Instant now = at("2017-02-10");

        assertThatThrownBy(() -> order.report(LocalDate.of(2017, 1, 31), List.of(figure(1, "1")), OFFICER, now))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("after the previous");
        assertThatThrownBy(() -> order.report(LocalDate.of(2017, 2, 11), List.of(figure(1, "1")), OFFICER, now))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("after today");
        assertThatThrownBy(() -> issue().report(LocalDate.of(2017, 1, 9), List.of(figure(1, "1")), OFFICER, now))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("before the order");
        assertThatThrownBy(() -> order.report(LocalDate.of(2017, 2, 5), List.of(figure(2, "1")), OFFICER, now))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("not violating business");
        assertThatThrownBy(() -> order.report(LocalDate.of(2017, 2, 5), List.of(figure(3, "1")), OFFICER, now))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("no item 3");
        assertThatThrownBy(() -> order.report(LocalDate.of(2017, 2, 5), List.of(figure(1, "1"), figure(1, "2")),
                OFFICER, now)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.member()).isEqualTo("items[1].number"));
        for (String amount : List.of("-0.01", "1.005", "1234567890123456")) {
            assertThatThrownBy(() -> order.report(LocalDate.of(2017, 2, 5), List.of(figure(1, amount)), OFFICER,
                    now)).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.member()).isEqualTo("items[0].amount"));
        }
    }

    @Test
    void cls08_anItemWithStockCompletesOnlyWhenItsReportedStockIsZeroAndOnce() {
        RectificationOrder order = issue();
        Instant now = at("2017-02-10");

        assertThatThrownBy(() -> order.complete(1, LocalDate.of(2017, 2, 1), "清退完毕", OFFICER, now))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("no stock has been reported");
        RectificationOrder cleared = order.report(LocalDate.of(2017, 2, 5), List.of(figure(1, "0")), OFFICER, now);
        assertThatThrownBy(() -> cleared.complete(1, LocalDate.of(2017, 2, 4), "清退完毕", OFFICER, now))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("before the report");

        RectificationOrder done = cleared.complete(1, LocalDate.of(2017, 2, 6), "资金池已清退", OFFICER, now)
                .complete(2, LocalDate.of(2017, 2, 6), "披露已补正", OFFICER, now);

        assertThat(done.openItems()).isZero();
        assertThat(done.version()).isEqualTo(4);
        assertThat(done.items().get(0).completionNote()).isEqualTo("资金池已清退");
        assertThatThrownBy(() -> done.complete(2, LocalDate.of(2017, 2, 7), "again", OFFICER, now))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problemType()).isEqualTo(ProblemType.CONFLICT));
    }

    @Test
    void cls08_anOrderPastItsDeadlineWithAnOpenItemIsOverdue() {
        RectificationOrder order = issue();

        assertThat(order.overdue(DEADLINE)).isFalse();
        assertThat(order.overdue(DEADLINE.plusDays(1))).isTrue();
    }

    @Test
    void cls08_newViolatingBusinessIsAnActiveViolatingFindingAfterTheOrderThatIsNoItem() {
        RectificationOrder order = issue();
        Finding cashLoan = finding("F-3", "CASH_LOAN", "2017-01-11", "300000");
        Finding onTheDay = finding("F-4", "SELF_FINANCING", "2017-01-10", "1");
        Finding notViolating = finding("F-5", "DISCLOSURE_NOT_TIMELY", "2017-01-12", null);
        Finding withdrawn = finding("F-6", "CAMPUS_LENDING", "2017-01-12", "5")
                .withdraw("误报", "zj-officer", "33", at("2017-01-20"));

        assertThat(order.newViolatingBusiness(List.of(fundPool, disclosure, cashLoan, onTheDay, notViolating,
                withdrawn), CATALOGUE)).containsExactly(cashLoan);
    }

    private RectificationOrder issue() {
        return issue(decision(Category.RECTIFICATION, DecisionState.APPROVED), ISSUED_ON, DEADLINE, items());
    }

    private RectificationOrder issue(Decision decision, LocalDate on, LocalDate deadline, List<OrderedItem> items) {
        return RectificationOrder.issue(INSTITUTION, "33", decision, on, deadline, items,
                List.of(fundPool, disclosure), CATALOGUE, OFFICER, ISSUED);
    }

    private static List<OrderedItem> items() {
        return List.of(new OrderedItem("F-1", "清退资金池存量"), new OrderedItem("F-2", " 完善信息披露 "));
    }

    private static StockFigure figure(int number, String amount) {
        return new StockFigure(number, new BigDecimal(amount));
    }

    private static Instant at(String day) {
        return LocalDate.parse(day).atTime(9, 0).atZone(Finding.CHINA).toInstant();
    }

    private static Finding finding(String id, String code, String foundOn, String amount) {
        return Finding.record(id, INSTITUTION, new FindingDetails(code, new Evidence("现场检查：" + code, List.of()),
                        FindingSource.ON_SITE_INSPECTION, LocalDate.parse(foundOn),
                        amount == null ? null : new BigDecimal(amount)), CATALOGUE, "zj-officer", "33",
                at("2017-01-20"));
    }

    static Decision decision(Category category, DecisionState state) {
        Proposal proposal = new Proposal(INSTITUTION, category, List.of(), List.of(), List.of(), null);
        Instant recorded = Instant.parse("2017-01-07T02:00:00Z");
        Instant approved = Instant.parse("2017-01-08T02:00:00Z");
        Actor head = new Actor("id-head", "zj-head-finance", "33", "FINANCIAL_OFFICE");
        return switch (state) {
            case RECORDED -> new Decision(INSTITUTION, 1, 1, state, category, proposal, null, OFFICER, recorded, null,
                    null, null, null, null);
            case APPROVED -> new Decision(INSTITUTION, 1, 2, state, category, proposal, null, OFFICER, recorded, head,
                    approved, null, null, null);
            case REOPENED -> new Decision(INSTITUTION, 1, 3, state, category, proposal, null, OFFICER, recorded, head,
                    approved, "重新审查", new Actor("id-central", "central", null, null), approved);
        };
    }
}
