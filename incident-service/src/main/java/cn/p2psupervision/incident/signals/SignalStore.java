package cn.p2psupervision.incident.signals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The risk signals (collection {@value #COLLECTION}), one document each; a signal is linked to one event at most. */
@Repository
class SignalStore {

    static final String COLLECTION = "signals";
    /** How many signals a list reads before it filters them by the caller's scope. */
    static final int MAX_SCANNED = 5000;

    private final MongoTemplate mongo;

    SignalStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("institutionIds", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("agency", Sort.Direction.ASC).on("recordedAt",
                Sort.Direction.DESC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("recordedAt", Sort.Direction.DESC));
    }

    Signal insert(Signal signal) {
        mongo.insert(signal, COLLECTION);
        return signal;
    }

    Optional<Signal> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Signal.class, COLLECTION));
    }

    List<Signal> findAll(List<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)).with(Sort.by("recordedAt", "_id")), Signal.class,
                COLLECTION);
    }

    /**
     * Signals newest first: of any institution in {@code institutions} (null: all), of one institution, or not linked
     * to an event yet; at most {@value #MAX_SCANNED}.
     */
    List<Signal> recent(Set<String> institutions, String institutionId, Boolean linked) {
        List<Criteria> parts = new ArrayList<>();
        if (institutions != null) {
            parts.add(Criteria.where("institutionIds").in(institutions));
        }
        if (institutionId != null) {
            parts.add(Criteria.where("institutionIds").is(institutionId));
        }
        if (linked != null) {
            parts.add(linked ? Criteria.where("eventId").ne(null) : Criteria.where("eventId").is(null));
        }
        Criteria criteria = parts.isEmpty() ? new Criteria() : new Criteria().andOperator(parts);
        Query query = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "recordedAt").and(Sort.by("_id")))
                .limit(MAX_SCANNED);
        return mongo.find(query, Signal.class, COLLECTION);
    }

    /** The signals an agency posted, newest first. */
    List<Signal> postedBy(String agency, int page, int size) {
        Query query = Query.query(Criteria.where("agency").is(agency))
                .with(Sort.by(Sort.Direction.DESC, "recordedAt").and(Sort.by("_id"))).skip((long) page * size)
                .limit(size);
        return mongo.find(query, Signal.class, COLLECTION);
    }

    long countPostedBy(String agency) {
        return mongo.count(Query.query(Criteria.where("agency").is(agency)), COLLECTION);
    }

    /** Links the signal to {@code eventId} if it is linked to none; false when it is linked already. */
    boolean link(String signalId, String eventId) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(signalId).and("eventId").is(null)),
                new Update().set("eventId", eventId), COLLECTION).getModifiedCount() == 1;
    }

    /** Undoes {@link #link} (an event that could not be stored after all). */
    void unlink(String signalId, String eventId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(signalId).and("eventId").is(eventId)),
                new Update().unset("eventId"), COLLECTION);
    }
}
