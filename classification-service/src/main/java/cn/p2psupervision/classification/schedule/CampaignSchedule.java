package cn.p2psupervision.classification.schedule;

import java.time.LocalDate;
import java.util.List;

import cn.p2psupervision.platform.problem.InvalidInputException;

/**
 * CLS-10: the campaign schedule as data — every {@link Milestone}, in its order, with the day it is due; no milestone
 * is due before the one before it.
 */
public record CampaignSchedule(List<MilestoneDate> milestones) {

    /** The schedule of the campaign plan: 2016-04-30, 2016-07-31, 2016-11-30, 2017-01-31. */
    public static final CampaignSchedule PLAN = new CampaignSchedule(List.of(
            new MilestoneDate(Milestone.DEPLOYMENT, LocalDate.of(2016, 4, 30)),
            new MilestoneDate(Milestone.INVESTIGATION, LocalDate.of(2016, 7, 31)),
            new MilestoneDate(Milestone.CLASSIFICATION, LocalDate.of(2016, 11, 30)),
            new MilestoneDate(Milestone.SUMMARY_REPORT, LocalDate.of(2017, 1, 31))));

    /** Every milestone present, in the order of {@link Milestone}, with a date not before the previous one (400). */
    public CampaignSchedule {
        Milestone[] order = Milestone.values();
        if (milestones == null) {
            throw new InvalidInputException("milestones", "is required: " + orderText(), "CLS-10");
        }
        if (milestones.size() != order.length) {
            throw new InvalidInputException("milestones", "must list " + order.length + " milestones: " + orderText(),
                    "CLS-10");
        }
        for (int i = 0; i < order.length; i++) {
            MilestoneDate entry = milestones.get(i);
            String member = "milestones[" + i + "]";
            if (entry == null || entry.milestone() == null) {
                throw new InvalidInputException(member + ".milestone", "is required: " + orderText(), "CLS-10");
            }
            if (entry.milestone() != order[i]) {
                throw new InvalidInputException(member + ".milestone", "must be " + order[i] + ": " + orderText(),
                        "CLS-10");
            }
            if (entry.dueOn() == null) {
                throw new InvalidInputException(member + ".dueOn", "is required", "CLS-10");
            }
            if (i > 0 && entry.dueOn().isBefore(milestones.get(i - 1).dueOn())) {
                MilestoneDate previous = milestones.get(i - 1);
                throw new InvalidInputException(member + ".dueOn", "must not be before " + previous.milestone()
                        + " (" + previous.dueOn() + ")", "CLS-10");
            }
        }
        milestones = List.copyOf(milestones);
    }

    /** The day {@code milestone} is due. */
    public LocalDate dueOn(Milestone milestone) {
        return milestones.get(milestone.ordinal()).dueOn();
    }

    private static String orderText() {
        return "the milestones are " + java.util.Arrays.toString(Milestone.values()) + ", in this order";
    }
}
