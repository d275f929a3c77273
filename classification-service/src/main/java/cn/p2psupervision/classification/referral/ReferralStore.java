package cn.p2psupervision.classification.referral;

import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import cn.p2psupervision.platform.problem.ProblemException;

/** The referrals (collection {@value #COLLECTION}), changed by compare-and-set on their version. */
@Repository
class ReferralStore {

    static final String COLLECTION = "referrals";

    private final MongoTemplate mongo;

    ReferralStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<Referral> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Referral.class, COLLECTION));
    }

    /** Stores a new referral; one already stored under its id (a repeated delivery) is kept as it is. */
    boolean insertIfAbsent(Referral referral) {
        try {
            mongo.insert(referral, COLLECTION);
            return true;
        } catch (DuplicateKeyException deliveredBefore) {
            return false;
        }
    }

    List<Referral> addressedTo(String agency, Referral.State state) {
        List<Referral> all = mongo.find(Query.query(Criteria.where("agency").is(agency))
                .with(Sort.by(Sort.Direction.DESC, "referredAt").and(Sort.by("_id"))), Referral.class, COLLECTION);
        return state == null ? all : all.stream().filter(r -> r.state() == state).toList();
    }

    List<Referral> ofInstitution(String institutionId) {
        return mongo.find(Query.query(Criteria.where("institutionId").is(institutionId)).with(Sort.by("referredAt")),
                Referral.class, COLLECTION);
    }

    void replace(Referral before, Referral after) {
        if (before == after) {
            return;
        }
        Query unchanged = Query.query(Criteria.where("_id").is(before.id()).and("version").is(before.version()));
        if (mongo.replace(unchanged, after, COLLECTION).getMatchedCount() == 0) {
            throw ProblemException.conflict("Referral " + before.id() + " changed meanwhile; send the request again");
        }
    }
}
