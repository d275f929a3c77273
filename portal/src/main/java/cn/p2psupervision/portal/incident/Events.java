package cn.p2psupervision.portal.incident;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The incident context's risk events as the portal reads them (docs/api.md section 6, INC-02..12). */
public final class Events {

    private Events() {
    }

    /**
     * An event in the list, {@code overdue} when a reporting deadline is missed now, with its 2-hour and 4-hour
     * deadlines (INC-06).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Summary(String id, String institutionId, String institutionName, String registeredProvince,
                          String type, String title, String status, String level, boolean planRunning,
                          boolean overdue, List<Deadline> firstReports, Instant recordedAt, Instant updatedAt,
                          long version) {

        public Summary {
            firstReports = orEmpty(firstReports);
        }

        /** An open especially major event: the one whose 2-hour and 4-hour reports are due (INC-06). */
        public boolean reportsDue() {
            return "ESPECIALLY_MAJOR".equals(level) && "OPEN".equals(status);
        }
    }

    /**
     * The whole event with the signals linked to it (INC-01), its deadlines computed by the service at the moment of
     * reading.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Event(String id, String institutionId, String institutionName, String creditCode,
                        String registeredProvince, String type, String typeChinese, String title, String description,
                        Long lendersAffected, List<String> signalIds, String status, String level,
                        String levelReason, Watcher watcher,
                        boolean watcherMissing, Plan plan, Notification notification, List<Report> reports,
                        Integer followUpHours, List<Deadline> deadlines, boolean overdue, List<Measure> measures,
                        List<SupportNote> supportNotes, String closeReason, long version, Actor recordedBy,
                        Instant recordedAt, Instant updatedAt) {

        public Event {
            signalIds = orEmpty(signalIds);
            reports = orEmpty(reports);
            deadlines = orEmpty(deadlines);
            measures = orEmpty(measures);
            supportNotes = orEmpty(supportNotes);
        }
    }

    /** INC-06: a reporting deadline; {@code overdue}: not met and past due now; {@code late}: met after it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Deadline(String kind, int sequence, Instant dueAt, Instant metAt, boolean overdue, boolean late) {
    }

    /** INC-04: the dedicated watcher (盯防专人). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Watcher(String name, String position, String contact) {
    }

    /** INC-05: the emergency plan, started and ended by a head. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Plan(Instant startedAt, Actor startedBy, String startReason, Instant endedAt, Actor endedBy,
                       String endReason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Notification(List<String> recipients, String reference, Actor by, Instant at) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Report(String id, String kind, String text, String reference, Actor by, Instant at) {
    }

    /** INC-07/08: a containment or disposal measure with its progress. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Measure(String id, String kind, String description, String status, Actor takenBy,
                          Instant takenAt) {
    }

    /** INC-09: a business-place province's support. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SupportNote(String id, String province, String text, Actor by, Instant at) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Actor(String username, String province, String agency) {
    }

    /** INC-02: what an officer records; the service starts the INC-06 clock from the recording. */
    public record Draft(String institutionId, String type, String title, String description, Long lendersAffected) {
    }

    /** INC-03: the level the platform proposes from the registry's figures, with the criteria that decided it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LevelProposal(String level, List<Reason> reasons, Figures figures) {

        public LevelProposal {
            reasons = orEmpty(reasons);
        }

        @JsonIgnoreProperties(ignoreUnknown = true)
        public record Reason(String criterion, String text) {
        }

        @JsonIgnoreProperties(ignoreUnknown = true)
        public record Figures(String period, BigDecimal loanBalance, Integer balanceRank, long institutionsRanked,
                              long lendersAffected, int institutionsInvolved, int provincesInvolved) {
        }
    }

    /** An event of the list with its 2-hour and 4-hour deadlines, when they apply. */
    public record Row(Summary event, List<Deadline> deadlines) {
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
