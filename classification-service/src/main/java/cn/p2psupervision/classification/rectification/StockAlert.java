package cn.p2psupervision.classification.rectification;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * CLS-08: a rise of an item's violating stock after the order, recorded with the report that showed it, in the same
 * write: from which figure (the previous report's, or the baseline for the item's first report) to which.
 *
 * @param fromReport the report of the figure before; null when it is the item's baseline (as of the order's day)
 * @param report     the report that showed the rise
 * @param detail     the rise in words, for lists and notices
 */
public record StockAlert(Kind kind, int item, String findingId, String problemCode, BigDecimal from,
                         LocalDate fromAsOf, Integer fromReport, BigDecimal to, LocalDate toAsOf, int report,
                         Instant raisedAt, String detail) {

    public enum Kind {
        /** 违规存量上升: the violating stock rose instead of falling. */
        STOCK_ROSE
    }
}
