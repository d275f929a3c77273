package cn.p2psupervision.registry.importing;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import cn.p2psupervision.registry.institution.InstitutionVersion;

/**
 * A bulk import of the central base list or of operating figures (REG-05), processed in the background.
 *
 * @param counts rows per outcome so far
 */
public record ImportJob(String id, Kind kind, Format format, State state, InstitutionVersion.ChangedBy startedBy,
                        Instant createdAt, Instant finishedAt, long rows, Map<Outcome, Long> counts, String message) {

    public ImportJob {
        EnumMap<Outcome, Long> copy = new EnumMap<>(Outcome.class);
        if (counts != null) {
            copy.putAll(counts);
        }
        counts = copy;
    }

    public enum Kind { INSTITUTIONS, REPORTS }

    public enum Format { CSV, JSON }

    public enum State { QUEUED, RUNNING, DONE, FAILED }

    /** What happened to one row. */
    public enum Outcome {
        /** A new file (or a new report revision). */
        CREATED,
        /** Central facts of an existing file changed. */
        UPDATED,
        /** Already as imported: nothing written (re-imports are idempotent). */
        UNCHANGED,
        /** The row would change facts a province edited or verified: nothing written. */
        CONFLICT,
        /** The row is invalid: nothing written. */
        REJECTED
    }
}
