package cn.p2psupervision.incident.watch;

import static cn.p2psupervision.incident.watch.WatchFigures.month;
import static cn.p2psupervision.incident.watch.WatchFigures.ordinary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.p2psupervision.platform.problem.InvalidInputException;
import cn.p2psupervision.platform.registryfeed.MonthFigures;

/**
 * INC-11, off-site monitoring (非现场监测): the latest month against the central office's thresholds (overdue rate in
 * percent, the month-over-month fall of the balance and of the lenders in percent), with the figures behind a breach.
 */
class MonitoringCheckTest {

    static final MonitoringThresholds DEFAULTS = MonitoringThresholdVersion.DEFAULTS;

    @Test
    void inc11_theDefaultsAreTenPercentOverdueAndThirtyPercentFalls() {
        assertThat(DEFAULTS).isEqualTo(new MonitoringThresholds(new BigDecimal("10.00"), new BigDecimal("30.00"),
                new BigDecimal("30.00")));
    }

    @Test
    void inc11_anOverdueRateAboveTheMaximumIsABreachWithItsMonth() {
        MonthFigures latest = month("2018-02", "1000000.00", 200, "100000.00", "10.01");

        assertThat(MonitoringCheck.breaches(List.of(latest), DEFAULTS)).containsExactly(new MonitoringCheck.Breach(
                AlertMetric.OVERDUE_RATE, new BigDecimal("10.00"), new BigDecimal("10.01"), null, latest));
        assertThat(MonitoringCheck.breaches(List.of(month("2018-02", "1000000.00", 200, "100000.00", "10.00")),
                DEFAULTS)).as("at the maximum").isEmpty();
        assertThat(MonitoringCheck.breaches(List.of(month("2018-02", "1000000.00", 200, "100000.00", null)),
                DEFAULTS)).as("not reported").isEmpty();
    }

    @Test
    void inc11_aBalanceFallOfMoreThanTheMaximumFromTheMonthBeforeIsABreachWithBothMonthsShownRoundedUp() {
        MonthFigures before = ordinary("2018-01");
        MonthFigures latest = month("2018-02", "699999.00", 200, "100000.00", "1.50");

        assertThat(MonitoringCheck.breaches(List.of(latest, before), DEFAULTS)).containsExactly(
                new MonitoringCheck.Breach(AlertMetric.BALANCE_FALL, new BigDecimal("30.00"), new BigDecimal("30.01"),
                        before, latest));
        assertThat(MonitoringCheck.breaches(List.of(before, month("2018-02", "700000.00", 200, "1.00", "1.50")),
                DEFAULTS)).as("exactly 30 %").isEmpty();
    }

    @Test
    void inc11_aFallOfTheLendersOfMoreThanTheMaximumIsABreach() {
        MonthFigures before = ordinary("2018-01");
        MonthFigures latest = month("2018-02", "1000000.00", 139, "100000.00", "1.50");

        assertThat(MonitoringCheck.breaches(List.of(before, latest), DEFAULTS)).singleElement().satisfies(breach -> {
            assertThat(breach.metric()).isEqualTo(AlertMetric.LENDERS_FALL);
            assertThat(breach.value()).isEqualTo(new BigDecimal("30.50"));
            assertThat(breach.threshold()).isEqualTo(new BigDecimal("30.00"));
        });
    }

    @Test
    void inc11_noFallIsCheckedWhenTheMonthBeforeWasNotReportedOrHadNothing() {
        MonthFigures latest = month("2018-02", "0.00", 0, "0.00", "1.50");

        assertThat(MonitoringCheck.breaches(List.of(ordinary("2017-12"), latest), DEFAULTS)).as("a gap").isEmpty();
        assertThat(MonitoringCheck.breaches(List.of(month("2018-01", "0.00", 0, "0.00", null), latest), DEFAULTS))
                .as("nothing before").isEmpty();
        assertThat(MonitoringCheck.breaches(List.of(ordinary("2018-01"), ordinary("2018-02")), DEFAULTS)).isEmpty();
        assertThat(MonitoringCheck.breaches(List.of(), DEFAULTS)).isEmpty();
    }

    @Test
    void inc11_onlyTheLatestMonthIsEvaluated() {
        List<MonthFigures> recovered = List.of(ordinary("2017-11"), month("2017-12", "1.00", 1, "1.00", "50.00"),
                ordinary("2018-01"));

        assertThat(MonitoringCheck.breaches(recovered, DEFAULTS)).isEmpty();
    }

    @Test
    void inc11_thresholdsArePercentagesAboveZeroAndAtMostAHundredWithTwoDecimals() {
        MonitoringThresholds set = new MonitoringThresholds(new BigDecimal("12.5"), new BigDecimal("100"),
                new BigDecimal("0.01"));
        assertThat(set.overdueRateMax()).isEqualTo(new BigDecimal("12.50"));
        assertThat(set.balanceFallMaxPercent()).isEqualTo(new BigDecimal("100.00"));

        for (String wrong : new String[] {"0", "0.00", "-1", "100.01", "1.234"}) {
            InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, () ->
                    new MonitoringThresholds(new BigDecimal("10"), new BigDecimal(wrong), new BigDecimal("30")));
            assertThat(refused).as(wrong).isNotNull();
            assertThat(refused.member()).isEqualTo("balanceFallMaxPercent");
            assertThat(refused.rule()).isEqualTo("INC-11");
        }
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> new MonitoringThresholds(null,
                BigDecimal.TEN, BigDecimal.TEN)).member()).isEqualTo("overdueRateMax");
    }
}
