package cn.p2psupervision.classification.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import cn.p2psupervision.classification.proposal.Category;
import cn.p2psupervision.platform.outbox.OutboxEntry;
import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.registryfeed.InstitutionDirectory;

/**
 * The decisions (collection {@value #COLLECTION}): one document per institution with its current decision, every
 * version before it and the outbox of the changes other contexts must make because of it (REG-08 status, the referral
 * to public security). A new version, its history and its outbox entries are one atomic write, compare-and-set on the
 * version: the decision never waits for another context, and never happens without its consequences.
 * <p>
 * Lists are read through a small key per decision (collection {@value #KEYS}: version, category, state, last change),
 * written just after the decision and checked against the decisions at every start ({@link #repairKeys}), so a list
 * never deserializes whole decisions with their history to filter and sort them. The embedded development store, which
 * serves only a query on {@code _id} alone from an index, took 1.6 s for a province's first page that way
 * (docs/performance.md).
 */
@Repository
public class DecisionStore {

    public static final String COLLECTION = "decisions";
    static final String KEYS = "decision_keys";

    private static final Logger log = LoggerFactory.getLogger(DecisionStore.class);

    private final MongoTemplate mongo;

    DecisionStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("updatedAt", Sort.Direction.DESC));
        repairKeys();
    }

    /**
     * A decision's list key: what its lists filter and sort on.
     *
     * @param version the decision's version the key was written from; a key is only ever replaced by a later one
     */
    record DecisionKey(@Id String institutionId, long version, Category category, DecisionState state,
                       Instant updatedAt) {

        static DecisionKey of(StoredDecision decision) {
            return new DecisionKey(decision.institutionId(), decision.version(), decision.current().category(),
                    decision.current().state(), decision.updatedAt());
        }
    }

    /**
     * Writes the key of every decision whose key is missing or behind it: decisions stored before the keys existed, or
     * whose key write failed after the decision's. Idempotent, so replicas starting together do no harm.
     *
     * @return how many keys were written
     */
    int repairKeys() {
        Query decisions = new Query();
        decisions.fields().include("version").include("current.category").include("current.state")
                .include("updatedAt");
        Map<String, Long> keyed = new HashMap<>();
        Query keys = new Query();
        keys.fields().include("version");
        for (Document key : mongo.find(keys, Document.class, KEYS)) {
            keyed.put(key.getString("_id"), ((Number) key.get("version")).longValue());
        }
        int written = 0;
        for (Document decision : mongo.find(decisions, Document.class, COLLECTION)) {
            long version = ((Number) decision.get("version")).longValue();
            Long known = keyed.get(decision.getString("_id"));
            if (known == null || known < version) {
                Document current = decision.get("current", Document.class);
                writeKey(new DecisionKey(decision.getString("_id"), version,
                        Category.valueOf(current.getString("category")),
                        DecisionState.valueOf(current.getString("state")),
                        decision.getDate("updatedAt") == null ? null : decision.getDate("updatedAt").toInstant()));
                written++;
            }
        }
        if (written > 0) {
            log.info("Wrote {} decision list keys missing or behind their decisions", written);
        }
        return written;
    }

    /** Stores {@code key} unless a key of the same or a later version is there already (a later write won the race). */
    private void writeKey(DecisionKey key) {
        Query older = Query.query(Criteria.where("_id").is(key.institutionId()).and("version").lt(key.version()));
        Update update = new Update().set("version", key.version()).set("category", key.category())
                .set("state", key.state()).set("updatedAt", key.updatedAt());
        try {
            mongo.upsert(older, update, KEYS);
        } catch (DuplicateKeyException sameOrLaterKept) {
            // the key is already at this version or a later one
        }
    }

    /** The key after a decision's write; a failure here is repaired at the next start and must not fail the write. */
    private void keyAfterWrite(StoredDecision written) {
        try {
            writeKey(DecisionKey.of(written));
        } catch (DataAccessException e) {
            log.error("Decision {} version {} is stored but its list key is not; lists may miss the change until the "
                    + "next start repairs it", written.institutionId(), written.version(), e);
        }
    }

    /**
     * @param registeredProvince the province the decision belongs to (from the projection when it was written)
     * @param outbox             deliveries to other contexts, with their state ({@link OutboxEntry})
     */
    public record StoredDecision(@Id String institutionId, String registeredProvince, long version, Decision current,
                                 List<Decision> versions, List<OutboxEntry> outbox, Instant updatedAt) {

        public StoredDecision {
            versions = versions == null ? List.of() : versions;
            outbox = outbox == null ? List.of() : outbox;
        }
    }

    public Optional<StoredDecision> find(String institutionId) {
        return Optional.ofNullable(mongo.findById(institutionId, StoredDecision.class, COLLECTION));
    }

    StoredDecision insert(Decision first, String registeredProvince, List<OutboxEntry> outbox, Instant at) {
        StoredDecision stored = new StoredDecision(first.institutionId(), registeredProvince, first.version(), first,
                List.of(first), outbox, at);
        try {
            mongo.insert(stored, COLLECTION);
        } catch (DuplicateKeyException recordedMeanwhile) {
            throw ProblemException.conflict("A decision on " + first.institutionId()
                    + " was recorded meanwhile; read it and send its ETag in If-Match");
        }
        keyAfterWrite(stored);
        return stored;
    }

    /** Stores {@code next} with new outbox entries if the decision is still at {@code stored}'s version; 412 otherwise. */
    StoredDecision replace(StoredDecision stored, Decision next, List<OutboxEntry> newEntries, Instant at) {
        Query unchanged = Query.query(Criteria.where("_id").is(stored.institutionId()).and("version")
                .is(stored.version()));
        Update update = new Update().set("version", next.version()).set("current", next).set("updatedAt", at)
                .push("versions", next);
        if (!newEntries.isEmpty()) {
            update.push(OutboxEntry.FIELD).each(newEntries.toArray());
        }
        if (mongo.updateFirst(unchanged, update, COLLECTION).getMatchedCount() == 0) {
            throw ProblemException.staleVersion(find(stored.institutionId()).map(StoredDecision::version)
                    .orElse(stored.version()));
        }
        List<Decision> versions = new ArrayList<>(stored.versions());
        versions.add(next);
        List<OutboxEntry> outbox = new ArrayList<>(stored.outbox());
        outbox.addAll(newEntries);
        StoredDecision written = new StoredDecision(stored.institutionId(), stored.registeredProvince(), next.version(),
                next, versions, outbox, at);
        keyAfterWrite(written);
        return written;
    }

    /**
     * A page of current decisions the caller may read, newest change first, without their history: the keys of the
     * readable decisions (all, or by {@code _id}), filtered, sorted and paged here, then the page's decisions.
     */
    public Page list(InstitutionDirectory.Readable readable, Category category, DecisionState state, int page,
                     int size) {
        if (readable.none()) {
            return new Page(List.of(), 0);
        }
        Query readableKeys = readable.all() ? new Query() : Query.query(Criteria.where("_id").in(readable.ids()));
        List<DecisionKey> matching = new ArrayList<>();
        for (DecisionKey key : mongo.find(readableKeys, DecisionKey.class, KEYS)) {
            if ((category == null || category == key.category()) && (state == null || state == key.state())) {
                matching.add(key);
            }
        }
        matching.sort(NEWEST_CHANGE_FIRST);
        List<String> pageIds = matching.stream().skip((long) page * size).limit(size)
                .map(DecisionKey::institutionId).toList();
        if (pageIds.isEmpty()) {
            return new Page(List.of(), matching.size());
        }
        Query content = Query.query(Criteria.where("_id").in(pageIds))
                .with(Sort.by(Sort.Direction.DESC, "updatedAt").and(Sort.by("_id")));
        content.fields().exclude("versions");
        return new Page(mongo.find(content, StoredDecision.class, COLLECTION), matching.size());
    }

    /** The list's order: the latest change first (none last), then by institution id. */
    private static final Comparator<DecisionKey> NEWEST_CHANGE_FIRST = Comparator
            .comparing(DecisionKey::updatedAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(DecisionKey::institutionId);

    /** Every decision's versions (statistics), one pass. */
    public List<StoredDecision> all() {
        Query query = new Query();
        query.fields().exclude("current").exclude(OutboxEntry.FIELD);
        return mongo.find(query, StoredDecision.class, COLLECTION);
    }

    public record Page(List<StoredDecision> content, long totalElements) {
    }
}
