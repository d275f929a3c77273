package cn.p2psupervision.acceptance.custodybank;

import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The custody-bank whitelist (collection {@value #COLLECTION}): a single document {@code _id: "current"} holding the
 * current version, its number and every version oldest first, so that a change and its history are one atomic write,
 * compare-and-set on the version (ACC-15). Every access is by {@code _id}.
 */
@Repository
public class CustodyBankStore {

    public static final String COLLECTION = "custody_banks";
    static final String ID = "current";

    private final MongoTemplate mongo;

    CustodyBankStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The stored document: the current version and all versions, oldest first. */
    public record StoredList(@Id String id, long version, CustodyBankList current, List<CustodyBankList> versions) {
    }

    /** The current version without the history; empty while nothing is stored. */
    Optional<CustodyBankList> current() {
        Query query = Query.query(Criteria.where("_id").is(ID));
        query.fields().include("current");
        Document found = mongo.findOne(query, Document.class, COLLECTION);
        return found == null || !(found.get("current") instanceof Document current) ? Optional.empty()
                : Optional.of(mongo.getConverter().read(CustodyBankList.class, current));
    }

    /** The whole document; empty while nothing is stored. */
    Optional<StoredList> all() {
        return Optional.ofNullable(mongo.findById(ID, StoredList.class, COLLECTION));
    }

    /**
     * Stores {@code first} unless a document is stored already: an insert under the fixed {@code _id}, so that of
     * several replicas seeding at once exactly one succeeds and the others find it.
     */
    void createIfAbsent(CustodyBankList first) {
        Document document = toDocument(new StoredList(ID, first.version(), first, List.of(first)));
        try {
            mongo.insert(document, COLLECTION);
        } catch (DuplicateKeyException alreadyCreated) {
            // another request or replica seeded it first: theirs stands
        }
    }

    /**
     * Makes {@code next} the current version and appends it to the history, if the stored version is still the one
     * before it (compare-and-set, one atomic write).
     *
     * @return false when another change took that version first
     */
    boolean append(CustodyBankList next) {
        Document version = toDocument(next);
        Query unchanged = Query.query(Criteria.where("_id").is(ID).and("version").is(next.version() - 1));
        Update update = new Update().set("version", next.version()).set("current", version).push("versions", version);
        return mongo.updateFirst(unchanged, update, COLLECTION).getMatchedCount() == 1;
    }

    private Document toDocument(Object value) {
        Document document = new Document();
        mongo.getConverter().write(value, document);
        document.remove("_class");
        return document;
    }
}
