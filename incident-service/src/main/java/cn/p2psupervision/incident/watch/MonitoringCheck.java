package cn.p2psupervision.incident.watch;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.p2psupervision.platform.registryfeed.MonthFigures;

/**
 * INC-11, off-site monitoring (非现场监测) of the remaining institutions from their operating figures (REG-03): the
 * latest reported month against the thresholds the central office sets ({@link MonitoringThresholds}).
 * <ul>
 *   <li>{@link AlertMetric#OVERDUE_RATE}: the month's overdue rate (percent) is above the maximum; not checked when
 *       the month does not state it;</li>
 *   <li>{@link AlertMetric#BALANCE_FALL}, {@link AlertMetric#LENDERS_FALL}: the fall from the month before, in percent
 *       of the month before ({@code (before − latest) × 100 / before}), is above the maximum; checked only when the
 *       calendar month before the latest was reported with a figure above zero.</li>
 * </ul>
 * A value is shown with two decimals rounded <em>up</em> (a fall of 30.0001 % is 30.01 %), so that it shows above the
 * threshold exactly when it breaks it (the thresholds have two decimals). Which institutions are watched is
 * {@link #MONITORED}: the remaining ones.
 */
public final class MonitoringCheck {

    /** Registry statuses of the remaining institutions that are watched (正常经营, 已备案). */
    public static final Set<String> MONITORED = Set.of("OPERATING", "FILED");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private MonitoringCheck() {
    }

    /** The thresholds the latest month of {@code figures} (in any order) breaks; empty for none. */
    public static List<Breach> breaches(List<MonthFigures> figures, MonitoringThresholds thresholds) {
        return breaches(OperatingSeries.of(figures), thresholds);
    }

    static List<Breach> breaches(OperatingSeries series, MonitoringThresholds thresholds) {
        if (series.isEmpty()) {
            return List.of();
        }
        int last = series.size() - 1;
        MonthFigures latest = series.get(last);
        MonthFigures before = series.followsDirectly(last) ? series.get(last - 1) : null;
        List<Breach> breaches = new ArrayList<>(3);
        BigDecimal overdueRate = latest.overdueRate() == null ? null
                : latest.overdueRate().setScale(2, RoundingMode.CEILING);
        if (overdueRate != null && overdueRate.compareTo(thresholds.overdueRateMax()) > 0) {
            breaches.add(new Breach(AlertMetric.OVERDUE_RATE, thresholds.overdueRateMax(), overdueRate, before,
                    latest));
        }
        if (before != null) {
            BigDecimal balanceFall = fall(before.loanBalance(), latest.loanBalance());
            if (balanceFall != null && balanceFall.compareTo(thresholds.balanceFallMaxPercent()) > 0) {
                breaches.add(new Breach(AlertMetric.BALANCE_FALL, thresholds.balanceFallMaxPercent(), balanceFall,
                        before, latest));
            }
            BigDecimal lendersFall = fall(BigDecimal.valueOf(before.lenders()), BigDecimal.valueOf(latest.lenders()));
            if (lendersFall != null && lendersFall.compareTo(thresholds.lendersFallMaxPercent()) > 0) {
                breaches.add(new Breach(AlertMetric.LENDERS_FALL, thresholds.lendersFallMaxPercent(), lendersFall,
                        before, latest));
            }
        }
        return breaches;
    }

    /**
     * The fall from {@code before} to {@code latest} in percent of {@code before}, two decimals rounded up (a rise is
     * negative); null when it cannot be said.
     */
    static BigDecimal fall(BigDecimal before, BigDecimal latest) {
        if (before == null || latest == null || before.signum() <= 0) {
            return null;
        }
        return before.subtract(latest).multiply(HUNDRED).divide(before, 2, RoundingMode.CEILING);
    }

    /**
     * A threshold the latest month breaks, with the figures behind it.
     *
     * @param threshold the threshold in force (percent)
     * @param value     the month's value (percent, two decimals)
     * @param before    the month before, or null (not reported, or not needed by an overdue-rate breach)
     * @param latest    the latest reported month
     */
    public record Breach(AlertMetric metric, BigDecimal threshold, BigDecimal value, MonthFigures before,
                         MonthFigures latest) {
    }
}
