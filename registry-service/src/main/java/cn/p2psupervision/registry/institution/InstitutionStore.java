package cn.p2psupervision.registry.institution;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import cn.p2psupervision.platform.audit.AuditTrail;

/**
 * Persistence of files, their versions and their register lines, without multi-document transactions (REG-07). The
 * store speaks in domain types and typed filters; no other class builds a query on these collections.
 *
 * <p>The commit point of a change is the insert of its {@link InstitutionVersion}, unique by id
 * {@code <institution>:<version>}. The register line, the current file (collection {@code institutions}) and the audit
 * entry are then derived from it, each idempotently: the line and the file by a compare-and-set on the version they
 * hold, so that neither ever goes back to an older version even when two derivations race; the audit entry under the
 * key {@code institution:<id>:v<version>}. A write killed after the commit point leaves a version ahead of the file;
 * the next read or write of that file finds the version {@code current + 1} and completes the derivation
 * ({@link #heal}). A retried request finds its own version (same change key) and succeeds without a duplicate.
 */
@Repository
public class InstitutionStore {

    static final String FILES = "institutions";
    static final String VERSIONS = "institution_versions";
    static final String ENTRIES = "institution_entries";
    private static final String AUDIT_TYPE = "institution";
    /**
     * Compare-and-set attempts of one projection. Each failed attempt means another derivation wrote meanwhile; the
     * bound only guards against a document the condition can never match (the file stays one version behind, which
     * the next read completes).
     */
    private static final int MAX_PROJECTION_ATTEMPTS = 20;
    private static final Logger log = LoggerFactory.getLogger(InstitutionStore.class);

    private final MongoTemplate mongo;
    private final AuditTrail audit;
    private final RegisterChanges changes;

    public InstitutionStore(MongoTemplate mongo, AuditTrail audit, RegisterChanges changes) {
        this.mongo = mongo;
        this.audit = audit;
        this.changes = changes;
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

    /** Commits {@code next} for a request identified by {@code changeKey} alone (imports, status decisions, tests). */
    public InstitutionFile commit(InstitutionFile previous, InstitutionFile next, String action, String reason,
                                  InstitutionVersion.ChangedBy by, String changeKey) {
        return commit(previous, next, action, reason, by, changeKey, null);
    }

    /**
     * Commits {@code next} (the version after {@code previous}, or version 1 when {@code previous} is null).
     *
     * @param requestDigest digest of the request's body, kept to recognise a key reused with another body
     * @return the committed file, or the one a retry of the same request committed before
     * @throws StaleVersionException  when another change already took that version
     * @throws RetriedWithOtherBody   when this change key already took it with a different body
     */
    public InstitutionFile commit(InstitutionFile previous, InstitutionFile next, String action, String reason,
                                  InstitutionVersion.ChangedBy by, String changeKey, String requestDigest) {
        List<String> changed = previous == null ? List.copyOf(next.provenance().keySet())
                : previous.changedFacts(next.facts());
        InstitutionVersion version = new InstitutionVersion(InstitutionVersion.idOf(next.id(), next.version()),
                next.id(), next.version(), action, reason, next.updatedAt(), by, changed, changeKey,
                next.withoutFigures(), requestDigest);
        try {
            mongo.insert(version, VERSIONS);
        } catch (DuplicateKeyException taken) {
            InstitutionVersion existing = mongo.findById(version.id(), InstitutionVersion.class, VERSIONS);
            if (existing == null || !existing.changeKey().equals(changeKey)) {
                throw new StaleVersionException(next.version() - 1);
            }
            if (existing.requestDigest() != null && requestDigest != null
                    && !existing.requestDigest().equals(requestDigest)) {
                throw new RetriedWithOtherBody(existing.requestDigest());
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

    /** Every register line, streamed (they are small by design): what {@link RegisterView} loads. */
    Stream<InstitutionEntry> allEntries() {
        return mongo.stream(new Query(), InstitutionEntry.class, ENTRIES);
    }

    /** The register lines of {@code ids} that exist, by id (one {@code _id} lookup). */
    Map<String, InstitutionEntry> entriesByIds(Collection<String> ids) {
        Map<String, InstitutionEntry> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            for (InstitutionEntry line : mongo.find(Query.query(Criteria.where("_id").in(ids)), InstitutionEntry.class,
                    ENTRIES)) {
                byId.put(line.id(), line);
            }
        }
        return byId;
    }

    /**
     * The reference feed's full read (REG-08, AUTH-02): the files of the register lines after {@code afterId} in id
     * order (from the first when {@code afterId} is null), at most {@code limit}, each as of its line's version
     * ({@link #atLineVersions}).
     */
    public List<InstitutionFile> filesAfter(String afterId, int limit) {
        Query page = afterId == null ? new Query() : Query.query(Criteria.where("_id").gt(afterId));
        page.with(Sort.by("_id")).limit(limit);
        page.fields().include("version");
        return atLineVersions(mongo.find(page, Document.class, ENTRIES));
    }

    /**
     * The reference feed's changes (REG-08, AUTH-02): the files of {@code ids} that have a register line, in the order
     * of {@code ids}, each as of its line's version ({@link #atLineVersions}); two {@code _id} lookups in all.
     */
    public List<InstitutionFile> filesOf(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Query lines = Query.query(Criteria.where("_id").in(ids));
        lines.fields().include("version");
        Map<String, InstitutionFile> byId = new HashMap<>();
        atLineVersions(mongo.find(lines, Document.class, ENTRIES)).forEach(file -> byId.put(file.id(), file));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /**
     * The file at the version each line holds, from that version's immutable record, in the order of the lines. Not
     * the current file: a change is recorded in the commit sequence once its line is written, before the file is
     * ({@link #project}), so a reader that follows the sequence could find the file still one version behind. The
     * version record exists whenever a line names it (the commit point precedes every derivation).
     */
    private List<InstitutionFile> atLineVersions(List<Document> lines) {
        List<String> versionIds = lines.stream().map(line -> InstitutionVersion.idOf(line.getString("_id"),
                ((Number) line.get("version")).longValue())).toList();
        if (versionIds.isEmpty()) {
            return List.of();
        }
        Map<String, InstitutionFile> byId = new HashMap<>();
        for (InstitutionVersion version : mongo.find(Query.query(Criteria.where("_id").in(versionIds)),
                InstitutionVersion.class, VERSIONS)) {
            byId.put(version.institutionId(), version.snapshot());
        }
        List<InstitutionFile> files = new ArrayList<>();
        for (Document line : lines) {
            InstitutionFile file = byId.get(line.getString("_id"));
            if (file == null) {
                log.warn("Register line {} names version {}, which has no record", line.getString("_id"),
                        line.get("version"));
            } else {
                files.add(file);
            }
        }
        return files;
    }

    /**
     * REG-03: shows a report's figures as {@code latestReport} on the file and its register line when its period is
     * the latest they show (a later period is never replaced by an earlier one), and records the change of the
     * file's figures in the commit sequence.
     */
    public void recordLatestReport(String id, ReportFigures figures) {
        Document value = new Document();
        mongo.getConverter().write(figures, value);
        value.remove("_class");
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
        // the figures of a period changed (latest or not): statistics must see it
        changes.record(id);
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
        // a derivation that stopped after writing the line but before recording the change is completed here too
        changes.record(id);
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
     * Writes the file's register line, then the file. The line is written first, so a projection killed between the
     * two leaves the file behind, which the next read completes ({@link #find}).
     */
    void project(InstitutionFile file) {
        projectLine(file);
        projectFile(file);
    }

    /** The register line at {@code file}'s version, unless the stored line is as new; continues its status history. */
    void projectLine(InstitutionFile file) {
        for (int attempt = 0; attempt < MAX_PROJECTION_ATTEMPTS; attempt++) {
            InstitutionEntry line = mongo.findById(file.id(), InstitutionEntry.class, ENTRIES);
            Long stored = line == null ? null : line.version();
            if (stored != null && stored >= file.version()) {
                return;
            }
            if (compareAndSet(file.id(), stored, InstitutionEntry.of(file, line), ENTRIES)) {
                changes.record(file.id());
                return;
            }
        }
        log.warn("Register line {} not projected at version {}: it kept changing; the next read completes it",
                file.id(), file.version());
    }

    private void projectFile(InstitutionFile file) {
        for (int attempt = 0; attempt < MAX_PROJECTION_ATTEMPTS; attempt++) {
            Query byId = Query.query(Criteria.where("_id").is(file.id()));
            byId.fields().include("version");
            Document found = mongo.findOne(byId, Document.class, FILES);
            Long stored = found == null ? null : found.get("version") instanceof Number n ? n.longValue() : 0L;
            if (stored != null && stored >= file.version() || compareAndSet(file.id(), stored, file, FILES)) {
                return;
            }
        }
        log.warn("File {} not projected at version {}: it kept changing; the next read completes it", file.id(),
                file.version());
    }

    /**
     * Writes {@code projection} if the stored document is still at {@code storedVersion} (null: absent); false when
     * another derivation wrote meanwhile. The condition names {@code _id} and {@code version} exactly, which the
     * unique index on both ({@code RegistryIndexes}) answers on the embedded server too (it scans for any other query
     * shape); the latest report's figures, written without a version, are left as they are. Every other member is
     * written, an empty one removed.
     */
    private boolean compareAndSet(String id, Long storedVersion, Object projection, String collection) {
        Document document = new Document();
        mongo.getConverter().write(projection, document);
        document.remove("_class");
        document.remove("latestReport");
        if (storedVersion == null) {
            try {
                mongo.insert(document, collection);
                return true;
            } catch (DuplicateKeyException concurrentlyCreated) {
                return false;
            }
        }
        document.remove("_id");
        Update update = new Update();
        document.forEach(update::set);
        // The converter leaves out empty members; a member that became empty (an attestation a correction dropped)
        // is removed, not left at its old value.
        mongo.getConverter().getMappingContext().getRequiredPersistentEntity(projection.getClass())
                .forEach(property -> {
                    String field = property.getFieldName();
                    if (!property.isIdProperty() && !"latestReport".equals(field) && !document.containsKey(field)) {
                        update.unset(field);
                    }
                });
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("version").is(storedVersion)), update,
                collection).getMatchedCount() == 1;
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

    /** The same change key (an {@code Idempotency-Key}) already made this version from a different request body. */
    public static final class RetriedWithOtherBody extends RuntimeException {
        private final String storedDigest;

        RetriedWithOtherBody(String storedDigest) {
            super("change key reused with another body");
            this.storedDigest = storedDigest;
        }

        public String storedDigest() {
            return storedDigest;
        }
    }
}
