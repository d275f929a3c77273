package cn.p2psupervision.registry.institution;

import java.math.BigDecimal;

/**
 * The headline figures of one monthly operating report, kept on the file so that lists and statistics need no join
 * (REG-03, REG-09).
 */
public record ReportFigures(String period, int revision, BigDecimal loanBalance, long lenders, long borrowers,
                            BigDecimal newLending, BigDecimal overdueRate) {
}
