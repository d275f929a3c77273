package cn.p2psupervision.registry.institution;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money in yuan and rates in percent carry exactly two decimals. */
public final class Money {

    private Money() {
    }

    /**
     * {@code 1250000} and {@code 1250000.0} both become {@code 1250000.00}. A value with more than two decimals is
     * left as it is, for validation ({@code @Digits(fraction = 2)}) to refuse with a clear message.
     */
    public static BigDecimal normalise(BigDecimal value) {
        return value == null || value.scale() > 2 ? value : value.setScale(2, RoundingMode.UNNECESSARY);
    }
}
