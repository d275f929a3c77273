package cn.p2psupervision.portal.institution;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An institution's monthly operating reports (月度经营数据, REG-03) as the registry answers and takes them. */
public final class Reports {

    private Reports() {
    }

    /** One revision of a month's report; the series holds the latest revision of each month. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Report(String id, String institutionId, String period, int revision, BigDecimal loanBalance,
                         Long lenders, Long borrowers, BigDecimal newLending, List<Product> products,
                         BigDecimal overdueAmount, BigDecimal overdueRate, String source, String reason,
                         String submittedBy, String submittedProvince, Instant submittedAt) {

        public Report {
            products = products == null ? List.of() : List.copyOf(products);
        }
    }

    /** A lending product: term in months, composite annual yield (综合收益率) in percent. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Product(String name, Integer termMonths, BigDecimal compositeYield) {
    }

    /**
     * A month's figures as sent. Money and rates go as the decimal strings the user typed (the registry reads them
     * exactly and says what is wrong); counts as whole numbers when they are, else as typed, so that the registry
     * names the field it refuses.
     */
    public record Submission(String period, String loanBalance, Object lenders, Object borrowers, String newLending,
                             List<ProductSubmission> products, String overdueAmount, String overdueRate,
                             String reason) {
    }

    public record ProductSubmission(String name, Object termMonths, String compositeYield) {
    }
}
