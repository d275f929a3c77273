package cn.p2psupervision.platform.idempotency;

import java.time.Clock;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * The {@code Idempotency-Key}s a service has acted on, per caller and operation, with the digest of the body each came
 * with (collection {@code idempotency_keys} in the service's own database). A key is claimed just before the act is
 * committed — after validation, so a refused request does not use up its key — and a key claimed with one body
 * refuses any other body (422), whichever record that body would change.
 */
public class IdempotencyKeys {

    static final String COLLECTION = "idempotency_keys";

    private final MongoOperations mongo;
    private final Clock clock;

    public IdempotencyKeys(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Claims the request's key for its body; a request without a key claims nothing. The same key with the same body
     * (a retry) passes.
     *
     * @throws cn.p2psupervision.platform.problem.ProblemException 422 when the key came before with another body
     */
    public void claim(RequestIdentity request) {
        if (request.idempotencyKey() == null) {
            return;
        }
        try {
            mongo.insert(new Document("_id", request.requestKey()).append("bodyDigest", request.bodyDigest())
                    .append("claimedAt", java.util.Date.from(clock.instant())), COLLECTION);
        } catch (DuplicateKeyException claimedBefore) {
            Document claimed = mongo.findById(request.requestKey(), Document.class, COLLECTION);
            request.checkSameBody(claimed == null ? null : claimed.getString("bodyDigest"));
        }
    }
}
