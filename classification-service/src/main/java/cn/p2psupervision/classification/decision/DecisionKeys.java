package cn.p2psupervision.classification.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import cn.p2psupervision.classification.decision.DecisionStore.StoredDecision;
import cn.p2psupervision.classification.proposal.Category;
import cn.p2psupervision.platform.mongo.StampedCopies;
import cn.p2psupervision.platform.registryfeed.InstitutionDirectory;

/**
 * A small key per decision (collection {@value #COLLECTION}, kept by {@link StampedCopies}): what the decision lists
 * filter and sort on (category, state, last change) and the history the statistics need (CLS-09), so that neither reads
 * the decisions themselves with their whole history (on the embedded store a province's first page took 1.6 s that
 * way, and the national statistics 6-9 s, docs/performance.md).
 */
@Component
public class DecisionKeys {

    static final String COLLECTION = "decision_keys";

    private final MongoTemplate mongo;
    private final StampedCopies<Key> keys;

    DecisionKeys(MongoTemplate mongo) {
        this.mongo = mongo;
        this.keys = new StampedCopies<>(mongo, COLLECTION, Key::read);
    }

    /**
     * A decision's key.
     *
     * @param steps every version's state, category, time and whether its proposal raised a flag, oldest first
     */
    record Key(String institutionId, long version, Category category, DecisionState state, Instant updatedAt,
               List<Step> steps) {

        static StampedCopies.Copy of(StoredDecision decision) {
            Map<String, Object> members = new LinkedHashMap<>();
            members.put("category", decision.current().category());
            members.put("state", decision.current().state());
            members.put("updatedAt", decision.updatedAt());
            members.put("steps", decision.versions().stream().map(Step::of).toList());
            return new StampedCopies.Copy(decision.institutionId(), decision.version(), members);
        }

        static Key read(Document key) {
            List<Step> steps = new ArrayList<>();
            for (Document step : key.getList("steps", Document.class, List.of())) {
                steps.add(new Step(instant(step.getDate("at")), DecisionState.valueOf(step.getString("state")),
                        Category.valueOf(step.getString("category")), step.getBoolean("flagged", false)));
            }
            return new Key(key.getString("_id"), ((Number) key.get("version")).longValue(),
                    Category.valueOf(key.getString("category")), DecisionState.valueOf(key.getString("state")),
                    instant(key.getDate("updatedAt")), List.copyOf(steps));
        }

        private static Instant instant(Date date) {
            return date == null ? null : date.toInstant();
        }
    }

    /**
     * A version of a decision as the statistics (CLS-09) need it.
     *
     * @param at      when it took effect: approved, reopened, otherwise recorded
     * @param flagged whether its proposal raised at least one screening flag (CLS-04)
     */
    public record Step(Instant at, DecisionState state, Category category, boolean flagged) {

        static Step of(Decision version) {
            Instant at = switch (version.state()) {
                case APPROVED -> version.approvedAt();
                case REOPENED -> version.reopenedAt();
                default -> version.recordedAt();
            };
            return new Step(at, version.state(), version.category(),
                    version.proposal() != null && !version.proposal().flags().isEmpty());
        }
    }

    /** The key after a decision's write (a failure is repaired at the next start and does not fail the write). */
    void written(StoredDecision decision) {
        keys.written(Key.of(decision));
    }

    /** Writes the key of every decision whose key is missing or behind it; how many. */
    int repair() {
        return keys.repair(DecisionStore.COLLECTION, id -> Optional
                .ofNullable(mongo.findById(id, StoredDecision.class, DecisionStore.COLLECTION)).map(Key::of));
    }

    /**
     * The ids of the decisions the caller may read in {@code category} and {@code state} (either null for any), the
     * latest change first (none last), then by institution id.
     */
    List<String> matching(InstitutionDirectory.Readable readable, Category category, DecisionState state) {
        return keys.all().stream()
                .filter(key -> readable.includes(key.institutionId()) && (category == null || category == key.category())
                        && (state == null || state == key.state()))
                .sorted(NEWEST_CHANGE_FIRST).map(Key::institutionId).toList();
    }

    private static final Comparator<Key> NEWEST_CHANGE_FIRST = Comparator
            .comparing(Key::updatedAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Key::institutionId);

    /** Every decision's history (CLS-09): institution id → its steps, oldest first. */
    public Map<String, List<Step>> histories() {
        Map<String, List<Step>> histories = new HashMap<>();
        keys.all().forEach(key -> histories.put(key.institutionId(), key.steps()));
        return histories;
    }
}
