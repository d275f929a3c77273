package cn.p2psupervision.classification.screening;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.p2psupervision.platform.audit.ChangedBy;
import cn.p2psupervision.platform.input.InputPolicy;
import cn.p2psupervision.platform.problem.InvalidInputException;

/**
 * CLS-04: one version of the thresholds of the key screening (重点排查), central-level data (AUTH-03). A version never
 * changes: a change of the thresholds is the next version, naming who made it, when and why.
 *
 * @param version    1, 2, …; version 1 is the default of the campaign plan unless the central office set another
 * @param changedBy  who made this version; null for the default
 * @param changedAt  when this version was made (the domain clock)
 * @param reason     why (at most {@value #MAX_REASON} characters)
 */
public record ThresholdVersion(long version, ScreeningThresholds thresholds, ChangedBy changedBy, Instant changedAt,
                               String reason) {

    public static final int MAX_REASON = 2000;

    /** The default thresholds: 3 months, loan balance +50 %, lenders +50 %, composite yield above 10.00 %. */
    public static final ScreeningThresholds DEFAULTS = new ScreeningThresholds(3, new BigDecimal("0.50"),
            new BigDecimal("0.50"), new BigDecimal("10.00"));

    static final String DEFAULT_REASON = "Default thresholds of the key screening (CLS-04)";

    /** Version 1 as the default, made at {@code at}. */
    public static ThresholdVersion defaults(Instant at) {
        return new ThresholdVersion(1, DEFAULTS, null, at, DEFAULT_REASON);
    }

    /**
     * The next version: new thresholds (checked by {@link ScreeningThresholds}) with who changed them, when and why.
     * A reason is required (AUTH-07).
     */
    public ThresholdVersion next(ScreeningThresholds changed, ChangedBy by, Instant at, String why) {
        if (changed == null) {
            throw new IllegalArgumentException("thresholds are required");
        }
        return new ThresholdVersion(version + 1, changed, by, at, requiredReason(why));
    }

    /** The values of this version as the audit trail records them (plain values, decimals as written). */
    Map<String, Object> auditValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("version", version);
        values.put("expansionWindowMonths", thresholds.expansionWindowMonths());
        values.put("balanceGrowthRatio", thresholds.balanceGrowthRatio().toPlainString());
        values.put("lenderGrowthRatio", thresholds.lenderGrowthRatio().toPlainString());
        values.put("compositeYieldPercent", thresholds.compositeYieldPercent().toPlainString());
        return values;
    }

    private static String requiredReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "is required: say why the thresholds change", "AUTH-07");
        }
        return InputPolicy.text("reason", reason, MAX_REASON);
    }
}
