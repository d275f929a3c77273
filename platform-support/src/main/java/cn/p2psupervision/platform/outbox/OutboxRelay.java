package cn.p2psupervision.platform.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Delivers the {@link OutboxEntry entries} stored with this service's decisions: every
 * {@code platform.outbox.poll-delay} (2 s), on one replica at a time (ShedLock lock {@value #LOCK}), it finds the
 * documents of the configured collections with an entry that is due, hands each due entry to the
 * {@link OutboxDelivery} of its kind and records the outcome in the entry itself: delivered, refused for good, or
 * failed and due again after a delay that doubles up to {@code longest-retry} (15 s). So an entry is delivered at least
 * once, and soon after the other context is back; the receivers are idempotent.
 *
 * <p>The outcomes of a document's entries are written in one update that holds only while its entries are still as
 * they were read (a compare-and-set on the whole list), so entries changed in between (a new decision, or another
 * relay if a lock ever expired) are not overwritten; they are simply looked at again at the next run. A delivery whose
 * outcome was not written is repeated: the receivers are idempotent.
 */
public class OutboxRelay {

    static final String LOCK = "outbox-relay";
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final Map<String, OutboxDelivery> deliveries = new HashMap<>();
    private final OutboxProperties properties;
    private final Clock clock;

    public OutboxRelay(MongoTemplate mongo, List<OutboxDelivery> deliveries, OutboxProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
        for (OutboxDelivery delivery : deliveries) {
            if (this.deliveries.put(delivery.kind(), delivery) != null) {
                throw new IllegalStateException("Two outbox deliveries of kind " + delivery.kind());
            }
        }
    }

    /**
     * The scheduled run, on one replica at a time. (ShedLock cannot lock a method that returns a primitive, so the run
     * that counts is {@link #relay()}.)
     */
    @Scheduled(fixedDelayString = "${platform.outbox.poll-delay:2s}", initialDelayString = "${platform.outbox.poll-delay:2s}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "${platform.outbox.lock-at-most-for:1m}")
    public void relayDue() {
        relay();
    }

    /** One run over every configured collection; returns how many entries it tried. */
    public int relay() {
        int tried = 0;
        for (String collection : properties.collections()) {
            tried += relay(collection);
        }
        return tried;
    }

    private int relay(String collection) {
        Instant now = clock.instant();
        Query due = Query.query(Criteria.where(OutboxEntry.FIELD).elemMatch(Criteria.where("state")
                .is(OutboxEntry.State.PENDING.name()).and("nextAttemptAt").lte(Date.from(now))))
                .limit(properties.batch());
        int tried = 0;
        for (Document document : mongo.find(due, Document.class, collection)) {
            List<Object> before = document.getList(OutboxEntry.FIELD, Object.class);
            List<Object> after = new ArrayList<>(before.size());
            for (Object stored : before) {
                OutboxEntry entry = mongo.getConverter().read(OutboxEntry.class, (Document) stored);
                if (entry.dueAt(now)) {
                    after.add(mongo.getConverter().convertToMongoType(attempt(entry, now)));
                    tried++;
                } else {
                    after.add(stored);
                }
            }
            record(collection, document.get("_id"), before, after);
        }
        return tried;
    }

    private OutboxEntry attempt(OutboxEntry entry, Instant now) {
        OutboxDelivery delivery = deliveries.get(entry.kind());
        if (delivery == null) {
            log.error("Outbox entry {} is of kind {}, which no delivery of this service handles", entry.id(),
                    entry.kind());
            return entry.refused("No delivery for kind " + entry.kind(), now);
        }
        try {
            delivery.deliver(entry.id(), entry.payload());
            log.info("Outbox entry {} ({}) delivered after {} attempt(s)", entry.id(), entry.kind(),
                    entry.attempts() + 1);
            return entry.delivered(now);
        } catch (OutboxDelivery.Refused refused) {
            log.warn("Outbox entry {} ({}) refused for good: {}", entry.id(), entry.kind(), refused.getMessage());
            return entry.refused(refused.getMessage(), now);
        } catch (RuntimeException failure) {
            OutboxEntry next = entry.failed(String.valueOf(failure.getMessage()), now, properties.firstRetry(),
                    properties.longestRetry());
            if (entry.attempts() == 0) {
                log.warn("Outbox entry {} ({}) not delivered, trying again with backoff: {}", entry.id(),
                        entry.kind(), failure.toString());
            }
            return next;
        }
    }

    /** Writes the entries' outcomes, unless the entries changed since they were read. */
    private void record(String collection, Object documentId, List<Object> before, List<Object> after) {
        Query unchanged = Query.query(Criteria.where("_id").is(documentId).and(OutboxEntry.FIELD).is(before));
        if (mongo.updateFirst(unchanged, new Update().set(OutboxEntry.FIELD, after), collection)
                .getMatchedCount() == 0) {
            log.info("The outbox of {} {} changed while it was delivered; it is looked at again next time", collection,
                    documentId);
        }
    }
}
