package cn.p2psupervision.platform.mongo;

import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Central data kept as one versioned document (the screening thresholds, the campaign schedule, the custody-bank
 * whitelist): a single document {@code _id: "current"} in its own collection, holding the current version, its number
 * and every version oldest first, so that a change and its history are one atomic write, compare-and-set on the
 * version. Every access is by {@code _id}. A context's store extends it with its collection and version type.
 *
 * @param <T> one version of the data, numbered from 1 by {@code versionOf}
 */
public class VersionedDocument<T> {

    /** The {@code _id} of the one document. */
    public static final String ID = "current";

    private final MongoTemplate mongo;
    private final String collection;
    private final Class<T> type;
    private final ToLongFunction<T> versionOf;

    protected VersionedDocument(MongoTemplate mongo, String collection, Class<T> type, ToLongFunction<T> versionOf) {
        this.mongo = mongo;
        this.collection = collection;
        this.type = type;
        this.versionOf = versionOf;
    }

    /** The stored document: the current version and all versions, oldest first. */
    public record Stored<T>(String id, long version, T current, List<T> versions) {
    }

    /** The current version without the history; empty while nothing is stored. */
    public Optional<T> current() {
        Query query = Query.query(Criteria.where("_id").is(ID));
        query.fields().include("current");
        Document found = mongo.findOne(query, Document.class, collection);
        return found == null || !(found.get("current") instanceof Document current) ? Optional.empty()
                : Optional.of(read(current));
    }

    /** The whole document; empty while nothing is stored. */
    public Optional<Stored<T>> all() {
        Document found = mongo.findById(ID, Document.class, collection);
        if (found == null) {
            return Optional.empty();
        }
        List<T> versions = found.getList("versions", Document.class, List.of()).stream().map(this::read).toList();
        return Optional.of(new Stored<>(ID, ((Number) found.get("version")).longValue(),
                read(found.get("current", Document.class)), versions));
    }

    /**
     * Stores {@code first} unless a document is stored already: an insert under the fixed {@code _id}, so that of
     * several replicas creating the default at once exactly one succeeds and the others find it.
     */
    public void createIfAbsent(T first) {
        Document version = toDocument(first);
        Document document = new Document("_id", ID).append("version", versionOf.applyAsLong(first))
                .append("current", version).append("versions", List.of(version));
        try {
            mongo.insert(document, collection);
        } catch (DuplicateKeyException alreadyCreated) {
            // another request or replica created it first: theirs stands
        }
    }

    /**
     * Makes {@code next} the current version and appends it to the history, if the stored version is still the one
     * before it (compare-and-set, one atomic write).
     *
     * @return false when another change took that version first
     */
    public boolean append(T next) {
        Document version = toDocument(next);
        long number = versionOf.applyAsLong(next);
        Query unchanged = Query.query(Criteria.where("_id").is(ID).and("version").is(number - 1));
        Update update = new Update().set("version", number).set("current", version).push("versions", version);
        return mongo.updateFirst(unchanged, update, collection).getMatchedCount() == 1;
    }

    private T read(Document document) {
        return mongo.getConverter().read(type, document);
    }

    private Document toDocument(Object value) {
        Document document = new Document();
        mongo.getConverter().write(value, document);
        document.remove("_class");
        return document;
    }
}
