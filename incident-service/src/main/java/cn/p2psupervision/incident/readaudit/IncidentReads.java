package cn.p2psupervision.incident.readaudit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongConsumer;
import java.util.stream.LongStream;

import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.security.Caller;
import cn.p2psupervision.platform.security.PlatformRole;

/**
 * AUTH-07: incident records are confidential (内部), so every read of them is recorded (collection
 * {@value #COLLECTION}), before the answer leaves; the central office queries the record. An event's reads also show on
 * its timeline (INC-12).
 *
 * <p>The record's lines are numbered 1, 2, 3… in the order recorded, without gaps: a number is taken by the write of
 * its line itself, which a unique index on {@code seq} refuses to a second line, so two replicas never share a number
 * and none is skipped (lines are never deleted). The newest page of the whole record is then a lookup of fifty numbers,
 * served by that index on MongoDB and on the embedded server alike, however long the record grows; the counter
 * ({@value #COUNTER}) only says where to start looking for the newest number.
 */
@Service
public class IncidentReads {

    static final String COLLECTION = "incident_reads";
    static final String COUNTER = "incident_read_counter";
    static final int MAX_IDS = 500;
    private static final String COUNTER_ID = "lines";
    private static final int MAX_ATTEMPTS = 20;
    private static final String NUMBERING_LOCK = "incident-read-numbering";
    /** Held while numbering, extended every 1,000 lines: a replica that dies numbering frees it within this. */
    private static final Duration NUMBERING_LOCK_FOR = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(IncidentReads.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final LockProvider locks;

    IncidentReads(MongoTemplate mongo, Clock clock, LockProvider locks) {
        this.mongo = mongo;
        this.clock = clock;
        this.locks = locks;
    }

    @EventListener(ApplicationReadyEvent.class)
    void prepare() {
        createIndexes();
        Thread numbering = new Thread(() -> {
            try {
                numberOlderLines();
            } catch (RuntimeException failed) {
                log.error("Numbering the older lines of the incident read record failed; the next start tries again",
                        failed);
            }
        }, "incident-read-numbering");
        numbering.setDaemon(true);
        numbering.start();
    }

    void createIndexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("seq", Sort.Direction.DESC).unique().sparse());
        mongo.indexOps(COLLECTION).createIndex(new Index().on("eventIds", Sort.Direction.ASC).on("at",
                Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("at", Sort.Direction.DESC));
    }

    /**
     * Numbers the lines recorded before lines were numbered, oldest first, after the newest: at start, beside the
     * service's work (on the embedded store some 10 ms a line). One replica at a time does it (a lock), so a line gets
     * one number; a line written meanwhile takes its number first, and the older line the next. Until a line is
     * numbered it is found by the filtered queries only; a start after an interruption goes on with the lines left.
     */
    int numberOlderLines() {
        if (mongo.estimatedCount(COLLECTION) == newest()) {
            return 0;
        }
        Optional<SimpleLock> lock = locks.lock(new LockConfiguration(ClockProvider.now(), NUMBERING_LOCK,
                NUMBERING_LOCK_FOR, Duration.ZERO));
        if (lock.isEmpty()) {
            return 0;
        }
        SimpleLock held = lock.get();
        int numbered = 0;
        try {
            Query unnumbered = Query.query(Criteria.where("seq").exists(false)).with(Sort.by("at", "_id"));
            unnumbered.fields().include("_id");
            for (Document line : mongo.find(unnumbered, Document.class, COLLECTION)) {
                if (numbered > 0 && numbered % 1_000 == 0) {
                    Optional<SimpleLock> extended = held.extend(NUMBERING_LOCK_FOR, Duration.ZERO);
                    if (extended.isEmpty()) {
                        log.warn("Lost the lock on numbering the incident read record after {} lines; the next start"
                                + " goes on", numbered);
                        return numbered;
                    }
                    held = extended.get();
                }
                Document current = mongo.findById(line.get("_id"), Document.class, COLLECTION);
                if (current == null || current.get("seq") != null) {
                    continue;
                }
                Query byId = Query.query(Criteria.where("_id").is(line.get("_id")));
                withNextNumber(seq -> mongo.updateFirst(byId, new Update().set("seq", seq), COLLECTION));
                numbered++;
            }
            log.info("Numbered {} lines of the incident read record written before lines were numbered", numbered);
            return numbered;
        } finally {
            held.unlock();
        }
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
        IncidentRead line = new IncidentRead(UUID.randomUUID().toString(), null, clock.instant(), caller.userId(),
                caller.username(), caller.roles().stream().map(PlatformRole::roleName).sorted().toList(),
                caller.province(), caller.agency(), action, cap(eventIds), cap(signalIds), cap(institutionIds),
                cap(alertIds));
        withNextNumber(seq -> mongo.insert(line.numbered(seq), COLLECTION));
    }

    /** Gives {@code write} the number after the newest; again after the newest then, if another writer took it first. */
    private void withNextNumber(LongConsumer write) {
        for (int attempt = 1; ; attempt++) {
            long seq = newest() + 1;
            try {
                write.accept(seq);
                advanceCounter(seq);
                return;
            } catch (DuplicateKeyException taken) {
                if (attempt == MAX_ATTEMPTS) {
                    throw new IllegalStateException("No free line number for the incident read record after "
                            + MAX_ATTEMPTS + " attempts", taken);
                }
            }
        }
    }

    private void advanceCounter(long seq) {
        Query counter = Query.query(Criteria.where("_id").is(COUNTER_ID));
        try {
            mongo.upsert(counter, new Update().max("seq", seq), COUNTER);
        } catch (DuplicateKeyException createdMeanwhile) {
            mongo.updateFirst(counter, new Update().max("seq", seq), COUNTER);
        }
    }

    /**
     * The newest line's number (0 for an empty record): the counter's, or after it the lines written but not yet
     * counted (a writer advances the counter after its line).
     */
    long newest() {
        Document counter = mongo.findById(COUNTER_ID, Document.class, COUNTER);
        long seq = counter == null ? 0 : ((Number) counter.get("seq")).longValue();
        while (mongo.exists(Query.query(Criteria.where("seq").is(seq + 1)), COLLECTION)) {
            seq++;
        }
        return seq;
    }

    /** The reads of one event, oldest first (its timeline, INC-12). */
    public List<IncidentRead> ofEvent(String eventId) {
        Query query = Query.query(Criteria.where("eventIds").is(eventId)).with(Sort.by("at", "_id"));
        return mongo.find(query, IncidentRead.class, COLLECTION);
    }

    /**
     * AUTH-07: the central office's query of the record, newest first: by event, by institution (its zombie listing,
     * closure of bidding or alerts), by user name, between two instants (each optional). Without any, a page of the
     * whole record is the lines numbered down from the newest.
     */
    public Page query(Caller caller, String eventId, String institutionId, String username, Instant from, Instant to,
                      int page, int size) {
        if (!caller.isCentral()) {
            throw ProblemException.forbidden("The record of reads of incident records is the central office's"
                    + " (AUTH-07)");
        }
        Criteria criteria = new Criteria();
        boolean filtered = false;
        if (eventId != null && !eventId.isBlank()) {
            criteria = criteria.and("eventIds").is(eventId.strip());
            filtered = true;
        }
        if (institutionId != null && !institutionId.isBlank()) {
            criteria = criteria.and("institutionIds").is(institutionId.strip());
            filtered = true;
        }
        if (username != null && !username.isBlank()) {
            criteria = criteria.and("username").is(username.strip());
            filtered = true;
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
            filtered = true;
        }
        if (!filtered) {
            return newestFirst(page, size);
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, COLLECTION);
        query.with(Sort.by(Sort.Direction.DESC, "at", "seq")).skip((long) page * size).limit(size);
        return new Page(mongo.find(query, IncidentRead.class, COLLECTION), page, size, total);
    }

    /** A page of the whole record: the lines numbered from the newest's number less {@code page * size}, down. */
    private Page newestFirst(int page, int size) {
        long newest = newest();
        long high = newest - (long) page * size;
        List<Long> numbers = LongStream.rangeClosed(Math.max(1, high - size + 1), high).boxed().toList();
        Query lines = Query.query(Criteria.where("seq").in(numbers)).with(Sort.by(Sort.Direction.DESC, "seq"));
        return new Page(numbers.isEmpty() ? List.of() : mongo.find(lines, IncidentRead.class, COLLECTION), page, size,
                newest);
    }

    private static List<String> cap(Collection<String> ids) {
        return ids == null ? List.of() : ids.stream().limit(MAX_IDS).toList();
    }

    /** A page of the record. */
    public record Page(List<IncidentRead> content, int page, int size, long totalElements) {
    }
}
