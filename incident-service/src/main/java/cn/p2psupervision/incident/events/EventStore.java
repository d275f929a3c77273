package cn.p2psupervision.incident.events;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import cn.p2psupervision.platform.outbox.OutboxEntry;
import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.registryfeed.InstitutionDirectory;

/**
 * The risk events (collection {@value #COLLECTION}), one document each with its timeline and the outbox of the changes
 * other contexts must make because of it. A new version, its timeline lines and its outbox entries are one atomic
 * write, compare-and-set on the version; the outbox entries already stored are never rewritten here (the relay records
 * their outcomes in place).
 */
@Repository
public class EventStore {

    public static final String COLLECTION = "events";
    /** The members of an event's document other than its id and outbox, each written by {@link #replace}. */
    private static final List<String> MEMBERS = members();

    private final MongoTemplate mongo;

    EventStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("nextDueAt", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("institutionId", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("updatedAt", Sort.Direction.DESC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC).on("level",
                Sort.Direction.ASC));
    }

    public Optional<RiskEvent> find(String id) {
        return Optional.ofNullable(mongo.findById(id, RiskEvent.class, COLLECTION));
    }

    RiskEvent insert(RiskEvent first) {
        mongo.insert(first, COLLECTION);
        return first;
    }

    /**
     * Stores {@code next} (the event after an act) with {@code newEntries} added to its outbox, if the stored event is
     * still at version {@code basedOn}; 412 otherwise.
     */
    RiskEvent replace(long basedOn, RiskEvent next, List<OutboxEntry> newEntries) {
        Document fields = new Document();
        mongo.getConverter().write(next, fields);
        Update update = new Update();
        for (String name : MEMBERS) {
            // the converter leaves absent values out: a value that became absent is removed
            if (fields.containsKey(name)) {
                update.set(name, fields.get(name));
            } else {
                update.unset(name);
            }
        }
        if (!newEntries.isEmpty()) {
            update.push(OutboxEntry.FIELD).each(newEntries.toArray());
        }
        Query unchanged = Query.query(Criteria.where("_id").is(next.id()).and("version").is(basedOn));
        if (mongo.updateFirst(unchanged, update, COLLECTION).getMatchedCount() == 0) {
            throw ProblemException.staleVersion(find(next.id()).map(RiskEvent::version).orElse(basedOn));
        }
        next.appendOutbox(newEntries);
        return next;
    }

    /** A page of the events the caller may read, newest change first, without their timeline and outbox. */
    public Page list(InstitutionDirectory.Readable readable, Filter filter, int page, int size) {
        if (readable.none()) {
            return new Page(List.of(), 0);
        }
        Query query = Query.query(criteria(readable, filter));
        long total = mongo.count(query, COLLECTION);
        query.with(Sort.by(Sort.Direction.DESC, "updatedAt").and(Sort.by("_id"))).skip((long) page * size)
                .limit(size);
        return new Page(mongo.find(summary(query), RiskEvent.class, COLLECTION), total);
    }

    /** The open especially major events the caller may read, without timeline and outbox (the board, INC-06). */
    public List<RiskEvent> openEspeciallyMajor(InstitutionDirectory.Readable readable) {
        if (readable.none()) {
            return List.of();
        }
        Query query = Query.query(criteria(readable, new Filter(EventStatus.OPEN, Level.ESPECIALLY_MAJOR, null)))
                .with(Sort.by("recordedAt", "_id"));
        return mongo.find(summary(query), RiskEvent.class, COLLECTION);
    }

    /** INC-06: the events the caller may read that have a breach recorded, without timeline and outbox. */
    public List<RiskEvent> withBreaches(InstitutionDirectory.Readable readable) {
        if (readable.none()) {
            return List.of();
        }
        Criteria criteria = Criteria.where("breaches.0").exists(true);
        if (!readable.all()) {
            criteria = new Criteria().andOperator(criteria, Criteria.where("institutionId").in(readable.ids()));
        }
        return mongo.find(summary(Query.query(criteria)), RiskEvent.class, COLLECTION);
    }

    /** INC-06: the ids of the open events with a deadline due by {@code now} whose breach is not recorded yet. */
    public List<String> dueBy(Instant now, int limit) {
        Query query = Query.query(Criteria.where("nextDueAt").lte(now).and("status").is(EventStatus.OPEN))
                .with(Sort.by("nextDueAt", "_id")).limit(limit);
        query.fields().include("_id");
        return mongo.find(query, Document.class, COLLECTION).stream().map(d -> d.getString("_id")).toList();
    }

    private static Criteria criteria(InstitutionDirectory.Readable readable, Filter filter) {
        Criteria criteria = readable.all() ? new Criteria() : Criteria.where("institutionId").in(readable.ids());
        if (filter.status() != null) {
            criteria = criteria.and("status").is(filter.status());
        }
        if (filter.level() != null) {
            criteria = criteria.and("level").is(filter.level());
        }
        if (filter.institutionId() != null) {
            criteria = readable.all() ? criteria.and("institutionId").is(filter.institutionId())
                    : new Criteria().andOperator(criteria, Criteria.where("institutionId").is(filter.institutionId()));
        }
        return criteria;
    }

    private static Query summary(Query query) {
        query.fields().exclude("timeline").exclude(OutboxEntry.FIELD).exclude("supportNotes");
        return query;
    }

    private static List<String> members() {
        List<String> names = new ArrayList<>();
        for (Field field : RiskEvent.class.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) && !field.getName().equals("id")
                    && !field.getName().equals(OutboxEntry.FIELD)) {
                names.add(field.getName());
            }
        }
        return List.copyOf(names);
    }

    /** What a list is narrowed to; each member null for any. */
    public record Filter(EventStatus status, Level level, String institutionId) {
    }

    /** A page of events (without timeline, outbox and support notes) and how many match in all. */
    public record Page(List<RiskEvent> content, long totalElements) {
    }
}
