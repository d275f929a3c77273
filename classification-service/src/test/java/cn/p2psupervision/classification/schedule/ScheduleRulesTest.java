package cn.p2psupervision.classification.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.p2psupervision.platform.problem.InvalidInputException;
import cn.p2psupervision.platform.province.Province;

/** CLS-10 below the HTTP layer: the schedule's shape, a report's limits and the lateness arithmetic. */
class ScheduleRulesTest {

    private static final LocalDate DUE = LocalDate.of(2017, 1, 31);

    @Test
    void cls10_aReportFiledOnTheDueDateIsOnTimeAndTheDayAfterIsOneDayLate() {
        assertThat(ReportLateness.of(Province.ZHEJIANG, DUE, DUE, DUE.plusDays(30)).daysLate()).isZero();
        assertThat(ReportLateness.of(Province.ZHEJIANG, DUE.minusDays(40), DUE, DUE.plusDays(30)).late()).isFalse();
        ReportLateness dayAfter = ReportLateness.of(Province.ZHEJIANG, DUE.plusDays(1), DUE, DUE.plusDays(30));
        assertThat(dayAfter.daysLate()).isEqualTo(1);
        assertThat(dayAfter.late()).isTrue();
        assertThat(dayAfter.filedOn()).isEqualTo(DUE.plusDays(1));
    }

    @Test
    void cls10_anUnfiledReportIsLateFromTheDayAfterTheDueDateUntilTheDayAskedAbout() {
        assertThat(ReportLateness.of(Province.TIBET, null, DUE, DUE.minusDays(5)).daysLate()).isZero();
        assertThat(ReportLateness.of(Province.TIBET, null, DUE, DUE).daysLate()).isZero();
        assertThat(ReportLateness.of(Province.TIBET, null, DUE, DUE.plusDays(1)).daysLate()).isEqualTo(1);
        assertThat(ReportLateness.of(Province.TIBET, null, DUE, LocalDate.of(2017, 3, 3)).daysLate()).isEqualTo(31);
    }

    @Test
    void cls10_aReportFiledAfterTheDayAskedAboutCountsAsNotYetFiled() {
        ReportLateness asOfBefore = ReportLateness.of(Province.GUANGDONG, DUE.plusDays(10), DUE, DUE.plusDays(3));
        assertThat(asOfBefore.filedOn()).isNull();
        assertThat(asOfBefore.daysLate()).isEqualTo(3);
    }

    @Test
    void cls10_theTableHasEveryProvinceLatestFirstThenByCode() {
        List<ReportLateness> table = ReportLateness.table(Map.of("44", DUE.plusDays(4), "33", DUE.minusDays(11),
                "65", DUE.plusDays(12)), DUE, DUE.plusDays(20));

        assertThat(table).hasSize(Province.values().length);
        assertThat(table.get(0).province()).isEqualTo("11");
        assertThat(table.get(0).provinceName()).isEqualTo("北京");
        assertThat(table.get(0).daysLate()).isEqualTo(20);
        assertThat(table.get(27).province()).isEqualTo("64");
        assertThat(table.get(28)).isEqualTo(new ReportLateness("65", "新疆", DUE.plusDays(12), DUE, 12, true));
        assertThat(table.get(29)).isEqualTo(new ReportLateness("44", "广东", DUE.plusDays(4), DUE, 4, true));
        assertThat(table.get(30)).isEqualTo(new ReportLateness("33", "浙江", DUE.minusDays(11), DUE, 0, false));
    }

    @Test
    void cls10_theScheduleListsEveryMilestoneInOrderWithoutGoingBack() {
        assertThat(CampaignSchedule.PLAN.dueOn(Milestone.DEPLOYMENT)).isEqualTo(LocalDate.of(2016, 4, 30));
        assertThat(CampaignSchedule.PLAN.dueOn(Milestone.INVESTIGATION)).isEqualTo(LocalDate.of(2016, 7, 31));
        assertThat(CampaignSchedule.PLAN.dueOn(Milestone.CLASSIFICATION)).isEqualTo(LocalDate.of(2016, 11, 30));
        assertThat(CampaignSchedule.PLAN.dueOn(Milestone.SUMMARY_REPORT)).isEqualTo(DUE);
        assertThat(Milestone.CLASSIFICATION.label()).isEqualTo("清理整顿分类处置");

        List<MilestoneDate> swapped = new ArrayList<>(CampaignSchedule.PLAN.milestones());
        swapped.set(0, CampaignSchedule.PLAN.milestones().get(1));
        swapped.set(1, CampaignSchedule.PLAN.milestones().get(0));
        assertInvalid(() -> new CampaignSchedule(swapped), "milestones[0].milestone");

        List<MilestoneDate> back = new ArrayList<>(CampaignSchedule.PLAN.milestones());
        back.set(2, new MilestoneDate(Milestone.CLASSIFICATION, LocalDate.of(2016, 7, 30)));
        assertInvalid(() -> new CampaignSchedule(back), "milestones[2].dueOn");

        assertInvalid(() -> new CampaignSchedule(CampaignSchedule.PLAN.milestones().subList(0, 3)), "milestones");
        assertInvalid(() -> ScheduleVersion.plan(Instant.EPOCH).next(CampaignSchedule.PLAN, null, Instant.EPOCH, " "),
                "reason");
    }

    @Test
    void cls10_aReportHasTextAndAtMostFiftyShortReferences() {
        SummaryReport first = SummaryReport.first("33", "总结", null, null, Instant.EPOCH);
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.documents()).isEmpty();
        assertThat(first.replacedBy("修订", List.of("ZJ-2"), null, Instant.EPOCH).version()).isEqualTo(2);

        assertInvalid(() -> SummaryReport.first("33", null, List.of(), null, Instant.EPOCH), "text");
        assertInvalid(() -> SummaryReport.first("33", "x".repeat(20_001), List.of(), null, Instant.EPOCH), "text");
        assertInvalid(() -> SummaryReport.first("33", "ok", java.util.Collections.nCopies(51, "DOC"), null,
                Instant.EPOCH), "documents");
        assertInvalid(() -> SummaryReport.first("33", "ok", List.of("ok", "d".repeat(201)), null, Instant.EPOCH),
                "documents[1]");
    }

    private static void assertInvalid(Runnable act, String member) {
        assertThatThrownBy(act::run).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.member()).isEqualTo(member));
    }
}
