package cn.p2psupervision.registry.statistics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.security.Caller;
import cn.p2psupervision.registry.institution.InstitutionStatus;
import cn.p2psupervision.registry.institution.InstitutionStore;
import cn.p2psupervision.registry.institution.Province;

/**
 * REG-09/REG-10: counts and totals per province and nationally, from the register lines and each file's monthly
 * figures (looked up by id in batches, never a join over the report revisions). National figures are central's; a province sees the institutions registered in it, plus how many
 * registered elsewhere operate in it (AUTH-02).
 */
@Service
public class StatisticsService {

    /** Files whose figures are looked up together. */
    private static final int BATCH = 500;

    private final InstitutionStore store;
    private final Clock clock;

    public StatisticsService(InstitutionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Statistics compute(Caller caller, YearMonth asOf) {
        YearMonth period = asOf == null ? YearMonth.now(clock).minusMonths(1) : asOf;
        Query query;
        if (caller.isCentral()) {
            query = new Query();
        } else if (caller.isProvincial()) {
            query = Query.query(new Criteria().orOperator(Criteria.where("registeredProvince").is(caller.province()),
                    Criteria.where("businessProvinces").is(caller.province())));
        } else {
            throw ProblemException.forbidden("Statistics are for the regulators");
        }
        query.fields().include("registeredProvince", "status", "crossRegion");
        Map<String, RegionalStatistics.Totals> byProvince = new TreeMap<>();
        long[] operatingHereRegisteredElsewhere = {0};
        List<Document> batch = new ArrayList<>(BATCH);
        try (Stream<Document> entries = store.streamEntries(query)) {
            entries.forEach(entry -> {
                if (caller.isProvincial() && !caller.province().equals(entry.getString("registeredProvince"))) {
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
        if (caller.isCentral()) {
            RegionalStatistics.Totals national = new RegionalStatistics.Totals();
            byProvince.values().forEach(national::addAll);
            return new Statistics(period.toString(), "NATIONAL", national.view(), rows, null);
        }
        return new Statistics(period.toString(), "PROVINCE", null, rows, operatingHereRegisteredElsewhere[0]);
    }

    /** Adds a batch of register lines with their figures for {@code period} (one lookup by id per batch), then empties it. */
    private void addBatch(List<Document> batch, YearMonth period, Map<String, RegionalStatistics.Totals> byProvince) {
        if (batch.isEmpty()) {
            return;
        }
        Map<String, Document> figures = store.figuresOf(batch.stream().map(e -> e.getString("_id")).toList(),
                period.toString());
        for (Document entry : batch) {
            Document report = figures.get(entry.getString("_id"));
            byProvince.computeIfAbsent(entry.getString("registeredProvince"), p -> new RegionalStatistics.Totals())
                    .add(InstitutionStatus.valueOf(entry.getString("status")),
                            Boolean.TRUE.equals(entry.getBoolean("crossRegion")),
                            report == null ? null : decimal(report.get("loanBalance")),
                            report == null ? 0 : number(report.get("lenders")), report != null);
        }
        batch.clear();
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof Decimal128 decimal) {
            return decimal.bigDecimalValue();
        }
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
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
