package cn.p2psupervision.classification.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** CLS-04 as properties over any run of monthly figures, with or without gaps. */
class ScreeningPropertiesTest {

    @Property
    void cls04_theSameFiguresInAnyOrderGiveEqualFlags(@ForAll("months") List<MonthlyFigures> figures,
                                                     @ForAll Random random) {
        List<MonthlyFigures> shuffled = new ArrayList<>(figures);
        Collections.shuffle(shuffled, random);

        assertThat(Screening.flags(shuffled, List.of(), ScreeningTest.THRESHOLDS))
                .isEqualTo(Screening.flags(figures, List.of(), ScreeningTest.THRESHOLDS));
    }

    @Property
    void cls04_expansionIsOnlyMeasuredOverWindowsWithEveryMonthReported(
            @ForAll("months") List<MonthlyFigures> figures) {
        Set<YearMonth> reported = figures.stream().map(MonthlyFigures::period).collect(Collectors.toSet());

        for (ScreeningFlag flag : Screening.flags(figures, List.of(), ScreeningTest.THRESHOLDS)) {
            for (FlagEvidence evidence : flag.evidence()) {
                if (evidence instanceof FlagEvidence.Growth growth) {
                    assertThat(growth.to()).isEqualTo(growth.from().plusMonths(3));
                    for (YearMonth m = growth.from(); !m.isAfter(growth.to()); m = m.plusMonths(1)) {
                        assertThat(reported).contains(m);
                    }
                    assertThat(growth.toValue().subtract(growth.fromValue()))
                            .isGreaterThan(growth.fromValue().multiply(new BigDecimal("0.50")));
                }
            }
        }
    }

    /** The 24 months from 2015-01, each reported or not (one in five left out), with balances and lenders that jump. */
    @Provide
    Arbitrary<List<MonthlyFigures>> months() {
        Arbitrary<BigDecimal> balances = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("5000000"))
                .ofScale(2);
        Arbitrary<Long> lenders = Arbitraries.longs().between(0, 2000);
        Arbitrary<Boolean> reported = Arbitraries.integers().between(0, 4).map(n -> n > 0);
        return Combinators.combine(balances, lenders, reported).as(Slot::new).list().ofSize(24).map(slots -> {
            List<MonthlyFigures> figures = new ArrayList<>();
            for (int i = 0; i < slots.size(); i++) {
                Slot slot = slots.get(i);
                if (slot.reported()) {
                    figures.add(new MonthlyFigures(YearMonth.of(2015, 1).plusMonths(i), slot.balance(),
                            slot.lenders(), 0, BigDecimal.ZERO, null));
                }
            }
            return figures;
        });
    }

    private record Slot(BigDecimal balance, long lenders, boolean reported) {
    }
}
