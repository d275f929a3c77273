package cn.p2psupervision.classification.finding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.springframework.context.event.EventListener;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import cn.p2psupervision.platform.problem.ProblemException;

/**
 * The findings (collection {@value #COLLECTION}): one document per finding holding its current version and every
 * version before it, so that a new version and its history are one atomic write, compare-and-set on the version
 * (CLS-01: findings change only by new versions).
 *
 * <p>An institution's findings are read through its list of finding ids (collection {@value #BY_INSTITUTION}, one
 * document per institution): two lookups by {@code _id}, which MongoDB and the embedded development store alike serve
 * from the {@code _id} index. A query on {@code institutionId} would do on MongoDB, but the embedded store ignores
 * non-unique indexes and scanned every finding for it, on every proposal (docs/performance.md). The id is listed
 * before the finding is inserted, so a crash in between leaves at most an id without a finding, which reads skip.
 * Findings stored before the list existed are listed once at start ({@link #listExistingFindings}); until then reads
 * query by {@code institutionId}.
 */
@Repository
public class FindingStore {

    public static final String COLLECTION = "findings";
    static final String BY_INSTITUTION = "findings_by_institution";
    /** The document of {@value #BY_INSTITUTION} that says every finding stored before the lists existed is listed. */
    static final String LISTED = "_all-listed";

    private final MongoTemplate mongo;
    private volatile boolean listed;

    FindingStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("institutionId", Sort.Direction.ASC));
        listExistingFindings();
    }

    /**
     * Lists every stored finding under its institution, once (idempotent, so replicas starting together or a start
     * interrupted midway do no harm), then marks the lists complete.
     */
    void listExistingFindings() {
        if (mongo.exists(Query.query(Criteria.where("_id").is(LISTED)), BY_INSTITUTION)) {
            listed = true;
            return;
        }
        Query all = new Query();
        all.fields().include("institutionId");
        Map<String, List<String>> byInstitution = new HashMap<>();
        for (Document finding : mongo.find(all, Document.class, COLLECTION)) {
            byInstitution.computeIfAbsent(finding.getString("institutionId"), id -> new ArrayList<>())
                    .add(finding.getString("_id"));
        }
        byInstitution.forEach((institutionId, ids) -> mongo.upsert(Query.query(Criteria.where("_id").is(institutionId)),
                new Update().addToSet("findingIds").each(ids.toArray()), BY_INSTITUTION));
        mongo.upsert(Query.query(Criteria.where("_id").is(LISTED)), new Update().set("institutions",
                byInstitution.size()), BY_INSTITUTION);
        listed = true;
    }

    /** A finding with all its versions, oldest first; {@code current} is the last. */
    public record StoredFinding(@Id String id, String institutionId, int version, Finding current,
                                List<Finding> versions) {

        StoredFinding next(Finding next) {
            List<Finding> all = new ArrayList<>(versions);
            all.add(next);
            return new StoredFinding(id, institutionId, next.version(), next, all);
        }
    }

    public Optional<StoredFinding> find(String findingId) {
        return Optional.ofNullable(mongo.findById(findingId, StoredFinding.class, COLLECTION));
    }

    /** The findings of an institution, current versions, by id. */
    public List<Finding> ofInstitution(String institutionId) {
        Criteria which;
        if (listed) {
            Document list = mongo.findById(institutionId, Document.class, BY_INSTITUTION);
            List<String> ids = list == null ? List.of() : list.getList("findingIds", String.class, List.of());
            if (ids.isEmpty()) {
                return List.of();
            }
            which = Criteria.where("_id").in(ids);
        } else {
            which = Criteria.where("institutionId").is(institutionId);
        }
        Query query = Query.query(which).with(Sort.by("_id"));
        query.fields().include("institutionId").include("version").include("current");
        return mongo.find(query, StoredFinding.class, COLLECTION).stream()
                .filter(stored -> institutionId.equals(stored.institutionId())).map(StoredFinding::current).toList();
    }

    /** The current versions of the findings of these institutions (statistics), one pass. */
    public List<Finding> ofInstitutions(Collection<String> institutionIds) {
        Query query = Query.query(Criteria.where("institutionId").in(institutionIds));
        query.fields().include("institutionId").include("version").include("current");
        return mongo.find(query, StoredFinding.class, COLLECTION).stream().map(StoredFinding::current).toList();
    }

    /** Every finding's versions (statistics as of a past date), one pass. */
    public List<StoredFinding> all() {
        return mongo.findAll(StoredFinding.class, COLLECTION);
    }

    void insert(Finding first) {
        mongo.upsert(Query.query(Criteria.where("_id").is(first.institutionId())),
                new Update().addToSet("findingIds", first.id()), BY_INSTITUTION);
        try {
            mongo.insert(new StoredFinding(first.id(), first.institutionId(), first.version(), first, List.of(first)),
                    COLLECTION);
        } catch (DuplicateKeyException taken) {
            throw ProblemException.conflict("Finding " + first.id() + " exists already");
        }
    }

    /** Stores {@code next} if the finding is still at {@code basedOn}; 412 otherwise. */
    StoredFinding replace(StoredFinding stored, Finding next) {
        StoredFinding updated = stored.next(next);
        Query unchanged = Query.query(Criteria.where("_id").is(stored.id()).and("version").is(stored.version()));
        Update update = new Update().set("version", updated.version()).set("current", next).push("versions", next);
        if (mongo.updateFirst(unchanged, update, COLLECTION).getMatchedCount() == 0) {
            long now = find(stored.id()).map(StoredFinding::version).orElse(stored.version());
            throw ProblemException.staleVersion(now);
        }
        return updated;
    }
}
