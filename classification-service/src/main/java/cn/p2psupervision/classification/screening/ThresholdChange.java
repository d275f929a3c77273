package cn.p2psupervision.classification.screening;

import java.math.BigDecimal;

import cn.p2psupervision.platform.problem.InvalidInputException;

/**
 * A requested change of the screening thresholds (CLS-04): the four values and why. Read as the body of
 * {@code PUT /screening-thresholds}; checked only once the caller may change the thresholds.
 */
public record ThresholdChange(Integer expansionWindowMonths, BigDecimal balanceGrowthRatio,
                              BigDecimal lenderGrowthRatio, BigDecimal compositeYieldPercent, String reason) {

    /** The thresholds asked for; each value is required and checked by {@link ScreeningThresholds}. */
    ScreeningThresholds thresholds() {
        return new ScreeningThresholds(required(expansionWindowMonths, "expansionWindowMonths"),
                required(balanceGrowthRatio, "balanceGrowthRatio"), required(lenderGrowthRatio, "lenderGrowthRatio"),
                required(compositeYieldPercent, "compositeYieldPercent"));
    }

    private static <T> T required(T value, String member) {
        if (value == null) {
            throw new InvalidInputException(member, "is required", "CLS-04");
        }
        return value;
    }
}
