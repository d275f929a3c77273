package cn.p2psupervision.incident.watch;

import static cn.p2psupervision.incident.watch.WatchFigures.dead;
import static cn.p2psupervision.incident.watch.WatchFigures.month;
import static cn.p2psupervision.incident.watch.WatchFigures.ordinary;
import static cn.p2psupervision.incident.watch.WatchFigures.ordinaryThenDead;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.p2psupervision.platform.registryfeed.MonthFigures;

/**
 * INC-10, zombie institutions (僵尸类) from the REG-03 figures: a balance or new lending at zero for more than three
 * consecutive months ending at the latest reported month, with the months that decide it.
 */
class ZombieDetectionTest {

    @Test
    void inc10_aBalanceZeroForFourMonthsIsAZombieWithTheMonthsThatDecideIt() {
        List<MonthFigures> series = new ArrayList<>(List.of(ordinary("2017-09"),
                month("2017-10", "0.00", 10, "5000.00", null), month("2017-11", "0.00", 8, "1000.00", null),
                month("2017-12", "0.00", 5, "100.00", null), month("2018-01", "0.00", 1, "50.00", null)));

        assertThat(ZombieDetection.reasons(series)).containsExactly(new ZombieReason(ZombieRule.BALANCE_ZERO,
                List.of("2017-10", "2017-11", "2017-12", "2018-01"), null, null));
    }

    @Test
    void inc10_threeMonthsAtZeroIsNotYetAZombie() {
        assertThat(ZombieDetection.reasons(ordinaryThenDead("2017-06", 5, 3))).isEmpty();
        assertThat(ZombieDetection.reasons(ordinaryThenDead("2017-06", 5, 4))).extracting(ZombieReason::rule)
                .containsExactly(ZombieRule.BALANCE_ZERO, ZombieRule.NEW_LENDING_ZERO);
    }

    @Test
    void inc10_aMonthNotReportedBreaksTheRun() {
        List<MonthFigures> withGap = List.of(ordinary("2017-08"), dead("2017-09"), dead("2017-10"),
                /* 2017-11 not reported */ dead("2017-12"), dead("2018-01"), dead("2018-02"));

        assertThat(ZombieDetection.reasons(withGap)).isEmpty();
        assertThat(ZombieDetection.zeroRunAtTheEnd(OperatingSeries.of(withGap), MonthFigures::loanBalance))
                .containsExactly("2017-12", "2018-01", "2018-02");
    }

    @Test
    void inc10_newLendingZeroAloneCounts() {
        List<MonthFigures> series = List.of(ordinary("2017-09"), month("2017-10", "800000.00", 150, "0.00", "2.00"),
                month("2017-11", "600000.00", 120, "0.00", "2.50"), month("2017-12", "400000.00", 90, "0.00", "3.00"),
                month("2018-01", "200000.00", 60, "0.00", "4.00"));

        assertThat(ZombieDetection.reasons(series)).containsExactly(new ZombieReason(ZombieRule.NEW_LENDING_ZERO,
                List.of("2017-10", "2017-11", "2017-12", "2018-01"), null, null));
    }

    @Test
    void inc10_aRunThatEndedBeforeTheLatestMonthDoesNotCount() {
        List<MonthFigures> resumed = new ArrayList<>(ordinaryThenDead("2017-01", 2, 6));
        resumed.add(ordinary("2017-09"));

        assertThat(ZombieDetection.reasons(resumed)).isEmpty();
    }

    @Test
    void inc10_aFigureNotReportedIsNotZero() {
        List<MonthFigures> lendingUnreported = List.of(month("2017-10", "100.00", 1, "0.00", null),
                month("2017-11", "100.00", 1, "0.00", null), month("2017-12", "100.00", 1, null, null),
                month("2018-01", "100.00", 1, "0.00", null), month("2018-02", "100.00", 1, "0.00", null));

        assertThat(ZombieDetection.reasons(lendingUnreported)).isEmpty();
    }

    @Test
    void inc10_theSeriesIsReadInCalendarOrderWhateverOrderItCameIn() {
        List<MonthFigures> shuffled = new ArrayList<>(ordinaryThenDead("2016-11", 3, 5));
        Collections.reverse(shuffled);

        assertThat(ZombieDetection.reasons(shuffled)).first().satisfies(reason -> assertThat(reason.months())
                .containsExactly("2017-02", "2017-03", "2017-04", "2017-05", "2017-06"));
        assertThat(ZombieDetection.reasons(List.of())).isEmpty();
    }

    @Test
    void inc10_aRepeatedMonthCountsOnceTheLaterEntryStandingAndAMonthThatIsNoneIsLeftOut() {
        OperatingSeries series = OperatingSeries.of(List.of(dead("2018-02"), ordinary("2018-01"),
                month("2017-13", "0.00", 0, "0.00", null), ordinary("2018-02"), month("2018-1", "0.00", 0, "0", null),
                dead("2017-12")));

        assertThat(series.size()).isEqualTo(3);
        assertThat(series.get(0).period()).isEqualTo("2017-12");
        assertThat(series.latest()).isEqualTo(ordinary("2018-02"));
        assertThat(series.followsDirectly(1)).isTrue();
        assertThat(series.followsDirectly(0)).isFalse();
        assertThat(OperatingSeries.number(ordinary("2018-01"))).isEqualTo(2018 * 12);
    }

    @Test
    void inc10_institutionsAlreadyOutAreNeverListed() {
        assertThat(ZombieDetection.listable("BANNED")).isFalse();
        assertThat(ZombieDetection.listable("EXITED")).isFalse();
        assertThat(ZombieDetection.listable("TRANSFORMED")).isFalse();
        for (String status : List.of("OPERATING", "FILED", "SUSPENDED", "LOST_CONTACT", "ABSCONDED")) {
            assertThat(ZombieDetection.listable(status)).as(status).isTrue();
        }
    }
}
