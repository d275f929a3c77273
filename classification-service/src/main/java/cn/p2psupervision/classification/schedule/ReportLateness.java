package cn.p2psupervision.classification.schedule;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import cn.p2psupervision.platform.province.Province;

/**
 * CLS-10: whether a province's summary report (检查、查处、整改情况总结) came late, as of a day. A report counts from
 * the day its first version was filed (a replacement corrects it, it does not file it anew); a report filed after the
 * day asked about counts as not yet filed.
 *
 * @param filedOn  the day (in China) the first version was filed, if by {@code asOf}; else null
 * @param dueOn    the schedule's {@link Milestone#SUMMARY_REPORT} date
 * @param daysLate days from {@code dueOn} to {@code filedOn}; for a report not filed, to {@code asOf}; 0 when not
 *                 late
 */
public record ReportLateness(String province, String provinceName, LocalDate filedOn, LocalDate dueOn, long daysLate,
                             boolean late) {

    /** The latest first, then by province code. */
    public static final Comparator<ReportLateness> LATEST_FIRST = Comparator
            .comparingLong(ReportLateness::daysLate).reversed().thenComparing(ReportLateness::province);

    /** The lateness of one province's report, as of {@code asOf}. */
    public static ReportLateness of(Province province, LocalDate firstFiledOn, LocalDate dueOn, LocalDate asOf) {
        LocalDate filedOn = firstFiledOn != null && !firstFiledOn.isAfter(asOf) ? firstFiledOn : null;
        long days = Math.max(0, ChronoUnit.DAYS.between(dueOn, filedOn != null ? filedOn : asOf));
        return new ReportLateness(province.code(), province.chineseName(), filedOn, dueOn, days, days > 0);
    }

    /**
     * One row per province, all 31 of {@link Province}, latest first.
     *
     * @param firstFiledOn the day each province that filed first filed, by province code
     */
    public static List<ReportLateness> table(Map<String, LocalDate> firstFiledOn, LocalDate dueOn, LocalDate asOf) {
        return Arrays.stream(Province.values())
                .map(province -> of(province, firstFiledOn.get(province.code()), dueOn, asOf))
                .sorted(LATEST_FIRST)
                .toList();
    }
}
