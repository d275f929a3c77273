package cn.p2psupervision.classification.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
 * <p>
 * Lists find their decisions through the decisions' keys ({@link DecisionKeys}), written just after each decision, so
 * a list never reads whole decisions with their history to filter and sort them (on the embedded development store that
 * took 1.6 s for a province's first page, docs/performance.md).
 */
@Repository
public class DecisionStore {

    public static final String COLLECTION = "decisions";
    private final MongoTemplate mongo;
    private final DecisionKeys keys;

    DecisionStore(MongoTemplate mongo, DecisionKeys keys) {
        this.mongo = mongo;
        this.keys = keys;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("updatedAt", Sort.Direction.DESC));
        keys.repair();
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
        keys.written(stored);
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
        keys.written(written);
        return written;
    }

    /**
     * A page of current decisions the caller may read, newest change first, without their history: the matching ids
     * from the decisions' keys ({@link DecisionKeys}), then the page's decisions by {@code _id}.
     */
    public Page list(InstitutionDirectory.Readable readable, Category category, DecisionState state, int page,
                     int size) {
        if (readable.none()) {
            return new Page(List.of(), 0);
        }
        List<String> matching = keys.matching(readable, category, state);
        List<String> pageIds = matching.stream().skip((long) page * size).limit(size).toList();
        if (pageIds.isEmpty()) {
            return new Page(List.of(), matching.size());
        }
        Query content = Query.query(Criteria.where("_id").in(pageIds))
                .with(Sort.by(Sort.Direction.DESC, "updatedAt").and(Sort.by("_id")));
        content.fields().exclude("versions");
        return new Page(mongo.find(content, StoredDecision.class, COLLECTION), matching.size());
    }

    public record Page(List<StoredDecision> content, long totalElements) {
    }
}
