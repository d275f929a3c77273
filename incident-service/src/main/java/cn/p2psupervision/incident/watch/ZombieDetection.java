package cn.p2psupervision.incident.watch;

import java.math.BigDecimal;
import java.util.ArrayList;
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
        return reasons(OperatingSeries.of(figures));
    }

    static List<ZombieReason> reasons(OperatingSeries series) {
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
    static List<String> zeroRunAtTheEnd(OperatingSeries series, Function<MonthFigures, BigDecimal> figure) {
        int first = series.size();
        for (int i = series.size() - 1; i >= 0; i--) {
            BigDecimal value = figure.apply(series.get(i));
            if (value == null || value.signum() != 0) {
                break;
            }
            first = i;
            if (!series.followsDirectly(i)) {
                break; // the month before was not reported (or this is the first report)
            }
        }
        List<String> run = new ArrayList<>(series.size() - first);
        for (int i = first; i < series.size(); i++) {
            run.add(series.get(i).period());
        }
        return run;
    }
}
