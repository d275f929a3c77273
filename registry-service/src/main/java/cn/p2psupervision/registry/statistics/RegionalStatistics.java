package cn.p2psupervision.registry.statistics;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

import cn.p2psupervision.registry.institution.InstitutionStatus;
import cn.p2psupervision.registry.institution.Money;

/**
 * The regional picture for one period (REG-09, REG-10): per province and nationally. Rows are keyed by the GB/T 2260
 * province code, so that other contexts' figures (classification's problem categories, CLS-09) join on it.
 */
public final class RegionalStatistics {

    private RegionalStatistics() {
    }

    /** Running totals of one region. */
    public static final class Totals {
        private long institutions;
        private final Map<InstitutionStatus, Long> byStatus = new EnumMap<>(InstitutionStatus.class);
        private long crossRegion;
        private BigDecimal loanBalance = BigDecimal.ZERO;
        private long lenders;
        private long withoutReport;

        /** Adds one institution; {@code loanBalance} null means it has no report for the period (counts as zero). */
        public void add(InstitutionStatus status, boolean isCrossRegion, BigDecimal balance, long lenderCount,
                        boolean reported) {
            institutions++;
            byStatus.merge(status, 1L, Long::sum);
            if (isCrossRegion) {
                crossRegion++;
            }
            if (reported) {
                loanBalance = loanBalance.add(balance == null ? BigDecimal.ZERO : balance);
                lenders += lenderCount;
            } else {
                withoutReport++;
            }
        }

        public void addAll(Totals other) {
            institutions += other.institutions;
            other.byStatus.forEach((status, count) -> byStatus.merge(status, count, Long::sum));
            crossRegion += other.crossRegion;
            loanBalance = loanBalance.add(other.loanBalance);
            lenders += other.lenders;
            withoutReport += other.withoutReport;
        }

        public TotalsView view() {
            return new TotalsView(institutions, new EnumMap<>(byStatus), crossRegion, Money.normalise(loanBalance),
                    lenders, withoutReport);
        }
    }

    /**
     * @param institutions  files counted
     * @param byStatus      how many in each status (REG-08)
     * @param crossRegion   registered here and operating in other provinces (REG-10)
     * @param loanBalance   total loan balance of the period, yuan
     * @param lenders       total lenders of the period
     * @param withoutReport institutions with no report for the period, counted as zero
     */
    public record TotalsView(long institutions, Map<InstitutionStatus, Long> byStatus, long crossRegion,
                             BigDecimal loanBalance, long lenders, long withoutReport) {
    }
}
