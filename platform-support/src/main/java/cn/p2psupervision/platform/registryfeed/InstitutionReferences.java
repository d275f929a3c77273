package cn.p2psupervision.platform.registryfeed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

/**
 * This service's projection of the registry's institutions (issue 7), in its own database: the references
 * ({@code registry_institutions}) and how far the registry's change feed has been applied to them
 * ({@code registry_feed_cursor}). The feed delivers at least once and in any order across pages and reloads, so a
 * reference is applied only when it is newer than the stored one: by a compare-and-set on the stored version, so
 * that of two writers racing (a poll that outlived its lock), an older reference never replaces a newer one.
 */
public class InstitutionReferences {

    static final String COLLECTION = "registry_institutions";
    static final String CURSOR = "registry_feed_cursor";
    private static final String FEED = "registry";
    private static final String GENERATION = "generation";
    /** Each failed compare-and-set means another writer stored this institution meanwhile. */
    private static final int MAX_ATTEMPTS = 10;
    private static final Logger log = LoggerFactory.getLogger(InstitutionReferences.class);

    private final MongoTemplate mongo;

    public InstitutionReferences(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * The compare-and-set names {@code _id} and {@code version} exactly: on the embedded development server only an
     * index with exactly these keys makes it a lookup instead of a scan (MongoDB serves it from {@code _id} anyway).
     */
    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        mongo.indexOps(COLLECTION).createIndex(
                new Index().on("_id", Sort.Direction.ASC).on("version", Sort.Direction.ASC).unique());
    }

    public Optional<InstitutionReference> find(String id) {
        return Optional.ofNullable(mongo.findById(id, InstitutionReference.class, COLLECTION));
    }

    /**
     * Every projected institution's id, in ascending order (one pass over the projection reading the ids alone): what a
     * scan over every institution pages through (INC-10, INC-11).
     */
    public List<String> ids() {
        Query query = new Query();
        query.fields().include("_id");
        List<String> ids = new ArrayList<>();
        for (Document stored : mongo.find(query, Document.class, COLLECTION)) {
            ids.add(stored.getString("_id"));
        }
        ids.sort(null);
        return ids;
    }

    /**
     * The projected references of {@code ids}, by id, those not projected left out: one {@code _id $in} lookup, served
     * by the {@code _id} index on MongoDB and on the embedded development server alike.
     */
    public Map<String, InstitutionReference> findAll(Collection<String> ids) {
        Map<String, InstitutionReference> found = new HashMap<>();
        for (InstitutionReference reference : mongo.find(Query.query(Criteria.where("_id").in(ids)),
                InstitutionReference.class, COLLECTION)) {
            found.put(reference.id(), reference);
        }
        return found;
    }

    /**
     * Stores each reference that is newer than the one stored for its institution (or the first for it); an equal or
     * older version changes nothing.
     *
     * @return how many references were stored
     */
    public int apply(List<InstitutionReference> references) {
        if (references.isEmpty()) {
            return 0;
        }
        Map<String, Long> stored = storedVersions(references.stream().map(InstitutionReference::id).toList());
        int applied = 0;
        for (InstitutionReference reference : references) {
            if (apply(reference, stored.get(reference.id()))) {
                stored.put(reference.id(), reference.version());
                applied++;
            }
        }
        if (applied > 0) {
            mongo.upsert(Query.query(Criteria.where("_id").is(FEED)), new Update().inc(GENERATION, 1), CURSOR);
        }
        return applied;
    }

    private boolean apply(InstitutionReference reference, Long storedVersion) {
        Long stored = storedVersion;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            if (stored != null && stored >= reference.version()) {
                return false;
            }
            if (compareAndSet(reference, stored)) {
                return true;
            }
            stored = storedVersions(List.of(reference.id())).get(reference.id());
        }
        log.warn("Institution {} not projected at version {}: it kept changing; the feed delivers it again",
                reference.id(), reference.version());
        return false;
    }

    /** Writes {@code reference} if the stored one is still at {@code storedVersion} (null: none stored). */
    private boolean compareAndSet(InstitutionReference reference, Long storedVersion) {
        Document document = new Document();
        mongo.getConverter().write(reference, document);
        document.remove("_class");
        if (storedVersion == null) {
            try {
                mongo.insert(document, COLLECTION);
                return true;
            } catch (DuplicateKeyException concurrentlyStored) {
                return false;
            }
        }
        return mongo.replace(Query.query(Criteria.where("_id").is(reference.id()).and("version").is(storedVersion)),
                document, COLLECTION).getMatchedCount() == 1;
    }

    /** The stored versions of {@code ids}, by id (one {@code _id} lookup). */
    private Map<String, Long> storedVersions(List<String> ids) {
        Query query = Query.query(Criteria.where("_id").in(ids));
        query.fields().include("version");
        Map<String, Long> versions = new HashMap<>();
        for (Document stored : mongo.find(query, Document.class, COLLECTION)) {
            versions.put(stored.getString("_id"), ((Number) stored.get("version")).longValue());
        }
        return versions;
    }

    /**
     * Every projected institution's id with its registered and business provinces (one pass over the projection, the
     * other members left out): what {@link InstitutionDirectory} indexes province scope by.
     */
    List<InstitutionReference> provincesOfAll() {
        Query query = new Query();
        query.fields().include("registeredProvince").include("businessProvinces");
        List<InstitutionReference> all = new ArrayList<>();
        for (Document stored : mongo.find(query, Document.class, COLLECTION)) {
            all.add(new InstitutionReference(stored.getString("_id"), null, null,
                    stored.getString("registeredProvince"), stored.getList("businessProvinces", String.class), null,
                    null, null, false, null, 0));
        }
        return all;
    }

    /**
     * A number that changes whenever a reference is stored (on any replica): what in-memory indexes of the projection
     * compare to know they are out of date ({@link InstitutionDirectory}).
     */
    long generation() {
        Document cursor = mongo.findById(FEED, Document.class, CURSOR);
        return cursor == null || cursor.get(GENERATION) == null ? 0 : ((Number) cursor.get(GENERATION)).longValue();
    }

    /** How far the feed is applied; empty before the first load. */
    public Optional<FeedPosition> position() {
        Document cursor = mongo.findById(FEED, Document.class, CURSOR);
        return cursor == null || cursor.get("seq") == null ? Optional.empty() : Optional.of(new FeedPosition(
                ((Number) cursor.get("seq")).longValue(), ((Number) cursor.get("latest")).longValue(),
                cursor.getDate("polledAt").toInstant()));
    }

    /** Records that every change up to {@code seq} is applied, as of a successful poll at {@code polledAt}. */
    void advance(long seq, long latest, Instant polledAt) {
        mongo.upsert(Query.query(Criteria.where("_id").is(FEED)),
                new Update().set("seq", seq).set("latest", latest).set("polledAt", polledAt), CURSOR);
    }

    /**
     * Where this service stands in the registry's change feed.
     *
     * @param seq      every change up to this commit sequence number is applied
     * @param latest   the registry's commit sequence at that poll
     * @param polledAt the last successful poll (real time, not the domain clock)
     */
    public record FeedPosition(long seq, long latest, Instant polledAt) {
    }
}
