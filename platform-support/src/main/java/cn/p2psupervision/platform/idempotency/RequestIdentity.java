package cn.p2psupervision.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import cn.p2psupervision.platform.input.InputPolicy;
import cn.p2psupervision.platform.problem.InvalidInputException;
import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.problem.ProblemType;
import cn.p2psupervision.platform.security.Caller;

/**
 * What makes a write request "the same request again", so that a retry acts once (API conventions: inter-agency and
 * regulator POSTs may carry an {@code Idempotency-Key}).
 *
 * <p>With an {@code Idempotency-Key}, the caller and the key identify the request; without one, the caller and the
 * body do. Either way {@link #changeKeyFor} binds it to the record it changes, resolved by the service (an institution
 * named by id or by credit code is the same record, so a retry answers the same whichever path it used). The body's
 * digest is kept beside the change: the same key sent again with a different body is refused
 * ({@link #checkSameBody}, 422 naming the key) instead of acting a second time or silently answering the first result.
 *
 * @param idempotencyKey the header's value, or null
 * @param requestKey     digest of caller, operation and key (or body)
 * @param bodyDigest     digest of the body as sent
 */
public record RequestIdentity(String idempotencyKey, String requestKey, String bodyDigest) {

    public static final String HEADER = "Idempotency-Key";

    /**
     * @param operation what the request does, e.g. {@code PATCH institution}
     * @param body      the body as received (its JSON text)
     */
    public static RequestIdentity of(Caller caller, String operation, String idempotencyKey, String body) {
        String key = idempotencyKey == null ? null : InputPolicy.text(HEADER, idempotencyKey.strip(), 200);
        if (key != null && key.isEmpty()) {
            throw new InvalidInputException(HEADER, "must not be empty");
        }
        String bodyDigest = sha256(body == null ? "" : body);
        String requestKey = sha256(caller.userId() + "|" + operation + "|"
                + (key != null ? "key:" + key : "body:" + bodyDigest));
        return new RequestIdentity(key, requestKey, bodyDigest);
    }

    /** The key under which the change of {@code target} (the record's id, and the version it is based on) is kept. */
    public String changeKeyFor(String target) {
        return sha256(requestKey + "@" + target);
    }

    /** Refuses a key reused with a different body: 422 naming the key. Null digests (older records) pass. */
    public void checkSameBody(String storedBodyDigest) {
        if (storedBodyDigest != null && !storedBodyDigest.equals(bodyDigest)) {
            throw keyReused();
        }
    }

    /** The 422 of a key (or, without one, a change key) that came before with another body. */
    public ProblemException keyReused() {
        String key = idempotencyKey == null ? "(none)" : idempotencyKey;
        return new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key '" + key
                + "' was already used for a different request; use a new key for a new request",
                Map.of("idempotencyKey", key));
    }

    private static String sha256(String material) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(material.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
