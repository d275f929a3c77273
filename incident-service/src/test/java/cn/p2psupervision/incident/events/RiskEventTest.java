package cn.p2psupervision.incident.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.p2psupervision.platform.problem.RuleViolationException;
import cn.p2psupervision.platform.registryfeed.InstitutionReference;
import cn.p2psupervision.platform.security.Actor;

/** The event's own rules, without the API: deadlines and breaches (INC-06), level proposals (INC-03), disposal. */
class RiskEventTest {

    static final Instant RECORDED = Instant.parse("2018-03-01T01:00:00Z");
    static final Actor OFFICER = new Actor("id-zj-officer", "zj-officer", "33", "FINANCIAL_OFFICE");
    static final InstitutionReference INSTITUTION = new InstitutionReference("inst-1", "91330000000000001X",
            "某网贷平台", "33", List.of("44"), "OPERATING", LocalDate.of(2014, 3, 1), LocalDate.of(2014, 6, 1), true,
            null, 1);

    @Test
    void inc06_noDeadlinesUntilTheEventIsEspeciallyMajor_thenTheClockCountsFromTheRecording() {
        RiskEvent event = recorded();
        assertThat(event.deadlines(RECORDED.plus(Duration.ofHours(5)))).isEmpty();
        assertThat(event.nextDueAt()).isNull();

        event.setLevel(Level.ESPECIALLY_MAJOR, "大规模爆雷", null, OFFICER, RECORDED.plusSeconds(60));

        List<Deadline> deadlines = event.deadlines(RECORDED.plusSeconds(60));
        assertThat(deadlines).extracting(Deadline::kind).containsExactly(Deadline.Kind.NOTIFICATION,
                Deadline.Kind.WRITTEN_REPORT);
        assertThat(deadlines.get(0).dueAt()).isEqualTo(RECORDED.plus(Duration.ofHours(2)));
        assertThat(deadlines.get(1).dueAt()).isEqualTo(RECORDED.plus(Duration.ofHours(4)));
        assertThat(event.nextDueAt()).isEqualTo(RECORDED.plus(Duration.ofHours(2)));
    }

    @Test
    void inc06_aLevelSetAfterTheDeadlineRecordsTheBreachAtOnce_andEachBreachOnlyOnce() {
        RiskEvent event = recorded();
        Instant late = RECORDED.plus(Duration.ofHours(3));
        event.setLevel(Level.ESPECIALLY_MAJOR, "升级", null, OFFICER, late);

        assertThat(event.breaches()).extracting(RiskEvent.Breach::kind).containsExactly(Deadline.Kind.NOTIFICATION);
        long version = event.version();
        assertThat(event.recordDueBreaches(late.plusSeconds(30))).isEmpty();
        assertThat(event.version()).isEqualTo(version);
        assertThat(event.recordDueBreaches(RECORDED.plus(Duration.ofHours(4)).plusSeconds(1)))
                .extracting(RiskEvent.Breach::kind).containsExactly(Deadline.Kind.WRITTEN_REPORT);
        assertThat(event.version()).isEqualTo(version + 1);
        assertThat(event.nextDueAt()).isNull();
        assertThat(event.timeline()).filteredOn(e -> e.kind() == TimelineEntry.Kind.DEADLINE_BREACHED).hasSize(2);
    }

    @Test
    void inc06_followUpsFallDueAtTheIntervalAfterTheReportBefore_andNoneOnceClosed() {
        RiskEvent event = recorded();
        event.setLevel(Level.ESPECIALLY_MAJOR, "r", null, OFFICER, RECORDED);
        event.notifyCentral(List.of(CentralOffice.values()), null, null, OFFICER, RECORDED.plusSeconds(3600));
        Instant written = RECORDED.plusSeconds(3 * 3600);
        event.fileReport(RiskEvent.Report.Kind.WRITTEN, "书面报告", null, OFFICER, written);
        event.setFollowUpInterval(12, null, OFFICER, written);

        Deadline next = event.deadlines(written).get(2);
        assertThat(next.kind()).isEqualTo(Deadline.Kind.FOLLOW_UP);
        assertThat(next.sequence()).isEqualTo(1);
        assertThat(next.dueAt()).isEqualTo(written.plus(Duration.ofHours(12)));
        assertThat(event.breaches()).isEmpty();

        event.close("处置完毕", OFFICER, written.plusSeconds(60));
        assertThat(event.deadlines(written.plus(Duration.ofDays(3)))).hasSize(2).noneMatch(Deadline::overdue);
        assertThat(event.nextDueAt()).isNull();
    }

    @Test
    void inc06_aLowerLevelEndsTheDeadlines_butKeepsTheBreachesRecorded() {
        RiskEvent event = recorded();
        event.setLevel(Level.ESPECIALLY_MAJOR, "r", null, OFFICER, RECORDED.plus(Duration.ofHours(3)));
        event.setLevel(Level.MAJOR, "核实后下调", null, OFFICER, RECORDED.plus(Duration.ofHours(3)));

        assertThat(event.deadlines(RECORDED.plus(Duration.ofHours(10)))).isEmpty();
        assertThat(event.breaches()).hasSize(1);
        assertThat(event.nextDueAt()).isNull();
    }

    @Test
    void inc08_disposalWaitsForAMajorLevel_containmentDoesNot() {
        RiskEvent event = recorded();
        event.takeMeasure(MeasureKind.RIGHTS_PROTECTION_CHANNEL, "公布接待地点", null, List.of(), OFFICER, RECORDED);
        assertThatThrownBy(() -> event.takeMeasure(MeasureKind.NEGOTIATED_REPAYMENT, "兑付方案", null, List.of(),
                OFFICER, RECORDED)).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.rule()).isEqualTo("INC-08"));
        event.setLevel(Level.MAJOR, "r", null, OFFICER, RECORDED);
        event.takeMeasure(MeasureKind.NEGOTIATED_REPAYMENT, "兑付方案", MeasureStatus.PLANNED, List.of(), OFFICER,
                RECORDED);
        assertThat(event.measures()).extracting(RiskEvent.Measure::status).containsExactly(MeasureStatus.IN_PROGRESS,
                MeasureStatus.PLANNED);
    }

    @Test
    void inc03_theProposalIsTheSameForTheSameFigures_andNamesWhatDecidedIt() {
        LevelProposal.Figures top = new LevelProposal.Figures("2018-02", new BigDecimal("1200000000.00"), 12, 4000,
                300_000, 1, 3);
        LevelProposal.Figures small = new LevelProposal.Figures("2018-02", new BigDecimal("8000000.00"), 2500,
                4000, 900, 1, 1);

        assertThat(LevelProposal.of(top)).isEqualTo(LevelProposal.of(top));
        assertThat(LevelProposal.of(top).level()).isEqualTo(Level.ESPECIALLY_MAJOR);
        assertThat(LevelProposal.of(top).reasons()).extracting(LevelProposal.Reason::criterion)
                .containsExactly("BALANCE_RANK", "LENDERS_AFFECTED");
        assertThat(LevelProposal.of(small).level()).isEqualTo(Level.OTHER);
        assertThat(LevelProposal.of(new LevelProposal.Figures(null, null, null, 0, 0, 2, 1)).level())
                .isEqualTo(Level.MAJOR);
    }

    private static RiskEvent recorded() {
        return RiskEvent.record("EV-20180301-AAAAAAAA", INSTITUTION, List.of(), EventType.OVERDUE_PAYMENT, "逾期兑付",
                null, null, List.of(), OFFICER, RECORDED);
    }
}
