package cn.p2psupervision.incident.watch;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.p2psupervision.platform.audit.ChangedBy;
import cn.p2psupervision.platform.input.InputPolicy;
import cn.p2psupervision.platform.problem.InvalidInputException;

/**
 * INC-11: one version of the thresholds of off-site monitoring (非现场监测), central data (AUTH-03). A version never
 * changes: a change is the next version, naming who made it, when and why.
 *
 * @param version   1, 2, …; version 1 holds the {@link #DEFAULTS} unless the central office set others
 * @param changedBy who made this version; null for the defaults
 * @param changedAt when (the domain clock)
 * @param reason    why (at most {@value #MAX_REASON} characters)
 */
public record MonitoringThresholdVersion(long version, MonitoringThresholds thresholds, ChangedBy changedBy,
                                         Instant changedAt, String reason) {

    public static final int MAX_REASON = 2000;

    /**
     * The thresholds until the central office sets others: overdue rate above 10.00 %, loan balance down more than
     * 30.00 % in a month, lenders down more than 30.00 % in a month.
     */
    public static final MonitoringThresholds DEFAULTS = new MonitoringThresholds(new BigDecimal("10.00"),
            new BigDecimal("30.00"), new BigDecimal("30.00"));

    static final String DEFAULT_REASON = "Default thresholds of off-site monitoring (INC-11)";

    /** Version 1 as the defaults, made at {@code at}. */
    static MonitoringThresholdVersion defaults(Instant at) {
        return new MonitoringThresholdVersion(1, DEFAULTS, null, at, DEFAULT_REASON);
    }

    /** The next version: new thresholds with who changed them, when and why (a reason is required, AUTH-07). */
    MonitoringThresholdVersion next(MonitoringThresholds changed, ChangedBy by, Instant at, String why) {
        if (why == null || why.isBlank()) {
            throw new InvalidInputException("reason", "is required: say why the thresholds change", "AUTH-07");
        }
        return new MonitoringThresholdVersion(version + 1, changed, by, at,
                InputPolicy.text("reason", why.strip(), MAX_REASON));
    }

    /** The values of this version as the audit trail records them. */
    Map<String, Object> auditValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("version", version);
        values.put("overdueRateMax", thresholds.overdueRateMax().toPlainString());
        values.put("balanceFallMaxPercent", thresholds.balanceFallMaxPercent().toPlainString());
        values.put("lendersFallMaxPercent", thresholds.lendersFallMaxPercent().toPlainString());
        return values;
    }
}
