package cn.p2psupervision.registry.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * The monthly headline figures (REG-03) of the institutions another context's bulk scan asked for (INC-10 zombie
 * institutions, INC-11 off-site monitoring): each with its whole series, the oldest month first, each month the latest
 * revision's figures.
 *
 * @param items the institutions asked for that have figures, by ascending id; an institution without figures, or
 *              unknown to the registry, is not among them
 */
public record FiguresBatch(List<InstitutionFigures> items) {

    public FiguresBatch {
        items = List.copyOf(items);
    }

    /**
     * One institution's series.
     *
     * @param institutionId the registry's id of the institution
     * @param figures       its months, the oldest first
     */
    public record InstitutionFigures(String institutionId, List<MonthFigures> figures) {

        public InstitutionFigures {
            figures = List.copyOf(figures);
        }
    }

    /**
     * The headline figures of one month, the latest revision's. Amounts in yuan, two decimals; the overdue rate in
     * percent (0 to 100, two decimals), null when the report did not state it.
     *
     * @param period      {@code yyyy-MM}
     * @param loanBalance outstanding loans (借贷余额)
     * @param lenders     lenders of the month (出借人数)
     * @param borrowers   borrowers of the month (借款人数)
     * @param newLending  lending of the month (当月成交额), null when not reported
     * @param overdueRate overdue rate (逾期率) in percent, null when not reported
     */
    public record MonthFigures(String period, BigDecimal loanBalance, long lenders, long borrowers,
                               BigDecimal newLending, BigDecimal overdueRate) {
    }
}
