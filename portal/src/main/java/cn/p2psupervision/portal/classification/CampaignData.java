package cn.p2psupervision.portal.classification;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The central office's data in the classification context (docs/api.md section 4, "Central data"): the campaign
 * schedule (整治工作时间安排, CLS-10), the key-screening thresholds (重点排查, CLS-04) and the lateness of the provinces'
 * summary reports (CLS-10). Each version names who changed it, when and why ({@code changedBy} null for the plan's
 * own values).
 */
public final class CampaignData {

    private CampaignData() {
    }

    /** A version of the schedule: the four milestones in their order. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Schedule(long version, List<Milestone> milestones, String changedBy, Instant changedAt,
                           String reason) {

        public Schedule {
            milestones = milestones == null ? List.of() : List.copyOf(milestones);
        }
    }

    /** A milestone ({@code DEPLOYMENT}, {@code INVESTIGATION}, {@code CLASSIFICATION}, {@code SUMMARY_REPORT}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Milestone(String milestone, String label, LocalDate dueOn) {
    }

    /**
     * A version of the screening thresholds: growth over {@code expansionWindowMonths} months by more than the ratios
     * ({@code 0.5000} = +50 %) is 业务扩张过快; a composite yield above {@code compositeYieldPercent} is 高收益.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ScreeningThresholds(long version, int expansionWindowMonths, BigDecimal balanceGrowthRatio,
                                      BigDecimal lenderGrowthRatio, BigDecimal compositeYieldPercent,
                                      String changedBy, Instant changedAt, String reason) {
    }

    /** A province's summary report as of a day: filed (first version) on, due on, days late. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReportLateness(String province, String provinceName, LocalDate filedOn, LocalDate dueOn,
                                 long daysLate, boolean late) {
    }
}
