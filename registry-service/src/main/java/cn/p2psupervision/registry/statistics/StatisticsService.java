package cn.p2psupervision.registry.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;

import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.security.Caller;
import cn.p2psupervision.platform.security.ProvinceScope;
import cn.p2psupervision.registry.institution.RegisterView;
import cn.p2psupervision.platform.province.Province;
import cn.p2psupervision.registry.institution.ReportFigures;

/**
 * REG-09/REG-10: counts and totals per province and nationally for a month, from this replica's copy of the register
 * lines ({@link RegisterView}) and of the month's figures ({@link PeriodFigures}); an answer is kept per scope and
 * month until the register changes, and after a change recomputed in memory from what changed. Each institution counts with
 * its status at the end of that month; institutions established after it are not counted. National figures are central's; a province sees the institutions registered in it, plus how many
 * registered elsewhere operate in it (AUTH-02).
 */
@Service
public class StatisticsService {

    /** Answers kept per scope and period, each valid for one snapshot of the register. */
    private static final int ANSWERS = 128;

    private final RegisterView register;
    private final PeriodFigures figures;
    private final Clock clock;
    private final Map<AnswerKey, Answer> answers = new ConcurrentHashMap<>();

    public StatisticsService(RegisterView register, PeriodFigures figures, Clock clock) {
        this.register = register;
        this.figures = figures;
        this.clock = clock;
    }

    /** The month statistics are for: {@code asOf}, or last month by the domain clock. */
    public YearMonth periodOf(YearMonth asOf) {
        return asOf == null ? YearMonth.now(clock).minusMonths(1) : asOf;
    }

    public Statistics compute(Caller caller, YearMonth asOf) {
        return compute(caller, asOf, register.current());
    }

    /** REG-09/REG-10: the statistics of the caller's scope as of {@code asOf}, from {@code snapshot}. */
    public Statistics compute(Caller caller, YearMonth asOf, RegisterView.Snapshot snapshot) {
        YearMonth period = periodOf(asOf);
        ProvinceScope.ReadableRecords readable = ProvinceScope.readable(caller);
        if (readable.none()) {
            throw ProblemException.forbidden("Statistics are for the regulators");
        }
        AnswerKey key = new AnswerKey(readable, period);
        Answer known = answers.get(key);
        if (known != null && known.position() == snapshot.position()) {
            return known.statistics();
        }
        Statistics statistics = compute(readable, period, snapshot);
        if (answers.size() >= ANSWERS) {
            answers.clear();
        }
        answers.put(key, new Answer(snapshot.position(), statistics));
        return statistics;
    }

    private Statistics compute(ProvinceScope.ReadableRecords readable, YearMonth period, RegisterView.Snapshot snapshot) {
        LocalDate endOfPeriod = period.atEndOfMonth();
        Map<String, ReportFigures> ofPeriod = figures.of(period.toString(), snapshot);
        Map<String, RegionalStatistics.Totals> byProvince = new TreeMap<>();
        long[] operatingHereRegisteredElsewhere = {0};
        snapshot.readable(readable).filter(entry -> entry.existedOn(endOfPeriod)).forEach(entry -> {
            if (readable.province().filter(p -> !p.equals(entry.registeredProvince())).isPresent()) {
                operatingHereRegisteredElsewhere[0]++;
                return;
            }
            ReportFigures report = ofPeriod.get(entry.id());
            byProvince.computeIfAbsent(entry.registeredProvince(), p -> new RegionalStatistics.Totals())
                    .add(entry.statusOn(endOfPeriod), entry.crossRegion(),
                            report == null ? null : report.loanBalance(), report == null ? 0 : report.lenders(),
                            report != null);
        });
        List<ProvinceRow> rows = byProvince.entrySet().stream()
                .map(e -> new ProvinceRow(e.getKey(), Province.ofCode(e.getKey()).map(Province::englishName).orElse(null),
                        e.getValue().view()))
                .toList();
        if (readable.all()) {
            RegionalStatistics.Totals national = new RegionalStatistics.Totals();
            byProvince.values().forEach(national::addAll);
            return new Statistics(period.toString(), "NATIONAL", national.view(), rows, null);
        }
        return new Statistics(period.toString(), "PROVINCE", null, rows, operatingHereRegisteredElsewhere[0]);
    }

    private record AnswerKey(ProvinceScope.ReadableRecords readable, YearMonth period) {
    }

    private record Answer(long position, Statistics statistics) {
    }

    /**
     * @param national                        national totals (central only)
     * @param provinces                       one row per province, keyed by GB/T 2260 code
     * @param operatingHereRegisteredElsewhere for a province: files registered elsewhere with a business place here
     */
    public record Statistics(String asOf, String scope, RegionalStatistics.TotalsView national,
                             List<ProvinceRow> provinces, Long operatingHereRegisteredElsewhere) {
    }

    public record ProvinceRow(String province, String name, RegionalStatistics.TotalsView totals) {
    }
}
