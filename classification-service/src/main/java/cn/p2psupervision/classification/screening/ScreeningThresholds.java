package cn.p2psupervision.classification.screening;

import java.math.BigDecimal;

import cn.p2psupervision.platform.problem.InvalidInputException;

/**
 * CLS-04: the thresholds of the key screening (重点排查), central data. Business grows "too fast" (业务扩张过快) when,
 * over {@code expansionWindowMonths} months (with 3: from January's figures to April's, every month between reported),
 * the loan balance grows by more than {@code balanceGrowthRatio} (0.50 = +50 %) or the number of lenders by more than
 * {@code lenderGrowthRatio}; a product
 * promises "high returns" when its composite annual yield (综合收益率) exceeds {@code compositeYieldPercent} percent.
 *
 * @param expansionWindowMonths 1 to {@value #MAX_WINDOW} months, e.g. 3
 * @param balanceGrowthRatio    more than 0, at most four decimals, e.g. 0.50
 * @param lenderGrowthRatio     more than 0, at most four decimals, e.g. 0.50
 * @param compositeYieldPercent more than 0 and at most 100, at most two decimals, e.g. 10.00
 */
public record ScreeningThresholds(int expansionWindowMonths, BigDecimal balanceGrowthRatio,
                                  BigDecimal lenderGrowthRatio, BigDecimal compositeYieldPercent) {

    public static final int MAX_WINDOW = 36;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public ScreeningThresholds {
        if (expansionWindowMonths < 1 || expansionWindowMonths > MAX_WINDOW) {
            throw new InvalidInputException("expansionWindowMonths", "must be 1 to " + MAX_WINDOW + " months",
                    "CLS-04");
        }
        balanceGrowthRatio = positive(balanceGrowthRatio, 4, "balanceGrowthRatio");
        lenderGrowthRatio = positive(lenderGrowthRatio, 4, "lenderGrowthRatio");
        compositeYieldPercent = positive(compositeYieldPercent, 2, "compositeYieldPercent");
        if (compositeYieldPercent.compareTo(HUNDRED) > 0) {
            throw new InvalidInputException("compositeYieldPercent", "must be at most 100 percent", "CLS-04");
        }
    }

    private static BigDecimal positive(BigDecimal value, int decimals, String member) {
        if (value == null || value.signum() <= 0 || value.stripTrailingZeros().scale() > decimals) {
            throw new InvalidInputException(member, "must be more than 0 with at most " + decimals + " decimals",
                    "CLS-04");
        }
        return value.setScale(decimals);
    }
}
