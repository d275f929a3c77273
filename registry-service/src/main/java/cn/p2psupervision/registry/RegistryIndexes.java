package cn.p2psupervision.registry;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The secondary indexes behind the list filters, scope filters and groups (on the register lines) and import reports, created at start-up
 * (idempotent on MongoDB). Every id-keyed access already uses {@code _id}. The embedded development server accepts
 * and ignores non-unique indexes, so there those queries scan; see docs/performance.md.
 */
@Component
class RegistryIndexes {

    private final MongoTemplate mongo;

    RegistryIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void create() {
        var entries = mongo.indexOps("institution_entries");
        entries.createIndex(new Index().on("registeredProvince", Sort.Direction.ASC).on("nameKey", Sort.Direction.ASC));
        entries.createIndex(new Index().on("businessProvinces", Sort.Direction.ASC).on("nameKey", Sort.Direction.ASC));
        entries.createIndex(new Index().on("nameKey", Sort.Direction.ASC).on("creditCode", Sort.Direction.ASC));
        entries.createIndex(new Index().on("status", Sort.Direction.ASC));
        entries.createIndex(new Index().on("crossRegion", Sort.Direction.ASC));
        entries.createIndex(new Index().on("controllerKeys", Sort.Direction.ASC));
        entries.createIndex(new Index().on("creditCode", Sort.Direction.ASC));
        // the compare-and-set of a derived line or file names _id and version exactly: on the embedded server only an
        // index with exactly these keys makes it a lookup instead of a scan (MongoDB serves it from _id either way)
        entries.createIndex(new Index().on("_id", Sort.Direction.ASC).on("version", Sort.Direction.ASC).unique());
        mongo.indexOps("institutions").createIndex(
                new Index().on("_id", Sort.Direction.ASC).on("version", Sort.Direction.ASC).unique());
        mongo.indexOps("import_rows").createIndex(new Index().on("importId", Sort.Direction.ASC).on("row", Sort.Direction.ASC));
    }
}
