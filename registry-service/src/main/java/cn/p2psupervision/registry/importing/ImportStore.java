package cn.p2psupervision.registry.importing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import cn.p2psupervision.platform.input.PageParameters;

/** Persistence of import jobs ({@code imports}) and their per-row reports ({@code import_rows}) (REG-05). */
@Repository
class ImportStore {

    static final String JOBS = "imports";
    static final String ROWS = "import_rows";

    private final MongoTemplate mongo;

    ImportStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void create(ImportJob job) {
        mongo.insert(job, JOBS);
    }

    Optional<ImportJob> job(String id) {
        return Optional.ofNullable(mongo.findById(id, ImportJob.class, JOBS));
    }

    void running(String id) {
        mongo.updateFirst(byId(id), new Update().set("state", ImportJob.State.RUNNING.name()), JOBS);
    }

    /** Appends a batch of row reports and the job's progress. */
    void progress(String id, List<ImportRow> rows, long rowCount, Map<ImportJob.Outcome, Long> counts) {
        if (!rows.isEmpty()) {
            mongo.insert(rows, ROWS);
        }
        Update update = new Update().set("rows", rowCount);
        counts.forEach((outcome, count) -> update.set("counts." + outcome.name(), count));
        mongo.updateFirst(byId(id), update, JOBS);
    }

    void finish(String id, ImportJob.State state, String message, Instant at) {
        mongo.updateFirst(byId(id), new Update().set("state", state.name()).set("finishedAt", at).set("message", message),
                JOBS);
    }

    /** Marks every job still queued or running as failed with {@code message} (after a restart); true if any was. */
    boolean failUnfinished(String message, Instant at) {
        return mongo.updateMulti(Query.query(Criteria.where("state").in(ImportJob.State.QUEUED.name(),
                        ImportJob.State.RUNNING.name())),
                new Update().set("state", ImportJob.State.FAILED.name()).set("finishedAt", at).set("message", message),
                JOBS).getModifiedCount() > 0;
    }

    /** The row reports of a job, optionally of one outcome, in row order. */
    List<ImportRow> rows(String id, ImportJob.Outcome outcome, PageParameters paging) {
        Criteria criteria = Criteria.where("importId").is(id);
        if (outcome != null) {
            criteria = criteria.and("outcome").is(outcome.name());
        }
        return mongo.find(Query.query(criteria).with(Sort.by("row")).skip(paging.offset()).limit(paging.size()),
                ImportRow.class, ROWS);
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
