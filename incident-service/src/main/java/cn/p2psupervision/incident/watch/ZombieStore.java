package cn.p2psupervision.incident.watch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import cn.p2psupervision.platform.registryfeed.InstitutionDirectory;
import cn.p2psupervision.platform.registryfeed.InstitutionReference;

/**
 * The list of zombie institutions (collection {@value #COLLECTION}, INC-10): one document per listed institution
 * ({@code _id} its id, {@link Zombie}).
 *
 * <p>A scan replaces its part of the list so that a reader never sees half a list: it upserts in bulk the zombies it
 * found new or changed (tagged with its scan id), then takes the figures reasons off those it no longer finds and
 * removes the documents no reason lists any more. While it writes, a reader sees the earlier list with the new
 * zombies appearing; no institution listed before disappears until the scan has written all of its own. A scan that
 * finds what the previous one found writes nothing. A closure of bidding is set and withdrawn on the same document by
 * a single-document write, which no scan step undoes.
 */
@Repository
class ZombieStore {

    static final String COLLECTION = "zombies";
    /** Writes per bulk request. */
    private static final int CHUNK = 1000;

    private final MongoTemplate mongo;

    ZombieStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("registeredProvince", Sort.Direction.ASC)
                .on("creditCode", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("businessProvinces", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("scanned", Sort.Direction.ASC)
                .on("scanId", Sort.Direction.ASC));
    }

    Optional<Zombie> find(String institutionId) {
        return Optional.ofNullable(mongo.findById(institutionId, Zombie.class, COLLECTION));
    }

    /** Every document of the list, by institution id (a few thousand at most): what a scan compares its findings with. */
    Map<String, Zombie> all() {
        Map<String, Zombie> all = new HashMap<>();
        for (Zombie zombie : mongo.findAll(Zombie.class, COLLECTION)) {
            all.put(zombie.institutionId(), zombie);
        }
        return all;
    }

    /**
     * Makes {@code found} the figures part of the list, as scan {@code scanId} at {@code scannedAt} found it, given the
     * list as it stood when the scan began ({@code before}), writing only the difference: the zombies new or changed
     * (reasons, latest month, names, provinces or status) upserted in bulk, then the figures reasons taken off those
     * the scan no longer finds, which leave the list unless a closure of bidding keeps them. The names, provinces and
     * status of the institutions listed by a closure alone ({@code closedOnly}) are refreshed where they changed.
     */
    void storeScan(String scanId, Instant scannedAt, Map<String, Zombie> before, List<ZombieFinding> found,
                   List<InstitutionReference> closedOnly) {
        BulkOperations bulk = null;
        int writes = 0;
        Set<String> foundIds = new HashSet<>();
        for (ZombieFinding zombie : found) {
            foundIds.add(zombie.institution().id());
            Zombie stored = before.get(zombie.institution().id());
            if (stored != null && stored.scanned() && stored.scanReasons().equals(zombie.reasons())
                    && Objects.equals(stored.latestPeriod(), zombie.latestPeriod())
                    && sameSnapshot(stored, zombie.institution())) {
                continue;
            }
            bulk = bulk != null ? bulk : mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Zombie.class, COLLECTION);
            bulk.upsert(byId(zombie.institution().id()), snapshot(zombie.institution())
                    .set("scanReasons", zombie.reasons()).set("latestPeriod", zombie.latestPeriod())
                    .set("scanned", true).set("scanId", scanId).set("scannedAt", scannedAt)
                    .setOnInsert("detectedAt", scannedAt));
            if (++writes % CHUNK == 0) {
                bulk.execute();
                bulk = null;
            }
        }
        for (InstitutionReference closed : closedOnly) {
            Zombie stored = before.get(closed.id());
            if (stored == null || sameSnapshot(stored, closed)) {
                continue;
            }
            bulk = bulk != null ? bulk : mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Zombie.class, COLLECTION);
            bulk.updateOne(Query.query(Criteria.where("_id").is(closed.id()).and("closure").exists(true)),
                    snapshot(closed));
            if (++writes % CHUNK == 0) {
                bulk.execute();
                bulk = null;
            }
        }
        if (bulk != null) {
            bulk.execute();
        }
        List<String> gone = before.values().stream()
                .filter(zombie -> zombie.scanned() && !foundIds.contains(zombie.institutionId()))
                .map(Zombie::institutionId).toList();
        for (int from = 0; from < gone.size(); from += CHUNK) {
            List<String> chunk = gone.subList(from, Math.min(from + CHUNK, gone.size()));
            mongo.updateMulti(Query.query(Criteria.where("_id").in(chunk).and("scanned").is(true)),
                    new Update().set("scanned", false).set("scanReasons", List.of()).unset("latestPeriod")
                            .unset("scanId").unset("scannedAt"), COLLECTION);
            mongo.remove(Query.query(Criteria.where("_id").in(chunk).and("scanned").ne(true)
                    .and("closure").exists(false)), COLLECTION);
        }
    }

    private static boolean sameSnapshot(Zombie stored, InstitutionReference institution) {
        return Objects.equals(stored.creditCode(), institution.creditCode())
                && Objects.equals(stored.name(), institution.name())
                && Objects.equals(stored.registeredProvince(), institution.registeredProvince())
                && stored.businessProvinces().equals(institution.businessProvinces())
                && Objects.equals(stored.status(), institution.status());
    }

    /**
     * Records a closure of bidding on the institution's document (listing it), unless one is recorded already.
     *
     * @return false when a closure is recorded already
     */
    boolean recordClosure(InstitutionReference institution, BiddingClosure closure, Instant at) {
        Query withoutClosure = Query.query(Criteria.where("_id").is(institution.id()).and("closure").exists(false));
        try {
            // no document, or one without a closure: set it; one with a closure: the insert meets its _id
            mongo.upsert(withoutClosure, snapshot(institution).set("closure", closure)
                    .setOnInsert("scanned", false).setOnInsert("scanReasons", List.of())
                    .setOnInsert("detectedAt", at), Zombie.class, COLLECTION);
            return true;
        } catch (DuplicateKeyException recordedAlready) {
            return false;
        }
    }

    /**
     * Withdraws the institution's closure of bidding; its document goes when no scan reason lists it either.
     *
     * @return the withdrawn closure, or empty when none was recorded
     */
    Optional<BiddingClosure> withdrawClosure(String institutionId) {
        Zombie before = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(institutionId).and("closure").exists(true)),
                new Update().unset("closure"), FindAndModifyOptions.options().returnNew(false), Zombie.class,
                COLLECTION);
        if (before == null) {
            return Optional.empty();
        }
        mongo.remove(Query.query(Criteria.where("_id").is(institutionId).and("scanned").ne(true)
                .and("closure").exists(false)), COLLECTION);
        return Optional.of(before.closure());
    }

    /**
     * A page of the listed zombies the caller may read, optionally of institutions registered or doing business in
     * {@code province}, by registered province and credit code; institutions already out
     * ({@link ZombieDetection#OUT_OF_CAMPAIGN}) never.
     */
    Page list(InstitutionDirectory.Readable readable, String province, int page, int size) {
        if (readable.none()) {
            return new Page(List.of(), 0);
        }
        Query query = Query.query(listed(readable, province));
        long total = mongo.count(query, Zombie.class, COLLECTION);
        query.with(Sort.by("registeredProvince", "creditCode", "_id")).skip((long) page * size).limit(size);
        return new Page(mongo.find(query, Zombie.class, COLLECTION), total);
    }

    /** How many listed zombies the caller may read. */
    long count(InstitutionDirectory.Readable readable) {
        return readable.none() ? 0 : mongo.count(Query.query(listed(readable, null)), Zombie.class, COLLECTION);
    }

    private static Criteria listed(InstitutionDirectory.Readable readable, String province) {
        List<Criteria> all = new ArrayList<>(4);
        all.add(new Criteria().orOperator(Criteria.where("scanned").is(true), Criteria.where("closure").exists(true)));
        all.add(Criteria.where("status").nin(ZombieDetection.OUT_OF_CAMPAIGN));
        if (!readable.all()) {
            all.add(Criteria.where("_id").in(readable.ids()));
        }
        if (province != null) {
            all.add(new Criteria().orOperator(Criteria.where("registeredProvince").is(province),
                    Criteria.where("businessProvinces").is(province)));
        }
        return new Criteria().andOperator(all);
    }

    private static Update snapshot(InstitutionReference institution) {
        return new Update().set("creditCode", institution.creditCode()).set("name", institution.name())
                .set("registeredProvince", institution.registeredProvince())
                .set("businessProvinces", institution.businessProvinces()).set("status", institution.status());
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    record Page(List<Zombie> content, long totalElements) {
    }
}
