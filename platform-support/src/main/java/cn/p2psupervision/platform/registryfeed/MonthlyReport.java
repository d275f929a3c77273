package cn.p2psupervision.platform.registryfeed;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One month of an institution's operating report (REG-03) as the registry gives it to the other contexts (issue 7,
 * {@link RegistryReports}): the latest revision of that month. Only what the screening needs; the registry's other
 * members (revision, source, submitter, ...) are ignored, so the registry may add members without breaking its
 * callers. Amounts in yuan, yields in percent per year, two decimals.
 *
 * @param period        the month, {@code yyyy-MM}
 * @param loanBalance   outstanding loans (借贷余额)
 * @param lenders       lenders of the month (出借人数)
 * @param borrowers     borrowers of the month (借款人数)
 * @param newLending    lending of the month (当月成交额), or null when not reported
 * @param products      the lending products offered, each with its composite annual yield
 * @param overdueAmount overdue amount (逾期金额), or null when not reported
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MonthlyReport(String period, BigDecimal loanBalance, long lenders, long borrowers, BigDecimal newLending,
                            List<Product> products, BigDecimal overdueAmount) {

    public MonthlyReport {
        products = products == null ? List.of() : List.copyOf(products);
    }

    /** The highest composite annual yield (综合收益率) among the month's products, or null when none states one. */
    public BigDecimal highestYield() {
        return products.stream().map(Product::compositeYield).filter(Objects::nonNull).max(BigDecimal::compareTo)
                .orElse(null);
    }

    /**
     * A lending product of the month.
     *
     * @param termMonths     the term in months
     * @param compositeYield the composite annual yield (综合收益率) in percent
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Product(String name, int termMonths, BigDecimal compositeYield) {
    }
}
