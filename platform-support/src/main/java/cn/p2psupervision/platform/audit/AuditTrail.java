package cn.p2psupervision.platform.audit;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.slf4j.MDC;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import cn.p2psupervision.platform.requestid.RequestIds;
import cn.p2psupervision.platform.security.Caller;
import cn.p2psupervision.platform.security.PlatformRole;

/**
 * The audit trail every service writes to with one line (AUTH-07). Entries are inserted, never replaced.
 */
public class AuditTrail {

    private final MongoOperations mongo;
    private final Clock clock;

    public AuditTrail(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Records an act; {@code before}/{@code after} are any mappable values (records, maps), {@code null} if none. */
    public AuditEntry record(Caller caller, String action, String entityType, String entityId,
                             Object before, Object after, String reason) {
        return insert(UUID.randomUUID().toString(), caller, action, entityType, entityId, before, after, reason);
    }

    /**
     * Records an act at most once: a retried derivation of the same change (same {@code key}, e.g.
     * {@code institution/<id>/v7}) leaves one entry, not two.
     */
    public AuditEntry recordOnce(String key, Caller caller, String action, String entityType, String entityId,
                                 Object before, Object after, String reason) {
        try {
            return insert(key, caller, action, entityType, entityId, before, after, reason);
        } catch (DuplicateKeyException alreadyRecorded) {
            return mongo.findById(key, AuditEntry.class);
        }
    }

    /** The trail of one entity, oldest first. */
    public List<AuditEntry> trailOf(String entityType, String entityId) {
        Query query = Query.query(Criteria.where("entityType").is(entityType).and("entityId").is(entityId))
                .with(Sort.by("at", "_id"));
        return mongo.find(query, AuditEntry.class);
    }

    private AuditEntry insert(String id, Caller caller, String action, String entityType, String entityId,
                              Object before, Object after, String reason) {
        List<String> roles = caller.roles().stream().sorted().map(PlatformRole::roleName).toList();
        AuditEntry entry = new AuditEntry(id, clock.instant(), caller.userId(), caller.username(), roles,
                caller.province(), caller.agency(), action, entityType, entityId, before, after, reason,
                MDC.get(RequestIds.MDC_KEY));
        return mongo.insert(entry);
    }
}
