package cn.p2psupervision.classification.rectification;

import java.math.BigDecimal;

/**
 * CLS-08: one figure of a stock report as the officer states it: the item's number and its violating stock in yuan
 * (at least 0, at most two decimals). {@link RectificationOrder#report} checks it.
 */
public record StockFigure(Integer number, BigDecimal amount) {
}
