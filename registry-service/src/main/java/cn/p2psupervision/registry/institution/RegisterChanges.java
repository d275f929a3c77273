package cn.p2psupervision.registry.institution;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The register's commit sequence, shared by every registry replica through the database: each change to what lists,
 * counts, groups and statistics read (a file's register line, its report figures) advances a counter
 * ({@code register_sequence}) and leaves one entry {@code {_id: sequence, institutionIds}} in {@code register_changes}.
 * A replica that has seen sequence N reads entries N+1.. by {@code _id} (an index lookup on MongoDB and on the
 * embedded server alike) and refreshes just the files they name ({@link RegisterView}).
 *
 * <p>The change is recorded after the line is written and before the write is acknowledged, so the writer's next read,
 * on any replica, sees it (read-your-writes).
 */
@Repository
public class RegisterChanges {

    static final String SEQUENCE = "register_sequence";
    static final String CHANGES = "register_changes";
    private static final String COUNTER = "register";

    private final MongoTemplate mongo;
    private final ThreadLocal<Set<String>> deferred = new ThreadLocal<>();

    public RegisterChanges(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Records that the register changed for {@code institutionId}; on a thread that {@linkplain #defer defers}, the
     * change is collected and recorded with the others of its batch.
     */
    public void record(String institutionId) {
        Set<String> batch = deferred.get();
        if (batch != null) {
            batch.add(institutionId);
        } else {
            append(List.of(institutionId), false);
        }
    }

    /**
     * From now on, this thread's changes are collected and recorded as one entry per {@link #publishDeferred} (a bulk
     * import publishes its rows per batch instead of paying two writes per row).
     */
    public void defer() {
        deferred.set(new LinkedHashSet<>());
    }

    /** Records the changes this thread collected, as one entry. */
    public void publishDeferred() {
        Set<String> batch = deferred.get();
        if (batch != null && !batch.isEmpty()) {
            append(List.copyOf(batch), false);
            batch.clear();
        }
    }

    /** Publishes what is collected and ends deferring on this thread. */
    public void stopDeferring() {
        try {
            publishDeferred();
        } finally {
            deferred.remove();
        }
    }

    /**
     * Tells every replica to reload its whole copy: after an interruption that may have left changes unrecorded (a
     * bulk import stopped by a restart between two batches).
     */
    public void recordReload() {
        append(List.of(), true);
    }

    private long append(List<String> institutionIds, boolean reload) {
        Document counter = mongo.findAndModify(Query.query(Criteria.where("_id").is(COUNTER)),
                new Update().inc("seq", 1L), FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class, SEQUENCE);
        long seq = ((Number) counter.get("seq")).longValue();
        mongo.insert(new Document("_id", seq).append("institutionIds", institutionIds).append("reload", reload),
                CHANGES);
        return seq;
    }

    /** The latest sequence number (0 before the first change). */
    public long current() {
        Query query = Query.query(Criteria.where("_id").is(COUNTER));
        query.fields().include("seq");
        Document counter = mongo.findOne(query, Document.class, SEQUENCE);
        return counter == null ? 0 : ((Number) counter.get("seq")).longValue();
    }

    /**
     * The changes numbered {@code from} to {@code to}, in order, as far as they are recorded: an entry whose counter
     * was advanced but whose record is not written yet is missing (the caller stops before it).
     */
    public List<Change> between(long from, long to) {
        List<Long> ids = new ArrayList<>();
        for (long seq = from; seq <= to; seq++) {
            ids.add(seq);
        }
        List<Change> changes = new ArrayList<>();
        for (Document entry : mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, CHANGES)) {
            changes.add(new Change(((Number) entry.get("_id")).longValue(), entry.getList("institutionIds", String.class),
                    Boolean.TRUE.equals(entry.getBoolean("reload"))));
        }
        changes.sort(java.util.Comparator.comparingLong(Change::seq));
        return changes;
    }

    /**
     * One entry of the sequence: the register changed for these institutions, or (reload) for any of them.
     */
    public record Change(long seq, List<String> institutionIds, boolean reload) {
    }
}
