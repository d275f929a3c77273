package cn.p2psupervision.classification.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
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
 */
@Repository
public class DecisionStore {

    public static final String COLLECTION = "decisions";

    private final MongoTemplate mongo;

    DecisionStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("updatedAt", Sort.Direction.DESC));
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
            return stored;
        } catch (DuplicateKeyException recordedMeanwhile) {
            throw ProblemException.conflict("A decision on " + first.institutionId()
                    + " was recorded meanwhile; read it and send its ETag in If-Match");
        }
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
        return new StoredDecision(stored.institutionId(), stored.registeredProvince(), next.version(), next, versions,
                outbox, at);
    }

    /** A page of current decisions the caller may read, newest change first, without their history. */
    public Page list(InstitutionDirectory.Readable readable, Category category, DecisionState state, int page,
                     int size) {
        if (readable.none()) {
            return new Page(List.of(), 0);
        }
        if (!readable.all()) {
            return listWithin(readable.ids(), category, state, page, size);
        }
        Criteria criteria = new Criteria();
        if (category != null) {
            criteria = criteria.and("current.category").is(category);
        }
        if (state != null) {
            criteria = criteria.and("current.state").is(state);
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, COLLECTION);
        query.with(Sort.by(Sort.Direction.DESC, "updatedAt").and(Sort.by("_id"))).skip((long) page * size)
                .limit(size);
        query.fields().exclude("versions");
        return new Page(mongo.find(query, StoredDecision.class, COLLECTION), total);
    }

    /**
     * {@link #list} within a province's scope, in two lookups by {@code _id}: the sort and filter members of the
     * decisions of {@code ids}, filtered, sorted and paged here; then the page's decisions. A query on {@code _id} with
     * other members would do on MongoDB, but the embedded development store serves only a query on {@code _id} alone
     * from its index and scanned every decision for it (7–10 s on 10,000 institutions, docs/performance.md).
     */
    private Page listWithin(Collection<String> ids, Category category, DecisionState state, int page, int size) {
        Query keys = Query.query(Criteria.where("_id").in(ids));
        keys.fields().include("current.category").include("current.state").include("updatedAt");
        List<Document> matching = new ArrayList<>();
        for (Document decision : mongo.find(keys, Document.class, COLLECTION)) {
            Document current = decision.get("current", Document.class);
            if ((category == null || current != null && category.name().equals(current.getString("category")))
                    && (state == null || current != null && state.name().equals(current.getString("state")))) {
                matching.add(decision);
            }
        }
        matching.sort(NEWEST_CHANGE_FIRST);
        List<String> pageIds = matching.stream().skip((long) page * size).limit(size)
                .map(decision -> decision.getString("_id")).toList();
        if (pageIds.isEmpty()) {
            return new Page(List.of(), matching.size());
        }
        Query content = Query.query(Criteria.where("_id").in(pageIds))
                .with(Sort.by(Sort.Direction.DESC, "updatedAt").and(Sort.by("_id")));
        content.fields().exclude("versions");
        return new Page(mongo.find(content, StoredDecision.class, COLLECTION), matching.size());
    }

    /** The list's order: the latest change first (none last), then by institution id. */
    private static final Comparator<Document> NEWEST_CHANGE_FIRST = Comparator
            .comparing((Document decision) -> decision.getDate("updatedAt"),
                    Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(decision -> decision.getString("_id"));

    /** Every decision's versions (statistics), one pass. */
    public List<StoredDecision> all() {
        Query query = new Query();
        query.fields().exclude("current").exclude(OutboxEntry.FIELD);
        return mongo.find(query, StoredDecision.class, COLLECTION);
    }

    public record Page(List<StoredDecision> content, long totalElements) {
    }
}
