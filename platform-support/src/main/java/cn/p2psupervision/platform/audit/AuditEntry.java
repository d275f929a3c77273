package cn.p2psupervision.platform.audit;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One line of the append-only audit trail (AUTH-07): who (user id, roles, province, agency), when, what
 * (action on an entity, before and after) and why. Never updated, never deleted.
 */
@Document("audit_trail")
public record AuditEntry(@Id String id, Instant at, String userId, String username, List<String> roles,
                         String province, String agency, String action, String entityType, String entityId,
                         Object before, Object after, String reason, String requestId) {
}
