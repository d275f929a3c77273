package cn.p2psupervision.registry.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import cn.p2psupervision.registry.institution.ReportFigures;

/**
 * Persistence of operating reports (REG-03): every revision in {@code operating_reports} (id
 * {@code <institution>:<period>:<revision>}, so each revision is inserted once), and each file's monthly series of
 * headline figures in {@code report_figures} (one document per file, a member per period, the latest revision's), which
 * statistics read by id without touching the revisions. Every access is by {@code _id}.
 */
@Repository
public class ReportStore {

    static final String REPORTS = "operating_reports";
    static final String FIGURES = "report_figures";

    private final MongoTemplate mongo;

    public ReportStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Inserts a revision; a revision taken meanwhile is a {@code DuplicateKeyException}. */
    void insert(OperatingReport report) {
        mongo.insert(report, REPORTS);
    }

    OperatingReport revision(String institutionId, String period, int revision) {
        return mongo.findById(OperatingReport.idOf(institutionId, period, revision), OperatingReport.class, REPORTS);
    }

    /** The latest revision of a period, or null. */
    OperatingReport latestRevision(String institutionId, String period) {
        OperatingReport latest = null;
        for (int revision = 1; ; revision++) {
            OperatingReport report = revision(institutionId, period, revision);
            if (report == null) {
                return latest;
            }
            latest = report;
        }
    }

    /** Records a revision's figures as its period's member of the file's series (idempotent). */
    void recordFigures(String institutionId, ReportFigures figures) {
        Document value = new Document();
        mongo.getConverter().write(figures, value);
        value.remove("_class");
        mongo.upsert(Query.query(Criteria.where("_id").is(institutionId)),
                new Update().set("figures." + figures.period(), value), FIGURES);
    }

    /** A file's series by period ({@code yyyy-MM}), each the latest revision's figures. */
    Map<String, ReportFigures> series(String institutionId) {
        Document series = mongo.findById(institutionId, Document.class, FIGURES);
        Map<String, ReportFigures> byPeriod = new TreeMap<>();
        if (series != null && series.get("figures") instanceof Document figures) {
            figures.forEach((period, value) -> byPeriod.put(period, read((Document) value)));
        }
        return byPeriod;
    }

    /** REG-09: the figures of one period for each of {@code ids} that has them, by id (one lookup for all). */
    public Map<String, ReportFigures> figuresOf(List<String> ids, String period) {
        Query query = Query.query(Criteria.where("_id").in(ids));
        query.fields().include("figures." + period);
        Map<String, ReportFigures> byId = new HashMap<>();
        for (Document series : mongo.find(query, Document.class, FIGURES)) {
            if (series.get("figures") instanceof Document figures && figures.get(period) instanceof Document value) {
                byId.put(series.getString("_id"), read(value));
            }
        }
        return byId;
    }

    /**
     * REG-03 in bulk (the incident context's scans, INC-10/INC-11): the series of each of {@code ids} that has
     * figures, in id order, each month the latest revision's figures, the oldest first. One {@code _id $in} lookup,
     * served by the {@code _id} index on MongoDB and on the embedded development server alike (a range of
     * {@code _id} is not: the embedded server scans and sorts every series for it).
     */
    List<FiguresBatch.InstitutionFigures> seriesOf(Collection<String> ids) {
        List<FiguresBatch.InstitutionFigures> items = new ArrayList<>(ids.size());
        for (Document series : mongo.find(Query.query(Criteria.where("_id").in(ids)).with(Sort.by("_id")),
                Document.class, FIGURES)) {
            items.add(new FiguresBatch.InstitutionFigures(series.getString("_id"), months(series)));
        }
        return items;
    }

    /**
     * A file's months, the oldest first, read straight from the stored values (a page holds up to 1,000 files of
     * dozens of months each: no mapping layer per month).
     */
    private static List<FiguresBatch.MonthFigures> months(Document series) {
        if (!(series.get("figures") instanceof Document figures)) {
            return List.of();
        }
        List<FiguresBatch.MonthFigures> months = new ArrayList<>(figures.size());
        new TreeMap<>(figures).forEach((period, value) -> {
            if (value instanceof Document month) {
                months.add(new FiguresBatch.MonthFigures(period, decimal(month.get("loanBalance")),
                        count(month.get("lenders")), count(month.get("borrowers")), decimal(month.get("newLending")),
                        decimal(month.get("overdueRate"))));
            }
        });
        return months;
    }

    private static BigDecimal decimal(Object stored) {
        if (stored instanceof Decimal128 decimal) {
            return decimal.bigDecimalValue();
        }
        if (stored instanceof BigDecimal decimal) {
            return decimal;
        }
        if (stored instanceof Number || stored instanceof String) {
            return new BigDecimal(stored.toString());
        }
        return null;
    }

    private static long count(Object stored) {
        return stored instanceof Number number ? number.longValue() : 0;
    }

    private ReportFigures read(Document value) {
        return mongo.getConverter().read(ReportFigures.class, value);
    }
}
