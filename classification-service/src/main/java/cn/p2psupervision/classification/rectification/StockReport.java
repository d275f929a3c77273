package cn.p2psupervision.classification.rectification;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.p2psupervision.platform.security.Actor;

/**
 * CLS-08: a stock report (整改存量报告): the violating stock of some items of an order as of a day. Reports are kept in
 * full, in the order they were made, and never changed.
 *
 * @param number 1 for the order's first report, one more for each after it
 * @param items  the items reported, by item number
 */
public record StockReport(int number, LocalDate asOf, List<ReportedStock> items, Actor reportedBy,
                          Instant reportedAt) {

    public StockReport {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** The stock of one item, in yuan with two decimals. */
    public record ReportedStock(int item, BigDecimal amount) {
    }
}
