package cn.p2psupervision.portal.classification;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A rectification order (整改通知书, CLS-08) as the classification API reads it
 * ({@code GET /institutions/{id}/rectification-order}): its items with their stock and state, the stock reports, the
 * rises of stock and the violating business found after the order.
 */
public final class Rectification {

    private Rectification() {
    }

    /**
     * The order of the current decision round.
     *
     * @param overdue   past its deadline with an item still open
     * @param openItems how many items are not completed yet
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Order(String id, int round, LocalDate issuedOn, LocalDate deadline, long version,
                        Decisions.Actor issuedBy, Instant issuedAt, List<Item> items, List<StockReport> stockReports,
                        List<Alert> alerts, List<NewBusiness> newViolatingBusiness, boolean overdue, int openItems) {

        public Order {
            items = items == null ? List.of() : List.copyOf(items);
            stockReports = stockReports == null ? List.of() : List.copyOf(stockReports);
            alerts = alerts == null ? List.of() : List.copyOf(alerts);
            newViolatingBusiness = newViolatingBusiness == null ? List.of() : List.copyOf(newViolatingBusiness);
        }

        /** The open items of violating business: those whose stock is reported. */
        public List<Item> itemsToReport() {
            return items.stream().filter(item -> item.hasStock() && !item.completed()).toList();
        }

        public List<Item> openItemList() {
            return items.stream().filter(item -> !item.completed()).toList();
        }
    }

    /**
     * An item (整改事项): the finding to rectify, the requirement, for violating business the stock the order started
     * from ({@code baselineStock}) and the latest reported one; completed once an officer records it.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(int number, String findingId, String problemCode, String problemName, String requirement,
                       BigDecimal baselineStock, BigDecimal latestStock, LocalDate latestStockAsOf, boolean stockRose,
                       boolean completed, LocalDate completedOn, String completionNote, Decisions.Actor completedBy,
                       Instant completedAt) {

        /** Violating business: its stock is reported, and it completes at zero. */
        public boolean hasStock() {
            return baselineStock != null;
        }
    }

    /** A stock report (整改存量报告): the stock of some items as of a day. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StockReport(int number, LocalDate asOf, List<ReportedStock> items, Decisions.Actor reportedBy,
                              Instant reportedAt) {

        public StockReport {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReportedStock(int item, BigDecimal amount) {
    }

    /** A rise of an item's stock (STOCK_ROSE): from the figure before to the one a report showed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Alert(String kind, int item, String findingId, String problemCode, BigDecimal from,
                        LocalDate fromAsOf, BigDecimal to, LocalDate toAsOf, int report) {
    }

    /** A finding of violating business made after the order and not one of its items. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NewBusiness(String findingId, String problemCode, String problemName, LocalDate foundOn,
                              BigDecimal outstandingAmount) {
    }
}
