package cn.p2psupervision.acceptance.cases;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import cn.p2psupervision.platform.mongo.StampedCopies;

/**
 * A small copy of every case ({@code case_keys}): what the filing progress (ACC-13) counts, so that it reads neither
 * the cases with their history nor the store on every call ({@link StampedCopies}).
 */
@Component
public class CaseKeys {

    static final String COLLECTION = "case_keys";

    private final MongoTemplate mongo;
    private final StampedCopies<Key> keys;

    CaseKeys(MongoTemplate mongo) {
        this.mongo = mongo;
        this.keys = new StampedCopies<>(mongo, COLLECTION, Key::read);
    }

    /**
     * A case as the filing progress needs it.
     *
     * @param filedOn the day of filing registration, null until filed
     */
    public record Key(String institutionId, long version, String registeredProvince, Complexity complexity,
                      LocalDate deadline, CaseState state, LocalDate filedOn) {

        static StampedCopies.Copy of(AcceptanceCase c) {
            Map<String, Object> members = new LinkedHashMap<>();
            members.put("registeredProvince", c.registeredProvince());
            members.put("complexity", c.complexity().name());
            members.put("deadline", c.deadline().toString());
            members.put("state", c.state().name());
            members.put("filedOn", c.filedOn() == null ? null : c.filedOn().toString());
            return new StampedCopies.Copy(c.institutionId(), c.version(), members);
        }

        static Key read(Document key) {
            String filedOn = key.getString("filedOn");
            return new Key(key.getString("_id"), ((Number) key.get("version")).longValue(),
                    key.getString("registeredProvince"), Complexity.valueOf(key.getString("complexity")),
                    LocalDate.parse(key.getString("deadline")), CaseState.valueOf(key.getString("state")),
                    filedOn == null ? null : LocalDate.parse(filedOn));
        }

        public boolean filed() {
            return state == CaseState.FILED;
        }

        /** Neither filed nor closed by a failed outcome. */
        public boolean inProgress() {
            return !filed() && !state.closedByFailure();
        }

        /** ACC-13: past its deadline and neither filed nor closed by a failed outcome. */
        public boolean overdue(LocalDate today) {
            return inProgress() && today.isAfter(deadline);
        }
    }

    /** The key after a case's write (a failure is repaired at the next start and does not fail the write). */
    void written(AcceptanceCase c) {
        keys.written(Key.of(c));
    }

    /** Writes the key of every case whose key is missing or behind it, so that cases stored before it count. */
    @EventListener(ApplicationReadyEvent.class)
    int repair() {
        return keys.repair(CaseStore.COLLECTION, id -> Optional
                .ofNullable(mongo.findById(id, AcceptanceCase.class, CaseStore.COLLECTION)).map(Key::of));
    }

    /** Every case's key. */
    public List<Key> all() {
        return keys.all();
    }
}
