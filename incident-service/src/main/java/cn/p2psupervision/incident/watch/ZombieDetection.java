package cn.p2psupervision.incident.watch;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import cn.p2psupervision.platform.registryfeed.MonthFigures;

/**
 * INC-10, zombie institutions (僵尸类) from their operating figures (REG-03): an institution whose outstanding balance
 * <b>or</b> new lending has stood at zero for more than three months is listed for shutdown [E 五(二) 2(5)].
 *
 * <p>Read as: over the institution's series, the run of consecutive calendar months that ends at its <em>latest
 * reported</em> month and in which the figure is zero; a run of {@value #MIN_ZERO_MONTHS} months or more (more than
 * three) makes it a zombie, under {@link ZombieRule#BALANCE_ZERO} or {@link ZombieRule#NEW_LENDING_ZERO} (both when
 * both hold), with those months. A month missing from the reports breaks the run (zero is not presumed for a month
 * not reported), and so does a figure not reported (null). A run that ended before the latest month (business
 * resumed) does not count.
 *
 * <p>Institutions already out of the campaign ({@link #OUT_OF_CAMPAIGN}: banned, exited, transformed) are never
 * listed, whatever their figures.
 */
public final class ZombieDetection {

    /** Months at zero that make a zombie: more than three. */
    public static final int MIN_ZERO_MONTHS = 4;

    /** Registry statuses of institutions already out (取缔, 退出, 转型): not listed (INC-10). */
    public static final Set<String> OUT_OF_CAMPAIGN = Set.of("BANNED", "EXITED", "TRANSFORMED");

    private ZombieDetection() {
    }

    /** The figures rules that hold for {@code figures} (in any order), each with its months; empty for none. */
    public static List<ZombieReason> reasons(List<MonthFigures> figures) {
        List<MonthFigures> series = OperatingSeries.ordered(figures);
        List<ZombieReason> reasons = new ArrayList<>(2);
        List<String> balance = zeroRunAtTheEnd(series, MonthFigures::loanBalance);
        if (balance.size() >= MIN_ZERO_MONTHS) {
            reasons.add(ZombieReason.ofMonths(ZombieRule.BALANCE_ZERO, balance));
        }
        List<String> lending = zeroRunAtTheEnd(series, MonthFigures::newLending);
        if (lending.size() >= MIN_ZERO_MONTHS) {
            reasons.add(ZombieReason.ofMonths(ZombieRule.NEW_LENDING_ZERO, lending));
        }
        return reasons;
    }

    /** Whether an institution in registry status {@code status} may be listed at all. */
    public static boolean listable(String status) {
        return !OUT_OF_CAMPAIGN.contains(status);
    }

    /**
     * The months, the oldest first, of the run of consecutive calendar months ending at the latest of {@code series}
     * (ordered) in which {@code figure} is zero.
     */
    static List<String> zeroRunAtTheEnd(List<MonthFigures> series, Function<MonthFigures, BigDecimal> figure) {
        LinkedList<String> run = new LinkedList<>();
        YearMonth expected = null;
        for (int i = series.size() - 1; i >= 0; i--) {
            MonthFigures month = series.get(i);
            YearMonth period = OperatingSeries.monthOf(month);
            if (expected != null && !expected.equals(period)) {
                break; // a month not reported
            }
            BigDecimal value = figure.apply(month);
            if (value == null || value.signum() != 0) {
                break;
            }
            run.addFirst(month.period());
            expected = period.minusMonths(1);
        }
        return List.copyOf(run);
    }
}
