package cn.p2psupervision.classification.screening;

import static cn.p2psupervision.classification.Fixtures.AT;
import static cn.p2psupervision.classification.Fixtures.finding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.p2psupervision.classification.finding.Finding;
import cn.p2psupervision.classification.screening.FlagEvidence.FindingRef;
import cn.p2psupervision.classification.screening.FlagEvidence.Growth;
import cn.p2psupervision.classification.screening.FlagEvidence.HighYield;
import cn.p2psupervision.platform.problem.InvalidInputException;

/** CLS-04: key-screening flags from monthly figures and business-type findings. */
class ScreeningTest {

    static final ScreeningThresholds THRESHOLDS = new ScreeningThresholds(3, new BigDecimal("0.50"),
            new BigDecimal("0.50"), new BigDecimal("10.00"));

    @Test
    void cls04_balanceGrowingFasterThanTheThresholdIsFlaggedWithItsFigures() {
        List<MonthlyFigures> figures = List.of(month("2016-01", "1000000", 100), month("2016-02", "1200000", 100),
                month("2016-03", "1500000", 100), month("2016-04", "1800000", 100));

        List<ScreeningFlag> flags = Screening.flags(figures, List.of(), THRESHOLDS);

        assertThat(flags).containsExactly(new ScreeningFlag(FlagCode.RAPID_EXPANSION_BALANCE,
                List.of(new Growth(YearMonth.of(2016, 1), YearMonth.of(2016, 4), new BigDecimal("1000000.00"),
                        new BigDecimal("1800000.00"), new BigDecimal("0.8000")))));
        assertThat(flags.get(0).describe())
                .isEqualTo("业务扩张过快（借贷余额）：2016-01 至 2016-04：1000000.00 → 1800000.00，增长 80.00%");
    }

    @Test
    void cls04_growthOfExactlyTheThresholdIsNotFlagged() {
        List<MonthlyFigures> figures = List.of(month("2016-01", "1000000", 100), month("2016-02", "1000000", 100),
                month("2016-03", "1000000", 100), month("2016-04", "1500000", 150));

        assertThat(Screening.flags(figures, List.of(), THRESHOLDS)).isEmpty();
        List<MonthlyFigures> justOver = List.of(figures.get(0), figures.get(1), figures.get(2),
                month("2016-04", "1500000.01", 151));
        assertThat(Screening.flags(justOver, List.of(), THRESHOLDS)).extracting(ScreeningFlag::code)
                .containsExactly(FlagCode.RAPID_EXPANSION_BALANCE, FlagCode.RAPID_EXPANSION_LENDERS);
    }

    @Test
    void cls04_aMissingMonthInTheWindowRaisesNoExpansionFlag() {
        List<MonthlyFigures> gap = List.of(month("2016-01", "1000000", 100), month("2016-02", "1200000", 120),
                month("2016-04", "3000000", 900));

        assertThat(Screening.flags(gap, List.of(), THRESHOLDS)).isEmpty();
    }

    @Test
    void cls04_everyCompleteWindowIsAssessedAndNamed() {
        List<MonthlyFigures> figures = List.of(month("2016-01", "1000000", 100), month("2016-02", "1000000", 100),
                month("2016-03", "1000000", 100), month("2016-04", "1600000", 100), month("2016-05", "1700000", 100),
                month("2016-07", "9000000", 100));

        ScreeningFlag balance = Screening.flags(figures, List.of(), THRESHOLDS).get(0);

        // 2016-02..05 is complete and grows 70 %; 2016-03..06 and 2016-04..07 miss June
        assertThat(balance.evidence()).extracting(e -> ((Growth) e).from().toString())
                .containsExactly("2016-01", "2016-02");
    }

    @Test
    void cls04_lendersGrowingFastRaiseTheirOwnFlag() {
        List<MonthlyFigures> figures = List.of(month("2016-01", "1000000", 300), month("2016-02", "1000000", 350),
                month("2016-03", "1000000", 400), month("2016-04", "1000000", 451));

        List<ScreeningFlag> flags = Screening.flags(figures, List.of(), THRESHOLDS);

        assertThat(flags).containsExactly(new ScreeningFlag(FlagCode.RAPID_EXPANSION_LENDERS,
                List.of(new Growth(YearMonth.of(2016, 1), YearMonth.of(2016, 4), BigDecimal.valueOf(300),
                        BigDecimal.valueOf(451), new BigDecimal("0.5033")))));
    }

    @Test
    void cls04_growthFromZeroIsNotARatioAndRaisesNoFlag() {
        List<MonthlyFigures> figures = List.of(month("2016-01", "0", 0), month("2016-02", "10", 1),
                month("2016-03", "100", 2), month("2016-04", "1000", 3));

        assertThat(Screening.flags(figures, List.of(), THRESHOLDS)).isEmpty();
    }

    @Test
    void cls04_aCompositeYieldAboveTheLevelRaisesHighYield() {
        List<MonthlyFigures> figures = List.of(withYield("2016-01", "10.00"), withYield("2016-02", "10.01"),
                withYield("2016-03", null), withYield("2016-05", "18.5"));

        List<ScreeningFlag> flags = Screening.flags(figures, List.of(), THRESHOLDS);

        assertThat(flags).containsExactly(new ScreeningFlag(FlagCode.HIGH_YIELD, List.of(
                new HighYield(YearMonth.of(2016, 2), new BigDecimal("10.01")),
                new HighYield(YearMonth.of(2016, 5), new BigDecimal("18.50")))));
        assertThat(flags.get(0).describe()).isEqualTo("产品综合收益率过高：2016-02 综合收益率 10.01%；2016-05 综合收益率 18.50%");
    }

    @Test
    void cls04_activeBusinessTypeFindingsRaiseTheirFlagsWithTheFindingIds() {
        Finding withdrawn = finding("F-4", "CAMPUS_LENDING").withdraw("误登", "officer-33", "33", AT);
        List<Finding> findings = List.of(finding("F-3", "CASH_LOAN"), finding("F-2", "CAMPUS_LENDING"),
                finding("F-1", "CAMPUS_LENDING"), finding("F-5", "FUND_POOL"), withdrawn,
                finding("F-6", "HIGH_RETURN_PROMISE"));

        List<ScreeningFlag> flags = Screening.flags(List.of(), findings, THRESHOLDS);

        assertThat(flags).containsExactly(
                new ScreeningFlag(FlagCode.CAMPUS_LENDING,
                        List.of(new FindingRef("F-1", "CAMPUS_LENDING"), new FindingRef("F-2", "CAMPUS_LENDING"))),
                new ScreeningFlag(FlagCode.CASH_LOAN, List.of(new FindingRef("F-3", "CASH_LOAN"))),
                new ScreeningFlag(FlagCode.HIGH_RETURN_PROMISE, List.of(new FindingRef("F-6", "HIGH_RETURN_PROMISE"))));
    }

    @Test
    void cls04_noFiguresAndNoFindingsRaiseNothing() {
        assertThat(Screening.flags(List.of(), List.of(), THRESHOLDS)).isEmpty();
        assertThat(Screening.flags(null, null, THRESHOLDS)).isEmpty();
    }

    @Test
    void cls04_aPeriodGivenTwiceIsRefused() {
        List<MonthlyFigures> twice = List.of(month("2016-01", "1", 1), month("2016-01", "2", 1));

        assertThatThrownBy(() -> Screening.flags(twice, List.of(), THRESHOLDS))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.member()).isEqualTo("figures[1].period"));
    }

    @Test
    void cls04_thresholdsAndFiguresAreValidated() {
        assertThatThrownBy(() -> new ScreeningThresholds(0, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.TEN))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new ScreeningThresholds(3, BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.TEN))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.member()).isEqualTo("balanceGrowthRatio"));
        assertThatThrownBy(() -> new ScreeningThresholds(3, BigDecimal.ONE, new BigDecimal("0.00001"), BigDecimal.TEN))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new ScreeningThresholds(3, BigDecimal.ONE, BigDecimal.ONE, new BigDecimal("100.01")))
                .isInstanceOf(InvalidInputException.class);
        assertThat(THRESHOLDS.balanceGrowthRatio()).isEqualTo(new BigDecimal("0.5000"));
        assertThatThrownBy(() -> month("2016-01", "-1", 1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> month("2016-01", "1", -1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> month("2016-01", "1.001", 1)).isInstanceOf(InvalidInputException.class);
    }

    static MonthlyFigures month(String period, String balance, long lenders) {
        return new MonthlyFigures(YearMonth.parse(period), new BigDecimal(balance), lenders, 10,
                new BigDecimal("1000.00"), null);
    }

    private static MonthlyFigures withYield(String period, String yield) {
        return new MonthlyFigures(YearMonth.parse(period), new BigDecimal("1000000"), 100, 10, BigDecimal.ZERO,
                yield == null ? null : new BigDecimal(yield));
    }
}
