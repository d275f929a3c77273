package cn.p2psupervision.registry.institution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import cn.p2psupervision.platform.audit.AuditTrail;

/**
 * Persistence of files and their versions, without multi-document transactions (REG-07).
 *
 * <p>The commit point of a change is the insert of its {@link InstitutionVersion}, unique by id
 * {@code <institution>:<version>}. The current file (collection {@code institutions}) and the audit entry are then
 * derived from it, each idempotently: the file is written only if it is older than the version, the audit entry under
 * the key {@code institution:<id>:v<version>}. A write killed after the commit point leaves a version ahead of the
 * file; the next read or write of that file finds the version {@code current + 1} and completes the derivation
 * ({@link #heal}). A retried request finds its own version (same change key) and succeeds without a duplicate.
 */
@Repository
public class InstitutionStore {

    static final String FILES = "institutions";
    static final String VERSIONS = "institution_versions";
    static final String ENTRIES = "institution_entries";
    static final String FIGURES = "report_figures";
    private static final String AUDIT_TYPE = "institution";

    private final MongoTemplate mongo;
    private final AuditTrail audit;

    public InstitutionStore(MongoTemplate mongo, AuditTrail audit) {
        this.mongo = mongo;
        this.audit = audit;
    }

    /** The current file, completing any change committed but not yet derived. */
    public Optional<InstitutionFile> find(String id) {
        InstitutionFile file = mongo.findById(id, InstitutionFile.class, FILES);
        long current = file == null ? 0 : file.version();
        if (versionExists(id, current + 1)) {
            return Optional.of(heal(id, current));
        }
        return Optional.ofNullable(file);
    }

    /**
     * Commits {@code next} (the version after {@code previous}, or version 1 when {@code previous} is null).
     *
     * @return the committed file, or the one a retry of the same request committed before
     * @throws StaleVersionException when another change already took that version
     */
    public InstitutionFile commit(InstitutionFile previous, InstitutionFile next, String action, String reason,
                                  InstitutionVersion.ChangedBy by, String changeKey) {
        List<String> changed = previous == null ? List.copyOf(next.provenance().keySet())
                : previous.changedFacts(next.facts());
        InstitutionVersion version = new InstitutionVersion(InstitutionVersion.idOf(next.id(), next.version()),
                next.id(), next.version(), action, reason, next.updatedAt(), by, changed, changeKey,
                next.withoutFigures());
        try {
            mongo.insert(version, VERSIONS);
        } catch (DuplicateKeyException taken) {
            InstitutionVersion existing = mongo.findById(version.id(), InstitutionVersion.class, VERSIONS);
            if (existing == null || !existing.changeKey().equals(changeKey)) {
                throw new StaleVersionException(next.version() - 1);
            }
            return heal(next.id(), next.version() - 1);
        }
        derive(version, previous);
        return next;
    }

    /**
     * An {@code _id} lookup. ({@code MongoTemplate.exists} counts through an aggregation, which the embedded server
     * answers by scanning the whole collection.)
     */
    private boolean versionExists(String id, long version) {
        Query query = Query.query(Criteria.where("_id").is(InstitutionVersion.idOf(id, version)));
        query.fields().include("_id");
        return mongo.findOne(query, Document.class, VERSIONS) != null;
    }

    /** Every version of a file, oldest first. */
    public List<InstitutionVersion> versions(String id, long upTo) {
        List<InstitutionVersion> versions = new ArrayList<>();
        for (long v = 1; v <= upTo; v++) {
            InstitutionVersion version = mongo.findById(InstitutionVersion.idOf(id, v), InstitutionVersion.class, VERSIONS);
            if (version != null) {
                versions.add(version);
            }
        }
        return versions;
    }

    public Optional<InstitutionVersion> version(String id, long version) {
        return Optional.ofNullable(mongo.findById(InstitutionVersion.idOf(id, version), InstitutionVersion.class, VERSIONS));
    }

    /** Register lines matching {@code query}, with its sort and paging. */
    public List<InstitutionEntry> findEntries(Query query) {
        return mongo.find(query, InstitutionEntry.class, ENTRIES);
    }

    /** Register lines matching {@code query}, streamed (whole lines: they are small by design). */
    public Stream<InstitutionEntry> streamEntries(Query query) {
        return mongo.stream(query, InstitutionEntry.class, ENTRIES);
    }

    /**
     * How many register lines match. The {@code count} command, not {@code countDocuments}: the latter is an
     * aggregation, which the embedded server answers by loading the whole collection into memory.
     */
    public long countEntries(Query query) {
        Document result = mongo.executeCommand(new Document("count", ENTRIES).append("query", query.getQueryObject()));
        return ((Number) result.get("n")).longValue();
    }

    /**
     * REG-03: records a report's headline figures in the file's monthly series (collection {@code report_figures},
     * one document per file, a member per period), and as {@code latestReport} on the file and its register line
     * when the period is the latest.
     */
    public void recordFigures(String id, ReportFigures figures) {
        Document value = new Document();
        mongo.getConverter().write(figures, value);
        value.remove("_class");
        mongo.upsert(Query.query(Criteria.where("_id").is(id)), new Update().set("figures." + figures.period(), value),
                FIGURES);
        for (String collection : List.of(ENTRIES, FILES)) {
            Query latest = Query.query(Criteria.where("_id").is(id));
            latest.fields().include("latestReport.period");
            Document stored = mongo.findOne(latest, Document.class, collection);
            Object storedPeriod = stored == null || !(stored.get("latestReport") instanceof Document report)
                    ? null : report.get("period");
            if (storedPeriod == null || storedPeriod.toString().compareTo(figures.period()) <= 0) {
                mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("latestReport", value),
                        collection);
            }
        }
    }

    /** REG-03: a file's recorded figures by period ({@code yyyy-MM}), each the latest revision's. */
    public Map<String, Document> figures(String id) {
        Document series = mongo.findById(id, Document.class, FIGURES);
        Map<String, Document> byPeriod = new TreeMap<>();
        if (series != null && series.get("figures") instanceof Document figures) {
            figures.forEach((period, value) -> byPeriod.put(period, (Document) value));
        }
        return byPeriod;
    }

    /** REG-09: the figures of one period for each of {@code ids} that has them, by id. */
    public Map<String, Document> figuresOf(List<String> ids, String period) {
        Query query = Query.query(Criteria.where("_id").in(ids));
        query.fields().include("figures." + period);
        Map<String, Document> byId = new HashMap<>();
        for (Document series : mongo.find(query, Document.class, FIGURES)) {
            if (series.get("figures") instanceof Document figures && figures.get(period) instanceof Document value) {
                byId.put(series.getString("_id"), value);
            }
        }
        return byId;
    }

    /** Completes the derivation of every committed version after {@code current}. */
    private InstitutionFile heal(String id, long current) {
        InstitutionFile previous = current == 0 ? null : version(id, current).map(InstitutionVersion::snapshot).orElse(null);
        InstitutionFile latest = previous;
        for (long v = current + 1; ; v++) {
            Optional<InstitutionVersion> version = version(id, v);
            if (version.isEmpty()) {
                break;
            }
            derive(version.get(), previous);
            previous = version.get().snapshot();
            latest = previous;
        }
        InstitutionFile stored = mongo.findById(id, InstitutionFile.class, FILES);
        return stored != null && latest != null && stored.version() == latest.version() ? stored : latest;
    }

    private void derive(InstitutionVersion version, InstitutionFile previous) {
        project(version.snapshot());
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        Map<String, Object> oldValues = previous == null ? Map.of() : FactValues.of(previous.facts());
        Map<String, Object> newValues = FactValues.of(version.snapshot().facts());
        for (String fact : version.changed()) {
            if (Facts.NAMES.contains(fact)) {
                before.put(fact, oldValues.get(fact));
                after.put(fact, newValues.get(fact));
            }
        }
        audit.recordOnce("institution:" + version.institutionId() + ":v" + version.version(),
                version.by().toCaller(), version.action(), AUDIT_TYPE, version.institutionId(),
                previous == null ? null : before, after, version.reason());
    }

    /**
     * Writes the file's register line, then the file, each unless the stored one is as new or newer; the latest
     * report's figures are left as they are.
     *
     * <p>Every query here names {@code _id} alone, so that it is an index lookup on the embedded server too (which
     * scans the collection for any query with more members). The version check and the write are therefore two steps:
     * should an older projection land after a newer one, the file is one version behind its records, and the next
     * read of it finds version {@code current + 1} and completes it again ({@link #find}). The line is written first,
     * so a projection killed between the two leaves the file behind, which the next read completes.
     */
    private void project(InstitutionFile file) {
        InstitutionEntry line = mongo.findById(file.id(), InstitutionEntry.class, ENTRIES);
        write(file.id(), file.version(), InstitutionEntry.of(file, line), ENTRIES, line == null ? null : line.version());
        Query byId = Query.query(Criteria.where("_id").is(file.id()));
        byId.fields().include("version");
        Document stored = mongo.findOne(byId, Document.class, FILES);
        write(file.id(), file.version(), file, FILES,
                stored == null ? null : stored.get("version") instanceof Number n ? n.longValue() : 0L);
    }

    /** Writes {@code projection} at {@code version} unless the stored one ({@code storedVersion}, null: none) is as new. */
    private void write(String id, long version, Object projection, String collection, Long storedVersion) {
        if (storedVersion != null && storedVersion >= version) {
            return;
        }
        Document document = new Document();
        mongo.getConverter().write(projection, document);
        document.remove("_class");
        document.remove("latestReport");
        if (storedVersion == null) {
            try {
                mongo.insert(document, collection);
                return;
            } catch (DuplicateKeyException concurrentlyCreated) {
                // written meanwhile: fall through to the update
            }
        }
        document.remove("_id");
        Update update = new Update();
        document.forEach(update::set);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), update, collection);
    }

    /** Another change already took the version this one was based on. */
    public static final class StaleVersionException extends RuntimeException {
        private final long basedOn;

        StaleVersionException(long basedOn) {
            super("version " + (basedOn + 1) + " already exists");
            this.basedOn = basedOn;
        }

        public long basedOn() {
            return basedOn;
        }
    }
}
