package cn.p2psupervision.classification.schedule;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.p2psupervision.platform.audit.ChangedBy;
import cn.p2psupervision.platform.input.InputPolicy;
import cn.p2psupervision.platform.problem.InvalidInputException;

/**
 * CLS-10: one version of the campaign schedule, central-level data (AUTH-03). A version never changes: a change of the
 * schedule is the next version, naming who made it, when and why.
 *
 * @param version   1, 2, …; version 1 is the schedule of the campaign plan unless the central office set another
 * @param changedBy who made this version; null for the plan's default
 * @param changedAt when this version was made (the domain clock)
 * @param reason    why (at most {@value #MAX_REASON} characters)
 */
public record ScheduleVersion(long version, CampaignSchedule schedule, ChangedBy changedBy, Instant changedAt,
                              String reason) {

    public static final int MAX_REASON = 2000;
    static final String DEFAULT_REASON = "Schedule of the campaign plan (CLS-10)";

    /** Version 1 as the campaign plan's schedule ({@link CampaignSchedule#PLAN}), made at {@code at}. */
    public static ScheduleVersion plan(Instant at) {
        return new ScheduleVersion(1, CampaignSchedule.PLAN, null, at, DEFAULT_REASON);
    }

    /** The next version with a new schedule, who changed it, when and why; a reason is required (AUTH-07). */
    public ScheduleVersion next(CampaignSchedule changed, ChangedBy by, Instant at, String why) {
        if (changed == null) {
            throw new IllegalArgumentException("schedule is required");
        }
        if (why == null || why.isBlank()) {
            throw new InvalidInputException("reason", "is required: say why the schedule changes", "AUTH-07");
        }
        return new ScheduleVersion(version + 1, changed, by, at, InputPolicy.text("reason", why, MAX_REASON));
    }

    /** The dates of this version as the audit trail records them: milestone name to {@code yyyy-MM-dd}. */
    Map<String, Object> auditValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("version", version);
        schedule.milestones().forEach(m -> values.put(m.milestone().name(), m.dueOn().toString()));
        return values;
    }
}
