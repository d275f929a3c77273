package cn.p2psupervision.classification.screening;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import cn.p2psupervision.classification.finding.Finding;
import cn.p2psupervision.platform.problem.InvalidInputException;

/**
 * CLS-04: the key screening (重点排查) as a pure, deterministic function of an institution's monthly figures and its
 * active findings. The same inputs in any order give equal flags.
 *
 * <ul>
 * <li><b>Rapid expansion</b> (业务扩张过快): for every window of {@code expansionWindowMonths} consecutive months
 * in the figures given — from a month {@code m} to {@code m + window}, every month in between reported — the loan
 * balance (or the number of lenders) grows by more than the threshold ratio: {@code to − from > from × ratio},
 * compared exactly. A window with a missing month raises no flag, whatever its ends show: growth is measured on
 * complete windows only. A window that starts from zero raises no flag either (growth from nothing is not a ratio).
 * The caller chooses how much history to pass.</li>
 * <li><b>High yield</b> (承诺高额回报 from the figures): a month whose highest composite yield exceeds the threshold
 * percent.</li>
 * <li><b>Business types</b>: one flag per business type of the catalogue (校园贷, 现金贷, 房地产配资/首付贷, 在媒体过度宣传,
 * 承诺高额回报) that has active findings, naming them. Withdrawn findings are ignored.</li>
 * </ul>
 */
public final class Screening {

    private static final int RATIO_DECIMALS = 4;

    private Screening() {
    }

    /** The flags raised, ordered by {@link FlagCode}; each flag's evidence sorted. */
    public static List<ScreeningFlag> flags(List<MonthlyFigures> figures, List<Finding> active,
                                            ScreeningThresholds thresholds) {
        if (thresholds == null) {
            throw new IllegalArgumentException("thresholds are required");
        }
        NavigableMap<YearMonth, MonthlyFigures> byPeriod = byPeriod(figures);
        Map<FlagCode, List<FlagEvidence>> raised = new EnumMap<>(FlagCode.class);

        for (YearMonth from : byPeriod.keySet()) {
            YearMonth to = from.plusMonths(thresholds.expansionWindowMonths());
            if (!complete(byPeriod, from, to)) {
                continue;
            }
            growth(byPeriod, from, to, MonthlyFigures::loanBalance, thresholds.balanceGrowthRatio())
                    .ifPresent(g -> add(raised, FlagCode.RAPID_EXPANSION_BALANCE, g));
            growth(byPeriod, from, to, f -> BigDecimal.valueOf(f.lenders()), thresholds.lenderGrowthRatio())
                    .ifPresent(g -> add(raised, FlagCode.RAPID_EXPANSION_LENDERS, g));
        }
        for (MonthlyFigures month : byPeriod.values()) {
            if (month.compositeYield() != null
                    && month.compositeYield().compareTo(thresholds.compositeYieldPercent()) > 0) {
                add(raised, FlagCode.HIGH_YIELD, new FlagEvidence.HighYield(month.period(), month.compositeYield()));
            }
        }
        for (Finding finding : active == null ? List.<Finding>of() : active) {
            if (finding.isActive()) {
                FlagCode.forBusinessType(finding.problemCode()).ifPresent(code -> add(raised, code,
                        new FlagEvidence.FindingRef(finding.id(), finding.problemCode())));
            }
        }
        List<ScreeningFlag> flags = new ArrayList<>();
        raised.forEach((code, evidence) -> flags.add(new ScreeningFlag(code, evidence)));
        return List.copyOf(flags);
    }

    private static NavigableMap<YearMonth, MonthlyFigures> byPeriod(List<MonthlyFigures> figures) {
        NavigableMap<YearMonth, MonthlyFigures> byPeriod = new TreeMap<>();
        if (figures == null) {
            return byPeriod;
        }
        for (int i = 0; i < figures.size(); i++) {
            MonthlyFigures month = figures.get(i);
            if (byPeriod.putIfAbsent(month.period(), month) != null) {
                throw new InvalidInputException("figures[" + i + "].period", "must appear once: " + month.period()
                        + " is given twice (pass the latest revision of each period)", "CLS-04");
            }
        }
        return byPeriod;
    }

    private static boolean complete(NavigableMap<YearMonth, MonthlyFigures> byPeriod, YearMonth from, YearMonth to) {
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            if (!byPeriod.containsKey(month)) {
                return false;
            }
        }
        return true;
    }

    private static Optional<FlagEvidence.Growth> growth(NavigableMap<YearMonth, MonthlyFigures> byPeriod,
                                                                 YearMonth from, YearMonth to,
                                                                 Function<MonthlyFigures, BigDecimal> measure,
                                                                 BigDecimal threshold) {
        BigDecimal start = measure.apply(byPeriod.get(from));
        BigDecimal end = measure.apply(byPeriod.get(to));
        if (start.signum() <= 0 || end.subtract(start).compareTo(start.multiply(threshold)) <= 0) {
            return Optional.empty();
        }
        BigDecimal ratio = end.subtract(start).divide(start, RATIO_DECIMALS, RoundingMode.HALF_UP);
        return Optional.of(new FlagEvidence.Growth(from, to, start, end, ratio));
    }

    private static void add(Map<FlagCode, List<FlagEvidence>> raised, FlagCode code, FlagEvidence evidence) {
        raised.computeIfAbsent(code, c -> new ArrayList<>()).add(evidence);
    }
}
