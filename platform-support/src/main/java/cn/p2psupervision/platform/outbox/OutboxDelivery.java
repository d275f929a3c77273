package cn.p2psupervision.platform.outbox;

import java.util.Map;

/**
 * Delivers one kind of {@link OutboxEntry} to the context that must act on it. A delivery returns normally when the
 * other context accepted the change (including "already so": deliveries are repeated after a failure whose outcome was
 * not seen, so the receiver must be idempotent), throws {@link Refused} when it refused the change for good, and
 * throws anything else when it may succeed later (unreachable, 5xx, time-out): the relay then tries again.
 */
public interface OutboxDelivery {

    /** The {@link OutboxEntry#kind()} this delivers. */
    String kind();

    void deliver(String entryId, Map<String, Object> payload);

    /** The other context refused the change for good (a 4xx other than 408 and 429). */
    final class Refused extends RuntimeException {

        public Refused(String reason) {
            super(reason);
        }
    }
}
