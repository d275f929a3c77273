package cn.p2psupervision.registry.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

import cn.p2psupervision.platform.problem.RuleViolationException;
import cn.p2psupervision.registry.institution.FactSource;
import cn.p2psupervision.registry.institution.Money;
import cn.p2psupervision.registry.institution.ReportFigures;

/**
 * One revision of an institution's monthly operating report (REG-03). Reports are append-only: a correction is the
 * next revision of the same period, never an overwrite. The id {@code <institution>:<period>:<revision>} makes each
 * revision unique.
 */
public record OperatingReport(String id, String institutionId, String period, int revision, BigDecimal loanBalance,
                              long lenders, long borrowers, BigDecimal newLending, List<Product> products,
                              BigDecimal overdueAmount, BigDecimal overdueRate, FactSource.Source source,
                              String reason, String submittedBy, String submittedProvince, Instant submittedAt) {

    public OperatingReport {
        products = products == null ? List.of() : List.copyOf(products);
        loanBalance = Money.normalise(loanBalance);
        newLending = Money.normalise(newLending);
        overdueAmount = Money.normalise(overdueAmount);
        overdueRate = Money.normalise(overdueRate);
    }

    public static String idOf(String institutionId, String period, int revision) {
        return institutionId + ":" + period + ":" + revision;
    }

    /**
     * REG-03: the first revision of a period, or a correction of {@code latest}. A correction needs a reason; a period
     * cannot lie after the current month; overdue amount cannot exceed the loan balance.
     */
    public static OperatingReport submit(String institutionId, ReportFigures proposed, List<Product> products,
                                         BigDecimal overdueAmount, FactSource.Source source, String reason,
                                         String submittedBy, String submittedProvince, OperatingReport latest,
                                         YearMonth currentMonth, Instant at) {
        YearMonth period = YearMonth.parse(proposed.period());
        if (period.isAfter(currentMonth)) {
            throw new RuleViolationException("REG-03", "Period " + period + " lies in the future");
        }
        if (overdueAmount != null && proposed.loanBalance() != null
                && overdueAmount.compareTo(proposed.loanBalance()) > 0) {
            throw new RuleViolationException("REG-03", "Overdue amount exceeds the loan balance");
        }
        int revision = latest == null ? 1 : latest.revision() + 1;
        if (latest != null && (reason == null || reason.isBlank())) {
            throw new RuleViolationException("REG-03",
                    "Period " + period + " already has a report: a correction needs a reason");
        }
        return new OperatingReport(idOf(institutionId, proposed.period(), revision), institutionId, proposed.period(),
                revision, proposed.loanBalance(), proposed.lenders(), proposed.borrowers(), proposed.newLending(),
                products, overdueAmount, proposed.overdueRate(), source, reason, submittedBy, submittedProvince, at);
    }

    /** True when {@code proposed} states this revision's figures again: a retried submission, not a correction. */
    public boolean sameFiguresAs(ReportFigures proposed, List<Product> proposedProducts, BigDecimal proposedOverdue) {
        return period.equals(proposed.period()) && Objects.equals(loanBalance, Money.normalise(proposed.loanBalance()))
                && lenders == proposed.lenders() && borrowers == proposed.borrowers()
                && Objects.equals(newLending, Money.normalise(proposed.newLending()))
                && Objects.equals(products, proposedProducts == null ? List.of() : proposedProducts)
                && Objects.equals(overdueAmount, Money.normalise(proposedOverdue))
                && Objects.equals(overdueRate, Money.normalise(proposed.overdueRate()));
    }

    public ReportFigures figures() {
        return new ReportFigures(period, revision, loanBalance, lenders, borrowers, newLending, overdueRate);
    }

    /** A lending product with its term and composite annual yield (综合收益率) in percent. */
    public record Product(String name, int termMonths, BigDecimal compositeYield) {
        public Product {
            compositeYield = Money.normalise(compositeYield);
        }
    }
}
