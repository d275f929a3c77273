package cn.p2psupervision.classification.rectification;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import cn.p2psupervision.platform.security.Actor;

/**
 * CLS-08: one item of a rectification order (整改事项): the finding to rectify, its problem as the catalogue names it,
 * what the institution must do (整改要求) and, for violating business, the stock (存量) the order starts from — the
 * finding's outstanding amount when the order was issued. An item is open until an officer of the registration
 * province records its completion.
 *
 * @param number        1..n, in the order's list
 * @param baselineStock the finding's outstanding amount in yuan when the order was issued; null for a problem that is
 *                      not violating business (it has no stock to report)
 * @param completedOn   the day the item was rectified; null while it is open
 */
public record RectificationItem(int number, String findingId, String problemCode, String problemName,
                                String requirement, BigDecimal baselineStock, LocalDate completedOn,
                                String completionNote, Actor completedBy, Instant completedAt) {

    /** Whether the item's problem is violating business, whose stock is reported (CLS-08). */
    public boolean hasStock() {
        return baselineStock != null;
    }

    public boolean completed() {
        return completedOn != null;
    }

    RectificationItem complete(LocalDate on, String note, Actor by, Instant at) {
        return new RectificationItem(number, findingId, problemCode, problemName, requirement, baselineStock, on,
                note, by, at);
    }
}
