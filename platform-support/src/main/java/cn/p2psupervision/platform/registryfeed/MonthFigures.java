package cn.p2psupervision.platform.registryfeed;

import java.math.BigDecimal;
import java.time.YearMonth;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One month of an institution's headline operating figures (REG-03) as the registry's bulk read gives them
 * ({@link RegistryFigures#of}): the latest revision of that month. Members the registry may add later are
 * ignored.
 *
 * @param period      the month, {@code yyyy-MM}
 * @param loanBalance outstanding loans (借贷余额) in yuan, two decimals
 * @param lenders     lenders of the month (出借人数)
 * @param borrowers   borrowers of the month (借款人数)
 * @param newLending  lending of the month (当月成交额) in yuan, or null when not reported
 * @param overdueRate overdue rate (逾期率) in <b>percent</b> (0 to 100, two decimals, as REG-03 takes it: 1.50 is
 *                    1.5 %), or null when not reported
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MonthFigures(String period, BigDecimal loanBalance, long lenders, long borrowers, BigDecimal newLending,
                           BigDecimal overdueRate) {

    /** The month as a {@link YearMonth}. */
    public YearMonth month() {
        return YearMonth.parse(period);
    }
}
