package cn.p2psupervision.registry.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;

import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.security.Caller;
import cn.p2psupervision.platform.security.ProvinceScope;
import cn.p2psupervision.registry.institution.InstitutionEntry;
import cn.p2psupervision.registry.institution.InstitutionStore;
import cn.p2psupervision.registry.institution.Province;
import cn.p2psupervision.registry.institution.ReportFigures;
import cn.p2psupervision.registry.report.ReportStore;

/**
 * REG-09/REG-10: counts and totals per province and nationally for a month, from the register lines and each file's
 * monthly figures (looked up by id in batches, never a join over the report revisions). Each institution counts with
 * its status at the end of that month; institutions established after it are not counted. National figures are central's; a province sees the institutions registered in it, plus how many
 * registered elsewhere operate in it (AUTH-02).
 */
@Service
public class StatisticsService {

    /** Files whose figures are looked up together. */
    private static final int BATCH = 500;

    private final InstitutionStore store;
    private final ReportStore reports;
    private final Clock clock;

    public StatisticsService(InstitutionStore store, ReportStore reports, Clock clock) {
        this.store = store;
        this.reports = reports;
        this.clock = clock;
    }

    public Statistics compute(Caller caller, YearMonth asOf) {
        YearMonth period = asOf == null ? YearMonth.now(clock).minusMonths(1) : asOf;
        ProvinceScope.ReadableRecords readable = ProvinceScope.readable(caller);
        if (readable.none()) {
            throw ProblemException.forbidden("Statistics are for the regulators");
        }
        LocalDate endOfPeriod = period.atEndOfMonth();
        Map<String, RegionalStatistics.Totals> byProvince = new TreeMap<>();
        long[] operatingHereRegisteredElsewhere = {0};
        List<InstitutionEntry> batch = new ArrayList<>(BATCH);
        try (Stream<InstitutionEntry> entries = store.streamEntries(readable)) {
            entries.filter(entry -> entry.existedOn(endOfPeriod)).forEach(entry -> {
                if (readable.province().filter(p -> !p.equals(entry.registeredProvince())).isPresent()) {
                    operatingHereRegisteredElsewhere[0]++;
                    return;
                }
                batch.add(entry);
                if (batch.size() == BATCH) {
                    addBatch(batch, period, byProvince);
                }
            });
        }
        addBatch(batch, period, byProvince);
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

    /**
     * Adds a batch of register lines, each with its status at the end of the period and its figures for the period
     * (one lookup by id per batch), then empties the batch.
     */
    private void addBatch(List<InstitutionEntry> batch, YearMonth period, Map<String, RegionalStatistics.Totals> byProvince) {
        if (batch.isEmpty()) {
            return;
        }
        Map<String, ReportFigures> figures = reports.figuresOf(batch.stream().map(InstitutionEntry::id).toList(),
                period.toString());
        for (InstitutionEntry entry : batch) {
            ReportFigures report = figures.get(entry.id());
            byProvince.computeIfAbsent(entry.registeredProvince(), p -> new RegionalStatistics.Totals())
                    .add(entry.statusOn(period.atEndOfMonth()), entry.crossRegion(),
                            report == null ? null : report.loanBalance(), report == null ? 0 : report.lenders(),
                            report != null);
        }
        batch.clear();
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
