package cn.p2psupervision.acceptance.complaint;

import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import cn.p2psupervision.platform.problem.ProblemException;

/**
 * The complaints (collection {@value #COLLECTION}): one document per complaint, {@code _id} its receipt number. A
 * resolution replaces the document compare-and-set on its version, so that a complaint is resolved once.
 */
@Repository
public class ComplaintStore {

    public static final String COLLECTION = "complaints";

    private final MongoTemplate mongo;

    ComplaintStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("institutionId", Sort.Direction.ASC)
                .on("submittedAt", Sort.Direction.ASC));
    }

    public Optional<Complaint> find(String receiptNumber) {
        return Optional.ofNullable(mongo.findById(receiptNumber, Complaint.class, COLLECTION));
    }

    /** The complaints against an institution, oldest first. */
    public List<Complaint> ofInstitution(String institutionId) {
        Query query = Query.query(Criteria.where("institutionId").is(institutionId))
                .with(Sort.by("submittedAt", "_id"));
        return mongo.find(query, Complaint.class, COLLECTION);
    }

    /** Stores a new complaint; false when its receipt number is taken (the caller draws another). */
    boolean insert(Complaint complaint) {
        try {
            mongo.insert(complaint, COLLECTION);
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    /** Removes a complaint that could not be counted on its case (see {@link ComplaintService#lodge}). */
    void remove(String receiptNumber) {
        mongo.remove(Query.query(Criteria.where("_id").is(receiptNumber)), COLLECTION);
    }

    /** Puts {@code previous} back in place of {@code next}, if nothing changed it since (a refused resolution). */
    void restore(Complaint next, Complaint previous) {
        Query unchanged = Query.query(Criteria.where("_id").is(next.receiptNumber()).and("version")
                .is(next.version()));
        mongo.findAndReplace(unchanged, previous, COLLECTION);
    }

    /** Stores the next version if the complaint is still at the version before it; 412 otherwise. */
    void replace(Complaint next) {
        Query unchanged = Query.query(Criteria.where("_id").is(next.receiptNumber())
                .and("version").is(next.version() - 1));
        if (mongo.findAndReplace(unchanged, next, COLLECTION) == null) {
            throw ProblemException.staleVersion(find(next.receiptNumber()).map(Complaint::version)
                    .orElse(next.version() - 1));
        }
    }
}
