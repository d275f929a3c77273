package cn.p2psupervision.incident.readaudit;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.security.Caller;
import cn.p2psupervision.platform.security.PlatformRole;

/**
 * AUTH-07: incident records are confidential (内部), so every read of them is recorded (collection
 * {@value #COLLECTION}), before the answer leaves; the central office queries the record. An event's reads also show on
 * its timeline (INC-12).
 */
@Service
public class IncidentReads {

    static final String COLLECTION = "incident_reads";
    static final int MAX_IDS = 500;

    private final MongoTemplate mongo;
    private final Clock clock;

    IncidentReads(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("eventIds", Sort.Direction.ASC).on("at",
                Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("at", Sort.Direction.DESC));
    }

    /** Records that {@code caller} read these events and signals (either may be empty) by {@code action}. */
    public void record(Caller caller, String action, Collection<String> eventIds, Collection<String> signalIds) {
        insert(caller, action, eventIds, signalIds, List.of(), List.of());
    }

    /**
     * Records that {@code caller} read, by {@code action}, records of the watch over these institutions: their zombie
     * listings or closures of bidding (INC-10), or these monitoring alerts of theirs (INC-11; may be empty).
     */
    public void recordWatch(Caller caller, String action, Collection<String> institutionIds,
                            Collection<String> alertIds) {
        insert(caller, action, List.of(), List.of(), institutionIds, alertIds);
    }

    private void insert(Caller caller, String action, Collection<String> eventIds, Collection<String> signalIds,
                        Collection<String> institutionIds, Collection<String> alertIds) {
        mongo.insert(new IncidentRead(UUID.randomUUID().toString(), clock.instant(), caller.userId(),
                caller.username(), caller.roles().stream().map(PlatformRole::roleName).sorted().toList(),
                caller.province(), caller.agency(), action, cap(eventIds), cap(signalIds), cap(institutionIds),
                cap(alertIds)), COLLECTION);
    }

    /** The reads of one event, oldest first (its timeline, INC-12). */
    public List<IncidentRead> ofEvent(String eventId) {
        Query query = Query.query(Criteria.where("eventIds").is(eventId)).with(Sort.by("at", "_id"));
        return mongo.find(query, IncidentRead.class, COLLECTION);
    }

    /**
     * AUTH-07: the central office's query of the record, newest first: by event, by institution (its zombie listing,
     * closure of bidding or alerts), by user name, between two instants (each optional).
     */
    public Page query(Caller caller, String eventId, String institutionId, String username, Instant from, Instant to,
                      int page, int size) {
        if (!caller.isCentral()) {
            throw ProblemException.forbidden("The record of reads of incident records is the central office's"
                    + " (AUTH-07)");
        }
        Criteria criteria = new Criteria();
        if (eventId != null && !eventId.isBlank()) {
            criteria = criteria.and("eventIds").is(eventId.strip());
        }
        if (institutionId != null && !institutionId.isBlank()) {
            criteria = criteria.and("institutionIds").is(institutionId.strip());
        }
        if (username != null && !username.isBlank()) {
            criteria = criteria.and("username").is(username.strip());
        }
        if (from != null || to != null) {
            Criteria at = Criteria.where("at");
            if (from != null) {
                at = at.gte(from);
            }
            if (to != null) {
                at = at.lt(to);
            }
            criteria = criteria.andOperator(at);
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, COLLECTION);
        query.with(Sort.by(Sort.Direction.DESC, "at").and(Sort.by("_id"))).skip((long) page * size).limit(size);
        return new Page(mongo.find(query, IncidentRead.class, COLLECTION), page, size, total);
    }

    private static List<String> cap(Collection<String> ids) {
        return ids == null ? List.of() : ids.stream().limit(MAX_IDS).toList();
    }

    /** A page of the record. */
    public record Page(List<IncidentRead> content, int page, int size, long totalElements) {
    }
}
