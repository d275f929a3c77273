package cn.p2psupervision.incident.watch;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.bulk.BulkWriteUpsert;
import org.bson.Document;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import cn.p2psupervision.platform.registryfeed.InstitutionDirectory;

/**
 * The alerts of off-site monitoring (collection {@value #COLLECTION}, INC-11), one document per institution, month and
 * metric ({@link Alert#idOf}). A scan raises the alerts it found in bulk, inserting only those not raised before, so
 * a re-scan neither repeats an alert nor touches its state; an alert is handled by a compare-and-set on its version.
 */
@Repository
class AlertStore {

    static final String COLLECTION = "monitoring_alerts";
    /** Writes per bulk request. */
    private static final int CHUNK = 1000;

    private final MongoTemplate mongo;

    AlertStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("institutionId", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state", Sort.Direction.ASC)
                .on("raisedAt", Sort.Direction.DESC));
    }

    Optional<Alert> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Alert.class, COLLECTION));
    }

    /**
     * Stores the alerts not stored yet, in bulk ({@value #CHUNK} a request, upserts that only set on insert); those
     * stored already stay as they are.
     *
     * @return the ids of the alerts newly stored
     */
    Set<String> raise(List<Alert> alerts) {
        Set<String> raised = new HashSet<>();
        for (int from = 0; from < alerts.size(); from += CHUNK) {
            List<Alert> chunk = alerts.subList(from, Math.min(from + CHUNK, alerts.size()));
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
            for (Alert alert : chunk) {
                Update insertOnly = new Update();
                document(alert).forEach((member, value) -> {
                    if (!member.equals("_id")) {
                        insertOnly.setOnInsert(member, value);
                    }
                });
                bulk.upsert(Query.query(Criteria.where("_id").is(alert.id())), insertOnly);
            }
            BulkWriteResult result = bulk.execute();
            for (BulkWriteUpsert upsert : result.getUpserts()) {
                raised.add(chunk.get(upsert.getIndex()).id());
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
