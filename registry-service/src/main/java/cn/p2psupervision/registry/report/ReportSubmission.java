package cn.p2psupervision.registry.report;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import cn.p2psupervision.registry.institution.FactSource;
import cn.p2psupervision.registry.institution.ReportFigures;

/** A monthly operating report as submitted, with the ranges of REG-03: money and counts ≥ 0, rates 0–100 %, two decimals. */
public record ReportSubmission(
        @NotNull @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])", message = "must be yyyy-MM") String period,
        @NotNull @DecimalMin("0.00") @Digits(integer = 15, fraction = 2) BigDecimal loanBalance,
        @PositiveOrZero long lenders,
        @PositiveOrZero long borrowers,
        @NotNull @DecimalMin("0.00") @Digits(integer = 15, fraction = 2) BigDecimal newLending,
        @Valid @Size(max = 100) List<ProductRequest> products,
        @DecimalMin("0.00") @Digits(integer = 15, fraction = 2) BigDecimal overdueAmount,
        @DecimalMin("0.00") @DecimalMax("100.00") @Digits(integer = 3, fraction = 2) BigDecimal overdueRate,
        FactSource.Source source,
        @Size(max = 2000) String reason) {

    ReportFigures figures() {
        return new ReportFigures(period, 0, loanBalance, lenders, borrowers, newLending, overdueRate);
    }

    List<OperatingReport.Product> toProducts() {
        return products == null ? List.of() : products.stream()
                .map(p -> new OperatingReport.Product(p.name(), p.termMonths(), p.compositeYield())).toList();
    }

    /** A lending product: term in months and composite annual yield (综合收益率) in percent. */
    public record ProductRequest(@NotBlank @Size(max = 200) String name,
                                 @Min(0) @Max(600) int termMonths,
                                 @NotNull @DecimalMin("0.00") @DecimalMax("100.00") @Digits(integer = 3, fraction = 2)
                                 BigDecimal compositeYield) {
    }
}
