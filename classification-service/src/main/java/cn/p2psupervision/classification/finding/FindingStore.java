package cn.p2psupervision.classification.finding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

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
 */
@Repository
public class FindingStore {

    public static final String COLLECTION = "findings";

    private final MongoTemplate mongo;

    FindingStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("institutionId", Sort.Direction.ASC));
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
        Query query = Query.query(Criteria.where("institutionId").is(institutionId)).with(Sort.by("_id"));
        query.fields().include("institutionId").include("version").include("current");
        return mongo.find(query, StoredFinding.class, COLLECTION).stream().map(StoredFinding::current).toList();
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
