package cn.p2psupervision.platform.mongo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Small copies of versioned documents, one per document, in a collection of their own: what a service's lists and
 * statistics read instead of the documents with their whole history. Each copy is written just after its document,
 * never replaced by the copy of an older version, and checked against the documents at start ({@link #repair}).
 * <p>
 * Every replica keeps all copies in memory together with the stamp they were read at; each copy written raises the
 * stamp (one document in {@code <collection>_stamp}), and a read that finds the stamp moved reads the copies again. A
 * list or the statistics so cost one lookup by {@code _id} while nothing changes, and never see copies older than the
 * last write completed before they asked. Meant for collections of up to some ten thousand small copies; the embedded
 * development store, which deserializes every document it reads, needs it most.
 *
 * @param <T> a copy as the service reads it
 */
public final class StampedCopies<T> {

    private static final Logger log = LoggerFactory.getLogger(StampedCopies.class);
    private static final String STAMP_ID = "copies";

    private final MongoTemplate mongo;
    private final String collection;
    private final String stampCollection;
    private final Function<Document, T> reader;
    private volatile Snapshot<T> snapshot = new Snapshot<>(-1, List.of());

    /** @param reader a copy from its stored form ({@code _id}, {@code version} and the members written) */
    public StampedCopies(MongoTemplate mongo, String collection, Function<Document, T> reader) {
        this.mongo = mongo;
        this.collection = collection;
        this.stampCollection = collection + "_stamp";
        this.reader = reader;
    }

    private record Snapshot<T>(long stamp, List<T> copies) {
    }

    /**
     * The copy of document {@code id} at {@code version}.
     *
     * @param members the copy's members besides {@code _id} and {@code version}
     */
    public record Copy(String id, long version, Map<String, Object> members) {
    }

    /**
     * Stores {@code copy} just after its document's write: a failure is logged and repaired at the next start, and
     * never fails the write it follows.
     */
    public void written(Copy copy) {
        try {
            write(copy);
        } catch (DataAccessException e) {
            log.error("{} {} version {} is stored but its copy is not; lists and statistics may miss the change until "
                    + "the next start repairs it", collection, copy.id(), copy.version(), e);
        }
    }

    /** Stores the copy unless one of the same or a later version is there already, then raises the stamp. */
    private void write(Copy copy) {
        Query older = Query.query(Criteria.where("_id").is(copy.id()).and("version").lt(copy.version()));
        Update update = new Update().set("version", copy.version());
        copy.members().forEach(update::set);
        try {
            mongo.upsert(older, update, collection);
        } catch (DuplicateKeyException sameOrLaterKept) {
            return;
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(STAMP_ID)), new Update().inc("stamp", 1L), stampCollection);
    }

    /**
     * Writes the copy of every document of {@code documents} whose copy is missing or behind it: documents stored
     * before the copies existed, or whose copy write failed. Idempotent, so replicas starting together do no harm.
     *
     * @param copyOf the copy of the document with this id as it is now; empty when it is gone
     * @return how many copies were written
     */
    public int repair(String documents, Function<String, Optional<Copy>> copyOf) {
        Map<String, Long> copied = new HashMap<>();
        Query copies = new Query();
        copies.fields().include("version");
        for (Document copy : mongo.find(copies, Document.class, collection)) {
            copied.put(copy.getString("_id"), version(copy));
        }
        Query versions = new Query();
        versions.fields().include("version");
        int written = 0;
        for (Document document : mongo.find(versions, Document.class, documents)) {
            String id = document.getString("_id");
            Long known = copied.get(id);
            if (known == null || known < version(document)) {
                Optional<Copy> copy = copyOf.apply(id);
                if (copy.isPresent()) {
                    write(copy.get());
                    written++;
                }
            }
        }
        if (written > 0) {
            log.info("Wrote {} copies of {} missing or behind their documents", written, documents);
        }
        return written;
    }

    /** Every copy as of the current stamp: those in memory while it has not moved, otherwise read again. */
    public List<T> all() {
        long stamp = stamp();
        Snapshot<T> known = snapshot;
        if (known.stamp() == stamp) {
            return known.copies();
        }
        List<T> copies = new ArrayList<>();
        for (Document copy : mongo.findAll(Document.class, collection)) { // as documents: cheaper than mapping
            copies.add(reader.apply(copy));
        }
        Snapshot<T> read = new Snapshot<>(stamp, List.copyOf(copies));
        snapshot = read;
        return read.copies();
    }

    private long stamp() {
        Document stamp = mongo.findById(STAMP_ID, Document.class, stampCollection);
        return stamp == null ? 0 : ((Number) stamp.get("stamp")).longValue();
    }

    private static long version(Document document) {
        Object version = document.get("version");
        return version instanceof Number number ? number.longValue() : 0;
    }
}
