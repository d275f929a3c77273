package cn.p2psupervision.registry.institution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import tools.jackson.databind.JsonNode;

import cn.p2psupervision.platform.security.Access;
import cn.p2psupervision.registry.institution.InstitutionService.ScopedEntry;
import cn.p2psupervision.registry.institution.InstitutionService.ScopedFile;

/** The JSON shapes of the institution API. Identity numbers are masked unless the caller may see personal data. */
final class InstitutionViews {

    private InstitutionViews() {
    }

    /** A whole file. {@code access} tells a portal whether to offer editing: WRITE or READ. */
    record InstitutionView(String id, String creditCode, String registeredProvince, @JsonUnwrapped Facts facts,
                           Map<String, FactSource> provenance, VerificationState verificationState,
                           List<Verification> verifications, Attestation attestation, ReportFigures latestReport,
                           List<String> businessProvinces, boolean crossRegion, int branchCount, long version,
                           Instant createdAt, Instant updatedAt, String access) {

        static InstitutionView of(ScopedFile scoped) {
            return of(scoped.file(), scoped.personalData(), scoped.access());
        }

        static InstitutionView of(InstitutionFile f, boolean personalData, Access access) {
            return new InstitutionView(f.id(), f.creditCode(), f.registeredProvince(),
                    personalData ? f.facts() : f.facts().masked(), f.provenance(), f.verificationState(),
                    f.verifications(), f.attestation(), f.latestReport(), f.businessProvinces(), f.crossRegion(),
                    f.facts().branches().size(), f.version(), f.createdAt(), f.updatedAt(), access.name());
        }
    }

    /** One line of a list. */
    record InstitutionSummary(String id, String creditCode, String name, String registeredProvince,
                              InstitutionStatus status, boolean crossRegion, List<String> businessProvinces,
                              int branchCount, VerificationState verificationState, ReportFigures latestReport,
                              long version, String access) {

        static InstitutionSummary of(ScopedEntry scoped) {
            InstitutionEntry e = scoped.entry();
            return new InstitutionSummary(e.id(), e.creditCode(), e.name(), e.registeredProvince(), e.status(),
                    e.crossRegion(), e.businessProvinces(), e.branchCount(), e.verificationState(), e.latestReport(),
                    e.version(), scoped.access().name());
        }
    }

    record PageView<T>(List<T> content, int page, int size, long totalElements, long totalPages) {
    }

    /** REG-04: a controller's group. */
    record GroupView(String institutionId, List<Facts.Controller> controllers, List<GroupMember> members) {
    }

    /**
     * A member of a group. Outside the caller's scope only credit code, name and province are shown ({@code id},
     * {@code status} and {@code crossRegion} are null).
     */
    record GroupMember(String id, String creditCode, String name, String registeredProvince, InstitutionStatus status,
                       Boolean crossRegion, boolean inScope) {

        static GroupMember of(ScopedEntry scoped) {
            InstitutionEntry e = scoped.entry();
            if (!scoped.access().canRead()) {
                return new GroupMember(null, e.creditCode(), e.name(), e.registeredProvince(), null, null, false);
            }
            return new GroupMember(e.id(), e.creditCode(), e.name(), e.registeredProvince(), e.status(),
                    e.crossRegion(), true);
        }
    }

    /** REG-07: one line of a file's history. */
    record HistoryEntry(long version, String action, String reason, Instant at, InstitutionVersion.ChangedBy by,
                        List<String> changed) {

        static HistoryEntry of(InstitutionVersion v) {
            return new HistoryEntry(v.version(), v.action(), v.reason(), v.at(), v.by(), v.changed());
        }
    }

    /** REG-07: a version as it was. */
    record SnapshotView(long version, String action, String reason, Instant at, InstitutionVersion.ChangedBy by,
                        InstitutionView file) {
    }

    /** REG-07: what a version changed compared with the one before. */
    record DiffView(long version, Long previousVersion, String action, String reason, Instant at,
                    InstitutionVersion.ChangedBy by, List<Change> changes) {
    }

    /** One changed value; {@code path} names a member (dots into objects; lists are compared whole). */
    record Change(String path, JsonNode before, JsonNode after) {
    }

    /** Differences between two JSON trees, object members recursively, everything else as a whole. */
    static List<Change> diff(JsonNode before, JsonNode after) {
        List<Change> changes = new ArrayList<>();
        diff("", before, after, changes);
        return changes;
    }

    private static void diff(String path, JsonNode before, JsonNode after, List<Change> changes) {
        if (before != null && after != null && before.isObject() && after.isObject()) {
            List<String> names = new ArrayList<>(before.propertyNames());
            after.propertyNames().stream().filter(n -> !names.contains(n)).forEach(names::add);
            for (String name : names) {
                diff(path.isEmpty() ? name : path + "." + name, before.get(name), after.get(name), changes);
            }
            return;
        }
        boolean beforeAbsent = before == null || before.isNull();
        boolean afterAbsent = after == null || after.isNull();
        if (beforeAbsent && afterAbsent) {
            return;
        }
        if (!Objects.equals(before, after)) {
            changes.add(new Change(path, beforeAbsent ? null : before, afterAbsent ? null : after));
        }
    }

}
