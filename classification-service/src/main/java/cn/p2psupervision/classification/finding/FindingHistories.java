package cn.p2psupervision.classification.finding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import cn.p2psupervision.classification.finding.FindingStore.StoredFinding;
import cn.p2psupervision.platform.mongo.StampedCopies;

/**
 * Each finding's history as the statistics (CLS-09) need it, one small copy per finding (collection
 * {@value #COLLECTION}, kept by {@link StampedCopies}): which problem, whether active, since when. The statistics so
 * never read the findings with their evidence (on the embedded store a pass over 6,000 findings was most of their
 * 0.8 s, docs/performance.md).
 */
@Component
public class FindingHistories {

    static final String COLLECTION = "finding_histories";

    private final MongoTemplate mongo;
    private final StampedCopies<History> histories;

    FindingHistories(MongoTemplate mongo) {
        this.mongo = mongo;
        this.histories = new StampedCopies<>(mongo, COLLECTION, History::read);
    }

    /** A finding's versions, oldest first. */
    public record History(String findingId, String institutionId, List<Step> steps) {

        static StampedCopies.Copy of(StoredFinding finding) {
            Map<String, Object> members = new LinkedHashMap<>();
            members.put("institutionId", finding.institutionId());
            members.put("steps", finding.versions().stream()
                    .map(version -> new Step(version.recordedAt(), version.problemCode(), version.state())).toList());
            return new StampedCopies.Copy(finding.id(), finding.version(), members);
        }

        static History read(Document history) {
            List<Step> steps = new ArrayList<>();
            for (Document step : history.getList("steps", Document.class, List.of())) {
                Date at = step.getDate("at");
                steps.add(new Step(at == null ? null : at.toInstant(), step.getString("problemCode"),
                        FindingState.valueOf(step.getString("state"))));
            }
            return new History(history.getString("_id"), history.getString("institutionId"), List.copyOf(steps));
        }
    }

    /** @param at when the version was recorded */
    public record Step(Instant at, String problemCode, FindingState state) {
    }

    /** The copy after a finding's write (a failure is repaired at the next start and does not fail the write). */
    void written(StoredFinding finding) {
        histories.written(History.of(finding));
    }

    /** Writes the history of every finding whose copy is missing or behind it; how many. */
    int repair() {
        return histories.repair(FindingStore.COLLECTION, id -> Optional
                .ofNullable(mongo.findById(id, StoredFinding.class, FindingStore.COLLECTION)).map(History::of));
    }

    /** Every finding's history. */
    public List<History> all() {
        return histories.all();
    }
}
