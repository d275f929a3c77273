package cn.p2psupervision.classification.schedule;

import java.time.LocalDate;

/** CLS-10: a milestone of the campaign and the day by which it is due. */
public record MilestoneDate(Milestone milestone, LocalDate dueOn) {
}
