package cn.p2psupervision.platform.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A change another context must make because of a decision here (for example REG-08: an approved banning sets the
 * institution's status in the registry). It is stored inside the decision's own document, in the same write as the
 * decision, under the field {@value #FIELD}; the {@link OutboxRelay} delivers it afterwards, retrying with backoff
 * until the other context accepts it, so the decision never waits for (or fails with) the other context.
 *
 * @param id            unique within the platform; deliveries name it, so the receiver can recognise a repeat
 * @param kind          which {@link OutboxDelivery} delivers it
 * @param payload       what the delivery needs, as plain values
 * @param attempts      deliveries tried so far
 * @param nextAttemptAt when the relay tries next (while {@link State#PENDING})
 * @param lastError     why the last attempt failed or was refused, for the people who read the decision
 */
public record OutboxEntry(String id, String kind, Map<String, Object> payload, State state, int attempts,
                          Instant nextAttemptAt, String lastError, Instant createdAt, Instant deliveredAt) {

    /** The field of an aggregate's document that holds its entries (a list). */
    public static final String FIELD = "outbox";

    /** Where a delivery stands. */
    public enum State {
        /** Not delivered yet; the relay keeps trying. */
        PENDING,
        /** Accepted by the other context. */
        DELIVERED,
        /** Refused by the other context for good (a rule or a bad request); needs a person. */
        REFUSED
    }

    public OutboxEntry {
        payload = payload == null ? Map.of() : Map.copyOf(payload);
    }

    /** A new entry, due at once. */
    public static OutboxEntry pending(String id, String kind, Map<String, Object> payload, Instant now) {
        return new OutboxEntry(id, kind, payload, State.PENDING, 0, now, null, now, null);
    }

    public boolean dueAt(Instant now) {
        return state == State.PENDING && !nextAttemptAt.isAfter(now);
    }

    OutboxEntry delivered(Instant at) {
        return new OutboxEntry(id, kind, payload, State.DELIVERED, attempts + 1, null, null, createdAt, at);
    }

    /** Tried and failed for a reason that may pass: tried again after a delay that doubles up to {@code longest}. */
    OutboxEntry failed(String error, Instant now, Duration first, Duration longest) {
        int tried = attempts + 1;
        Duration delay = first.multipliedBy(1L << Math.min(tried - 1, 20));
        if (delay.compareTo(longest) > 0) {
            delay = longest;
        }
        return new OutboxEntry(id, kind, payload, State.PENDING, tried, now.plus(delay), error, createdAt, null);
    }

    OutboxEntry refused(String error, Instant at) {
        return new OutboxEntry(id, kind, payload, State.REFUSED, attempts + 1, null, error, createdAt, null);
    }
}
