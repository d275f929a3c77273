package cn.p2psupervision.classification.screening;

import java.math.BigDecimal;
import java.time.YearMonth;

import cn.p2psupervision.platform.problem.InvalidInputException;

/**
 * CLS-04 input: one month of an institution's operating figures as the registry's operating reports give them
 * (REG-03, the latest revision of the period): loan balance (借贷余额) and new lending in yuan, lenders (出借人) and
 * borrowers, and the highest composite annual yield (综合收益率, percent) among its products, or null when it reported
 * no product. Amounts and the yield carry two decimals.
 */
public record MonthlyFigures(YearMonth period, BigDecimal loanBalance, long lenders, long borrowers,
                             BigDecimal newLending, BigDecimal compositeYield) {

    public MonthlyFigures {
        if (period == null) {
            throw new InvalidInputException("period", "is required", "CLS-04");
        }
        if (loanBalance == null) {
            throw new InvalidInputException("loanBalance", "is required", "CLS-04");
        }
        loanBalance = twoDecimals(loanBalance, "loanBalance");
        newLending = newLending == null ? null : twoDecimals(newLending, "newLending");
        compositeYield = compositeYield == null ? null : twoDecimals(compositeYield, "compositeYield");
        if (lenders < 0 || borrowers < 0) {
            throw new InvalidInputException(lenders < 0 ? "lenders" : "borrowers", "must be at least 0", "CLS-04");
        }
    }

    private static BigDecimal twoDecimals(BigDecimal value, String member) {
        if (value.signum() < 0 || value.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException(member, "must be at least 0 with at most two decimals", "CLS-04");
        }
        return value.setScale(2);
    }
}
