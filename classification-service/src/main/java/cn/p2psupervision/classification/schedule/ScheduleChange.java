package cn.p2psupervision.classification.schedule;

import java.util.List;

/**
 * A requested change of the campaign schedule (CLS-10): every milestone with its date, in order, and why. Read as the
 * body of {@code PUT /campaign-schedule}; checked only once the caller may change the schedule.
 */
public record ScheduleChange(List<MilestoneDate> milestones, String reason) {

    /** The schedule asked for, checked by {@link CampaignSchedule} (400 naming the member). */
    CampaignSchedule schedule() {
        return new CampaignSchedule(milestones);
    }
}
