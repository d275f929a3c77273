package cn.p2psupervision.incident.watch;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.mongodb.bulk.BulkWriteError;
import org.bson.Document;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import cn.p2psupervision.platform.registryfeed.InstitutionDirectory;

/**
 * The alerts of off-site monitoring (collection {@value #COLLECTION}, INC-11), one document per institution, month and
 * metric ({@link Alert#idOf}). A scan raises the alerts it found in bulk, inserting only those not raised before, so
 * a re-scan neither repeats an alert nor touches its state (and writes nothing for the alerts it finds again); an
 * alert is handled by a compare-and-set on its version.
 */
@Repository
class AlertStore {

    static final String COLLECTION = "monitoring_alerts";
    /** Writes per bulk request. */
    private static final int CHUNK = 1000;
    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;

    AlertStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("institutionId", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("period", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state", Sort.Direction.ASC)
                .on("raisedAt", Sort.Direction.DESC));
    }

    Optional<Alert> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Alert.class, COLLECTION));
    }

    /**
     * Stores the alerts not stored yet; those stored already stay as they are (their state too). One read of the ids
     * stored for the months of {@code alerts}, then the new ones inserted in bulk ({@value #CHUNK} a request); one
     * stored meanwhile (by a scan that outlived its lock) is left as it is.
     *
     * @return the ids of the alerts newly stored
     */
    Set<String> raise(List<Alert> alerts) {
        if (alerts.isEmpty()) {
            return Set.of();
        }
        Query months = Query.query(Criteria.where("period").in(alerts.stream().map(Alert::period)
                .collect(Collectors.toSet())));
        months.fields().include("_id");
        Set<String> stored = new HashSet<>();
        for (Document alert : mongo.find(months, Document.class, COLLECTION)) {
            stored.add(alert.getString("_id"));
        }
        List<Alert> fresh = alerts.stream().filter(alert -> !stored.contains(alert.id())).toList();
        Set<String> raised = new HashSet<>();
        for (int from = 0; from < fresh.size(); from += CHUNK) {
            List<Alert> chunk = fresh.subList(from, Math.min(from + CHUNK, fresh.size()));
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
            chunk.forEach(alert -> bulk.insert(document(alert)));
            Set<Integer> failed = new HashSet<>();
            try {
                bulk.execute();
            } catch (BulkOperationException some) {
                for (BulkWriteError error : some.getErrors()) {
                    if (error.getCode() != DUPLICATE_KEY) {
                        throw some;
                    }
                    failed.add(error.getIndex());
                }
            }
            for (int i = 0; i < chunk.size(); i++) {
                if (!failed.contains(i)) {
                    raised.add(chunk.get(i).id());
                }
            }
        }
        return raised;
    }

    /** Stores {@code handled} if the alert is still open at {@code stored}'s version; false otherwise. */
    boolean replace(Alert stored, Alert handled) {
        Query unchanged = Query.query(Criteria.where("_id").is(stored.id()).and("version").is(stored.version())
                .and("state").is(AlertState.OPEN.name()));
        return mongo.replace(unchanged, document(handled), COLLECTION).getMatchedCount() == 1;
    }

    /** A page of the alerts the caller may read, in {@code state} (null: any), the latest raised first. */
    Page list(InstitutionDirectory.Readable readable, AlertState state, int page, int size) {
        if (readable.none()) {
            return new Page(List.of(), 0);
        }
        Criteria criteria = readable.all() ? new Criteria() : Criteria.where("institutionId").in(readable.ids());
        if (state != null) {
            criteria = criteria.and("state").is(state.name());
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, COLLECTION);
        query.with(Sort.by(Sort.Direction.DESC, "raisedAt").and(Sort.by("_id"))).skip((long) page * size)
                .limit(size);
        return new Page(mongo.find(query, Alert.class, COLLECTION), total);
    }

    private Document document(Alert alert) {
        Document document = new Document();
        mongo.getConverter().write(alert, document);
        document.remove("_class");
        return document;
    }

    record Page(List<Alert> content, long totalElements) {
    }
}
