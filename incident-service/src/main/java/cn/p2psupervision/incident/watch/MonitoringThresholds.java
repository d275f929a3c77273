package cn.p2psupervision.incident.watch;

import java.math.BigDecimal;

import cn.p2psupervision.platform.problem.InvalidInputException;

/**
 * INC-11: the thresholds of off-site monitoring (非现场监测) on the operating figures (REG-03) of the remaining
 * institutions, central data (AUTH-03). A month breaks one when:
 * <ul>
 *   <li>its overdue rate (逾期率) is above {@code overdueRateMax} percent — the registry keeps the overdue rate in
 *       percent (0 to 100, two decimals: 1.50 is 1.5 %), and so is this threshold;</li>
 *   <li>its loan balance fell by more than {@code balanceFallMaxPercent} percent from the month before;</li>
 *   <li>its lenders fell by more than {@code lendersFallMaxPercent} percent from the month before.</li>
 * </ul>
 * Each value is more than 0 and at most 100, with at most two decimals, kept with two.
 *
 * @param overdueRateMax        e.g. 10.00 (%)
 * @param balanceFallMaxPercent e.g. 30.00 (% of the previous month's balance)
 * @param lendersFallMaxPercent e.g. 30.00 (% of the previous month's lenders)
 */
public record MonitoringThresholds(BigDecimal overdueRateMax, BigDecimal balanceFallMaxPercent,
                                   BigDecimal lendersFallMaxPercent) {

    static final String RULE = "INC-11";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public MonitoringThresholds {
        overdueRateMax = percent(overdueRateMax, "overdueRateMax");
        balanceFallMaxPercent = percent(balanceFallMaxPercent, "balanceFallMaxPercent");
        lendersFallMaxPercent = percent(lendersFallMaxPercent, "lendersFallMaxPercent");
    }

    private static BigDecimal percent(BigDecimal value, String member) {
        if (value == null) {
            throw new InvalidInputException(member, "is required: a percentage above 0 and at most 100", RULE);
        }
        if (value.signum() <= 0 || value.compareTo(HUNDRED) > 0 || value.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException(member, "must be a percentage above 0 and at most 100, with at most two"
                    + " decimals, e.g. 30.00", RULE);
        }
        return value.setScale(2);
    }
}
