package cn.p2psupervision.classification.rectification;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.p2psupervision.classification.catalogue.ProblemCatalogue;
import cn.p2psupervision.classification.finding.Finding;
import cn.p2psupervision.platform.security.Actor;

/**
 * A rectification order as readers see it (CLS-08): the order as stored with what is computed on every read — per item
 * its latest reported stock and whether it ever rose, the new violating business found after the order (from the
 * findings as they are now), whether it is overdue today, and how many items are open.
 */
public record RectificationOrderView(String id, String institutionId, String registeredProvince, int round,
                                     LocalDate issuedOn, LocalDate deadline, long version, Actor issuedBy,
                                     Instant issuedAt, Instant updatedAt, List<ItemView> items,
                                     List<StockReport> stockReports, List<StockAlert> alerts,
                                     List<NewViolatingBusiness> newViolatingBusiness, boolean overdue,
                                     int openItems) {

    static RectificationOrderView of(RectificationOrder order, List<Finding> findings, ProblemCatalogue catalogue,
                                     LocalDate today) {
        List<ItemView> items = order.items().stream().map(item -> ItemView.of(order, item)).toList();
        List<NewViolatingBusiness> newBusiness = order.newViolatingBusiness(findings, catalogue).stream()
                .map(f -> NewViolatingBusiness.of(f, catalogue)).toList();
        return new RectificationOrderView(order.id(), order.institutionId(), order.registeredProvince(),
                order.round(), order.issuedOn(), order.deadline(), order.version(), order.issuedBy(),
                order.issuedAt(), order.updatedAt(), items, order.stockReports(), order.alerts(), newBusiness,
                order.overdue(today), order.openItems());
    }

    /**
     * An item with its stock: {@code latestStock} as of {@code latestStockAsOf} is its latest report's figure (null
     * before its first report, and for an item that is not violating business); {@code stockRose} whether a report
     * ever showed it above the figure before.
     */
    public record ItemView(int number, String findingId, String problemCode, String problemName, String requirement,
                           BigDecimal baselineStock, BigDecimal latestStock, LocalDate latestStockAsOf,
                           boolean stockRose, boolean completed, LocalDate completedOn, String completionNote,
                           Actor completedBy, Instant completedAt) {

        static ItemView of(RectificationOrder order, RectificationItem item) {
            RectificationOrder.Stock latest = order.latestReported(item.number()).orElse(null);
            return new ItemView(item.number(), item.findingId(), item.problemCode(), item.problemName(),
                    item.requirement(), item.baselineStock(), latest == null ? null : latest.amount(),
                    latest == null ? null : latest.asOf(), order.stockRose(item.number()), item.completed(),
                    item.completedOn(), item.completionNote(), item.completedBy(), item.completedAt());
        }
    }

    /** A finding of violating business made after the order and not one of its items (CLS-08, flagged at once). */
    public record NewViolatingBusiness(String findingId, String problemCode, String problemName, LocalDate foundOn,
                                       BigDecimal outstandingAmount) {

        static NewViolatingBusiness of(Finding finding, ProblemCatalogue catalogue) {
            return new NewViolatingBusiness(finding.id(), finding.problemCode(),
                    catalogue.get(finding.problemCode()).name(), finding.foundOn(), finding.outstandingAmount());
        }
    }

    /** An order in a list: its figures without its reports. */
    public record Summary(String id, String institutionId, String registeredProvince, int round, LocalDate issuedOn,
                          LocalDate deadline, long version, int items, int openItems, boolean overdue,
                          int alertCount, int newViolatingBusinessCount, Instant issuedAt, Instant updatedAt) {

        static Summary of(RectificationOrder order, List<Finding> findings, ProblemCatalogue catalogue,
                          LocalDate today) {
            return new Summary(order.id(), order.institutionId(), order.registeredProvince(), order.round(),
                    order.issuedOn(), order.deadline(), order.version(), order.items().size(), order.openItems(),
                    order.overdue(today), order.alerts().size(),
                    order.newViolatingBusiness(findings, catalogue).size(), order.issuedAt(), order.updatedAt());
        }
    }
}
