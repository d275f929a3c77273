package cn.p2psupervision.registry.statistics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.security.Caller;
import cn.p2psupervision.registry.institution.InstitutionStatus;
import cn.p2psupervision.registry.institution.Province;

/**
 * REG-09/REG-10: counts and totals per province and nationally, from the figures kept on each file (no join with the
 * report series). National figures are central's; a province sees the institutions registered in it, plus how many
 * registered elsewhere operate in it (AUTH-02).
 */
@Service
public class StatisticsService {

    private final MongoTemplate mongo;
    private final Clock clock;

    public StatisticsService(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public Statistics compute(Caller caller, YearMonth asOf) {
        YearMonth period = asOf == null ? YearMonth.now(clock).minusMonths(1) : asOf;
        String figures = "figures." + period;
        Query query;
        if (caller.isCentral()) {
            query = new Query();
        } else if (caller.isProvincial()) {
            query = Query.query(new Criteria().orOperator(Criteria.where("registeredProvince").is(caller.province()),
                    Criteria.where("businessProvinces").is(caller.province())));
        } else {
            throw ProblemException.forbidden("Statistics are for the regulators");
        }
        query.fields().include("registeredProvince", "facts.status", "crossRegion", figures);
        Map<String, RegionalStatistics.Totals> byProvince = new TreeMap<>();
        long[] operatingHereRegisteredElsewhere = {0};
        try (var stream = mongo.stream(query, Document.class, "institutions")) {
            stream.forEach(file -> {
                String province = file.getString("registeredProvince");
                if (caller.isProvincial() && !caller.province().equals(province)) {
                    operatingHereRegisteredElsewhere[0]++;
                    return;
                }
                Document report = (Document) ((Document) file.getOrDefault("figures", new Document())).get(period.toString());
                InstitutionStatus status = InstitutionStatus.valueOf(((Document) file.get("facts")).getString("status"));
                byProvince.computeIfAbsent(province, p -> new RegionalStatistics.Totals())
                        .add(status, Boolean.TRUE.equals(file.getBoolean("crossRegion")),
                                report == null ? null : decimal(report.get("loanBalance")),
                                report == null ? 0 : number(report.get("lenders")), report != null);
            });
        }
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
