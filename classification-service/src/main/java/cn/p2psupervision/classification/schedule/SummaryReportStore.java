package cn.p2psupervision.classification.schedule;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The provinces' summary reports (collection {@value #COLLECTION}): one document per province ({@code _id} its code)
 * holding the current version, its number, when the first version was filed and every version oldest first, so that
 * a new version and its history are one atomic write, compare-and-set on the version (CLS-10).
 */
@Repository
public class SummaryReportStore {

    static final String COLLECTION = "summary_reports";

    private final MongoTemplate mongo;

    SummaryReportStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A province's report with all its versions, oldest first; {@code current} is the last. */
    public record StoredReport(@Id String id, long version, Instant firstFiledAt, SummaryReport current,
                               List<SummaryReport> versions) {
    }

    /** A province's report with all its versions; empty when none was filed. */
    Optional<StoredReport> find(String province) {
        return Optional.ofNullable(mongo.findById(province, StoredReport.class, COLLECTION));
    }

    /** When each province that filed filed its first version, by province code (one pass, no report text read). */
    Map<String, Instant> firstFilings() {
        Query query = new Query();
        query.fields().include("firstFiledAt");
        Map<String, Instant> filed = new HashMap<>();
        for (Document report : mongo.find(query, Document.class, COLLECTION)) {
            if (report.get("firstFiledAt") instanceof Date at) {
                filed.put(report.getString("_id"), at.toInstant());
            }
        }
        return filed;
    }

    /**
     * Stores a province's first version.
     *
     * @return false when the province's report was filed meanwhile
     */
    boolean insert(SummaryReport first) {
        try {
            mongo.insert(toDocument(new StoredReport(first.province(), first.version(), first.filedAt(), first,
                    List.of(first))), COLLECTION);
            return true;
        } catch (DuplicateKeyException filedMeanwhile) {
            return false;
        }
    }

    /**
     * Makes {@code next} the province's current version and appends it to the history, if the stored version is still
     * the one before it (compare-and-set, one atomic write).
     *
     * @return false when another filing took that version first
     */
    boolean append(SummaryReport next) {
        Document version = toDocument(next);
        Query unchanged = Query.query(Criteria.where("_id").is(next.province()).and("version").is(next.version() - 1));
        Update update = new Update().set("version", next.version()).set("current", version).push("versions", version);
        return mongo.updateFirst(unchanged, update, COLLECTION).getMatchedCount() == 1;
    }

    private Document toDocument(Object value) {
        Document document = new Document();
        mongo.getConverter().write(value, document);
        document.remove("_class");
        return document;
    }
}
