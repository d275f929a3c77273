package cn.p2psupervision.classification.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
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
     * A decision's key: what its lists filter and sort on, and its history as the statistics need it.
     *
     * @param version the decision's version the key was written from; a key is only ever replaced by a later one
     * @param steps   every version's state, category, time and whether its proposal raised a flag, oldest first
     */
    record DecisionKey(@Id String institutionId, long version, Category category, DecisionState state,
                       Instant updatedAt, List<Step> steps) {

        static DecisionKey of(StoredDecision decision) {
            return new DecisionKey(decision.institutionId(), decision.version(), decision.current().category(),
                    decision.current().state(), decision.updatedAt(), decision.versions().stream().map(Step::of)
                    .toList());
        }
    }

    /**
     * A version of a decision as the statistics (CLS-09) need it.
     *
     * @param at      when it took effect: approved, reopened, otherwise recorded
     * @param flagged whether its proposal raised at least one screening flag (CLS-04)
     */
    public record Step(Instant at, DecisionState state, Category category, boolean flagged) {

        static Step of(Decision version) {
            Instant at = switch (version.state()) {
                case APPROVED -> version.approvedAt();
                case REOPENED -> version.reopenedAt();
                default -> version.recordedAt();
            };
            return new Step(at, version.state(), version.category(),
                    version.proposal() != null && !version.proposal().flags().isEmpty());
        }
    }

    /**
     * Writes the key of every decision whose key is missing or behind it: decisions stored before the keys existed, or
     * whose key write failed after the decision's. Idempotent, so replicas starting together do no harm.
     *
     * @return how many keys were written
     */
    int repairKeys() {
        Map<String, Long> keyed = new HashMap<>();
        Query keys = Query.query(Criteria.where("steps").exists(true));
        keys.fields().include("version");
        for (Document key : mongo.find(keys, Document.class, KEYS)) {
            keyed.put(key.getString("_id"), ((Number) key.get("version")).longValue());
        }
        Query versions = new Query();
        versions.fields().include("version");
        int written = 0;
        for (Document decision : mongo.find(versions, Document.class, COLLECTION)) {
            Long known = keyed.get(decision.getString("_id"));
            if (known == null || known < ((Number) decision.get("version")).longValue()) {
                find(decision.getString("_id")).ifPresent(behind -> writeKey(DecisionKey.of(behind)));
                written++;
            }
        }
        if (written > 0) {
            log.info("Wrote {} decision keys missing or behind their decisions", written);
        }
        return written;
    }

    /** Stores {@code key} unless a key of the same or a later version is there already (a later write won the race). */
    private void writeKey(DecisionKey key) {
        Query olderOrWithoutSteps = Query.query(Criteria.where("_id").is(key.institutionId()).orOperator(
                Criteria.where("version").lt(key.version()), Criteria.where("steps").exists(false)));
        Update update = new Update().set("version", key.version()).set("category", key.category())
                .set("state", key.state()).set("updatedAt", key.updatedAt()).set("steps", key.steps());
        try {
            mongo.upsert(olderOrWithoutSteps, update, KEYS);
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
     * A page of current decisions the caller may read, newest change first, without their history: every key, read in
     * one pass, filtered by scope, category and state, sorted and paged here; then the page's decisions. One pass over
     * the small keys (a few hundred kilobytes for 10,000 decisions) beats looking up a province's ids one by one: the
     * embedded store's {@code _id} lookups cost about 0.2 ms each, 0.5 s for a province with 2,500 institutions.
     */
    public Page list(InstitutionDirectory.Readable readable, Category category, DecisionState state, int page,
                     int size) {
        if (readable.none()) {
            return new Page(List.of(), 0);
        }
        List<Listed> matching = new ArrayList<>();
        for (Document key : mongo.findAll(Document.class, KEYS)) { // as documents: mapping 10,000 records costs more
            String id = key.getString("_id");
            if (readable.includes(id) && (category == null || category.name().equals(key.getString("category")))
                    && (state == null || state.name().equals(key.getString("state")))) {
                Date updatedAt = key.getDate("updatedAt");
                matching.add(new Listed(id, updatedAt == null ? null : updatedAt.toInstant()));
            }
        }
        matching.sort(NEWEST_CHANGE_FIRST);
        List<String> pageIds = matching.stream().skip((long) page * size).limit(size)
                .map(Listed::institutionId).toList();
        if (pageIds.isEmpty()) {
            return new Page(List.of(), matching.size());
        }
        Query content = Query.query(Criteria.where("_id").in(pageIds))
                .with(Sort.by(Sort.Direction.DESC, "updatedAt").and(Sort.by("_id")));
        content.fields().exclude("versions");
        return new Page(mongo.find(content, StoredDecision.class, COLLECTION), matching.size());
    }

    /** A decision in a list before its page is read. */
    private record Listed(String institutionId, Instant updatedAt) {
    }

    /** The list's order: the latest change first (none last), then by institution id. */
    private static final Comparator<Listed> NEWEST_CHANGE_FIRST = Comparator
            .comparing(Listed::updatedAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Listed::institutionId);

    /** Every decision's history (CLS-09), from the keys in one pass: institution id → its steps, oldest first. */
    public Map<String, List<Step>> histories() {
        Query query = new Query();
        query.fields().include("steps");
        Map<String, List<Step>> histories = new HashMap<>();
        for (Document key : mongo.find(query, Document.class, KEYS)) { // as documents: cheaper than mapping
            List<Step> steps = new ArrayList<>();
            for (Document step : key.getList("steps", Document.class, List.of())) {
                Date at = step.getDate("at");
                steps.add(new Step(at == null ? null : at.toInstant(), DecisionState.valueOf(step.getString("state")),
                        Category.valueOf(step.getString("category")), step.getBoolean("flagged", false)));
            }
            histories.put(key.getString("_id"), steps);
        }
        return histories;
    }

    public record Page(List<StoredDecision> content, long totalElements) {
    }
}
