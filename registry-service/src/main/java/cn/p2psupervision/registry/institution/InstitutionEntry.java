package cn.p2psupervision.registry.institution;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A file's line in the register (名录): the few members that lists, counts, groups and statistics filter, sort and
 * show, kept in a collection of its own ({@code institution_entries}) beside the whole files. Derived from each
 * committed version like the file itself (REG-07), plus the latest report's figures (REG-03).
 *
 * <p>Why a collection of its own: a list or a statistic touches every file in scope, and a whole file (facts,
 * provenance, verifications) is ten to twenty times larger than its line. On MongoDB the line keeps the working set of
 * those queries small; on the embedded development server, which materialises every matching document of a query
 * before sorting and paging it, it is what keeps a {@code -Xmx256m} registry alive with 10,000 files.
 */
public record InstitutionEntry(String id, String creditCode, String name, String nameKey, String registeredProvince,
                               List<String> businessProvinces, boolean crossRegion, InstitutionStatus status,
                               List<StatusSince> statusHistory, LocalDate establishedOn, List<String> controllerKeys,
                               int branchCount, VerificationState verificationState, ReportFigures latestReport,
                               long version, Instant updatedAt) {

    public InstitutionEntry {
        businessProvinces = businessProvinces == null ? List.of() : List.copyOf(businessProvinces);
        statusHistory = statusHistory == null ? List.of() : List.copyOf(statusHistory);
        controllerKeys = controllerKeys == null ? List.of() : List.copyOf(controllerKeys);
    }

    /** The line of {@code file}, continuing the status history of the line it replaces ({@code previous}, or null). */
    static InstitutionEntry of(InstitutionFile file, InstitutionEntry previous) {
        return new InstitutionEntry(file.id(), file.creditCode(), file.facts().name(), file.nameKey(),
                file.registeredProvince(), file.businessProvinces(), file.crossRegion(), file.facts().status(),
                StatusSince.append(previous == null ? List.of() : previous.statusHistory(), file),
                file.facts().establishedOn(), file.controllerKeys(), file.facts().branches().size(),
                file.verificationState(), file.latestReport(), file.version(), file.updatedAt());
    }

    /** REG-09: the status at the end of {@code day}. */
    public InstitutionStatus statusOn(LocalDate day) {
        return StatusSince.on(statusHistory, day, status);
    }

    /** REG-09: whether the institution existed on {@code day} (unknown establishment dates count as existing). */
    public boolean existedOn(LocalDate day) {
        return establishedOn == null || !establishedOn.isAfter(day);
    }
}
