package cn.p2psupervision.acceptance.cases;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
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
 * The acceptance cases (collection {@value #COLLECTION}): one document per institution ({@code _id} = its id, ACC-01)
 * holding the whole case with its history, and the outbox of the changes other contexts must make because of it. A new
 * version, its history line and its outbox entries are one atomic write, compare-and-set on the version; the outbox
 * entries already stored are never rewritten here (the relay records their outcomes in place).
 *
 * <p>Beside the cases, a counter ({@value #GENERATION_COLLECTION}) moves after every change the public sees (a notice
 * started or revoked, a certificate, a filing), so that a replica's public snapshot knows when to reload with one tiny
 * read (AUTH-06).
 */
@Repository
public class CaseStore {

    public static final String COLLECTION = "cases";
    static final String GENERATION_COLLECTION = "public_generation";
    private static final String GENERATION_ID = "cases";

    private final MongoTemplate mongo;
    private final CaseKeys keys;

    CaseStore(MongoTemplate mongo, CaseKeys keys) {
        this.mongo = mongo;
        this.keys = keys;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("updatedAt", Sort.Direction.DESC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("deadline", Sort.Direction.ASC));
    }

    public Optional<AcceptanceCase> find(String institutionId) {
        return Optional.ofNullable(mongo.findById(institutionId, AcceptanceCase.class, COLLECTION));
    }

    /** Stores a new case; 409 when the institution has one (ACC-01: one case per institution). */
    AcceptanceCase insert(AcceptanceCase first) {
        try {
            mongo.insert(first, COLLECTION);
            keys.written(first);
            return first;
        } catch (DuplicateKeyException openedMeanwhile) {
            throw duplicate(first.institutionId());
        }
    }

    static ProblemException duplicate(String institutionId) {
        return ProblemException.conflict("Institution " + institutionId + " has an acceptance case already: one case"
                + " per institution (ACC-01)");
    }

    /**
     * Stores {@code next} with {@code newEntries} added to the outbox, if the case is still at {@code stored}'s
     * version; 412 otherwise.
     */
    AcceptanceCase replace(AcceptanceCase stored, AcceptanceCase next, List<OutboxEntry> newEntries) {
        Document fields = new Document();
        mongo.getConverter().write(next, fields);
        Update update = new Update();
        for (RecordComponent component : AcceptanceCase.class.getRecordComponents()) {
            String name = component.getName();
            if (name.equals("institutionId") || name.equals(OutboxEntry.FIELD)) {
                continue;
            }
            // the converter leaves absent values out: a value that became absent (a lapsed conclusion) is removed
            if (fields.containsKey(name)) {
                update.set(name, fields.get(name));
            } else {
                update.unset(name);
            }
        }
        if (!newEntries.isEmpty()) {
            update.push(OutboxEntry.FIELD).each(newEntries.toArray());
        }
        Query unchanged = Query.query(Criteria.where("_id").is(stored.institutionId()).and("version")
                .is(stored.version()));
        if (mongo.updateFirst(unchanged, update, COLLECTION).getMatchedCount() == 0) {
            throw ProblemException.staleVersion(find(stored.institutionId()).map(AcceptanceCase::version)
                    .orElse(stored.version()));
        }
        keys.written(next);
        List<OutboxEntry> outbox = new ArrayList<>(stored.outbox());
        outbox.addAll(newEntries);
        return new AcceptanceCase(next.institutionId(), next.institutionName(), next.creditCode(),
                next.registeredProvince(), next.businessProvinces(), next.splitEntities(), next.complexity(),
                next.deadline(), next.largeOrInfluential(), next.crossRegion(), next.state(), next.team(),
                next.checks(), next.opinions(), next.conclusion(), next.notices(), next.certificate(),
                next.filedOn(), next.openComplaints(), next.history(), outbox, next.version(), next.openedBy(),
                next.openedAt(), next.updatedAt());
    }

    /** A page of the cases the caller may read, newest change first, without their history and outbox. */
    public Page list(InstitutionDirectory.Readable readable, CaseState state, int page, int size) {
        if (readable.none()) {
            return new Page(List.of(), 0);
        }
        Criteria criteria = readable.all() ? new Criteria() : Criteria.where("_id").in(readable.ids());
        if (state != null) {
            criteria = criteria.and("state").is(state);
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, COLLECTION);
        query.with(Sort.by(Sort.Direction.DESC, "updatedAt").and(Sort.by("_id"))).skip((long) page * size)
                .limit(size);
        return new Page(mongo.find(summary(query), AcceptanceCase.class, COLLECTION), total);
    }

    /**
     * ACC-13: the cases the caller may read that are past their deadline on {@code today} and neither filed nor
     * closed by a failed outcome, the longest overdue first.
     */
    public List<AcceptanceCase> overdue(InstitutionDirectory.Readable readable, LocalDate today) {
        if (readable.none()) {
            return List.of();
        }
        Criteria criteria = Criteria.where("deadline").lt(today).and("state").nin(CaseState.FILED,
                CaseState.GUIDED_EXIT, CaseState.MERGER, CaseState.BANNED);
        if (!readable.all()) {
            criteria = criteria.and("_id").in(readable.ids());
        }
        Query query = Query.query(criteria).with(Sort.by("deadline", "_id"));
        return mongo.find(summary(query), AcceptanceCase.class, COLLECTION).stream()
                .filter(c -> c.overdue(today)).toList();
    }

    /** The cases in these states, by institution id, without their history and outbox (the public lists). */
    public List<AcceptanceCase> inStates(List<CaseState> states) {
        Query query = Query.query(Criteria.where("state").in(states)).with(Sort.by("_id"));
        return mongo.find(summary(query), AcceptanceCase.class, COLLECTION);
    }

    /** AUTH-06: the counter that moves with every change the public sees; 0 before the first. */
    public long publicGeneration() {
        Document found = mongo.findById(GENERATION_ID, Document.class, GENERATION_COLLECTION);
        return found == null || !(found.get("generation") instanceof Number n) ? 0 : n.longValue();
    }

    /** Moves the public generation on (after a notice, certificate or filing changed). */
    long bumpPublicGeneration() {
        Document after = mongo.findAndModify(Query.query(Criteria.where("_id").is(GENERATION_ID)),
                new Update().inc("generation", 1L), FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class, GENERATION_COLLECTION);
        return after != null && after.get("generation") instanceof Number n ? n.longValue() : 0;
    }

    private static Query summary(Query query) {
        query.fields().exclude("history").exclude(OutboxEntry.FIELD);
        return query;
    }

    public record Page(List<AcceptanceCase> content, long totalElements) {
    }
}
