package cn.p2psupervision.platform.agency;

import java.time.LocalDate;
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

import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.registryfeed.InstitutionDirectory;

/**
 * The agency requests of one context (collection {@value #COLLECTION} in the context's own database), made once per
 * id and changed by compare-and-set on their version.
 */
public class AgencyRequestStore {

    public static final String COLLECTION = "agency_requests";

    private final MongoTemplate mongo;

    public AgencyRequestStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The indexes the lists use: an agency's requests, an institution's, the unanswered ones by due date. */
    @EventListener(ApplicationReadyEvent.class)
    public void createIndexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("agency", Sort.Direction.ASC)
                .on("requestedAt", Sort.Direction.DESC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("institutionId", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("dueOn", Sort.Direction.ASC));
    }

    public Optional<AgencyRequest> find(String id) {
        return Optional.ofNullable(mongo.findById(id, AgencyRequest.class, COLLECTION));
    }

    /** Stores a new request; one already stored under its id (a repeated delivery) is kept as it is. */
    public boolean insertIfAbsent(AgencyRequest request) {
        try {
            mongo.insert(request, COLLECTION);
            return true;
        } catch (DuplicateKeyException deliveredBefore) {
            return false;
        }
    }

    /** The requests addressed to {@code agency}, newest first; {@code state} and {@code kind} filter when given. */
    public List<AgencyRequest> addressedTo(Agency agency, AgencyRequest.State state, AgencyRequestKind kind) {
        Criteria criteria = Criteria.where("agency").is(agency.name());
        if (kind != null) {
            criteria = criteria.and("kind").is(kind.name());
        }
        List<AgencyRequest> all = mongo.find(Query.query(criteria)
                .with(Sort.by(Sort.Direction.DESC, "requestedAt").and(Sort.by("_id"))), AgencyRequest.class,
                COLLECTION);
        return state == null ? all : all.stream().filter(r -> r.state() == state).toList();
    }

    /** The requests about one institution, oldest first. */
    public List<AgencyRequest> ofInstitution(String institutionId) {
        return mongo.find(Query.query(Criteria.where("institutionId").is(institutionId))
                .with(Sort.by("requestedAt", "_id")), AgencyRequest.class, COLLECTION);
    }

    /** The requests about institutions in {@code readable} not answered after their due date, the longest due first. */
    public List<AgencyRequest> overdue(InstitutionDirectory.Readable readable, LocalDate today) {
        if (readable.none()) {
            return List.of();
        }
        Criteria criteria = Criteria.where("dueOn").lt(today).and("answers").size(0);
        if (!readable.all()) {
            criteria = criteria.and("institutionId").in(readable.ids());
        }
        return mongo.find(Query.query(criteria).with(Sort.by("dueOn", "_id")), AgencyRequest.class, COLLECTION)
                .stream().filter(r -> r.overdue(today)).toList();
    }

    /** Stores {@code after} if the request is still as {@code before}; 409 when it changed meanwhile. */
    public void replace(AgencyRequest before, AgencyRequest after) {
        if (before == after) {
            return;
        }
        Query unchanged = Query.query(Criteria.where("_id").is(before.id()).and("version").is(before.version()));
        if (mongo.replace(unchanged, after, COLLECTION).getMatchedCount() == 0) {
            throw ProblemException.conflict("Agency request " + before.id() + " changed meanwhile; send the request"
                    + " again");
        }
    }
}
