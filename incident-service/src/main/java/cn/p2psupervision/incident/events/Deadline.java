package cn.p2psupervision.incident.events;

import java.time.Duration;
import java.time.Instant;

/**
 * INC-06: one reporting deadline of an especially major event (报告时限), as it stands at the instant it is computed:
 * computed on every read from the campaign clock, so a missed deadline shows at once.
 *
 * @param kind            which report is due
 * @param sequence        0 for the notification and the written report; 1, 2, … for the follow-ups
 * @param dueAt           when it is due
 * @param metAt           when the report was recorded, or null while it is not
 * @param overdue         not met and past due now
 * @param late            met, but after it was due
 * @param breachRecorded  the deadline scan (or the late report itself) recorded its breach on the timeline
 */
public record Deadline(Kind kind, int sequence, Instant dueAt, Instant metAt, boolean overdue, boolean late,
                       boolean breachRecorded) {

    /** The reports INC-06 asks for. */
    public enum Kind {
        /** 2 小时内报告网贷整治办、互金整治办、处非办. */
        NOTIFICATION("2小时内报告", Duration.ofHours(2)),
        /** 4 小时内书面详细报告. */
        WRITTEN_REPORT("4小时内书面报告", Duration.ofHours(4)),
        /** 续报, at the interval the central office sets. */
        FOLLOW_UP("续报", null);

        private final String chinese;
        private final Duration afterRecording;

        Kind(String chinese, Duration afterRecording) {
            this.chinese = chinese;
            this.afterRecording = afterRecording;
        }

        public String chinese() {
            return chinese;
        }

        /** How long after the event was recorded the report is due; null for follow-ups. */
        Duration afterRecording() {
            return afterRecording;
        }
    }

    static Deadline of(Kind kind, int sequence, Instant dueAt, Instant metAt, Instant now, boolean breachRecorded) {
        boolean overdue = metAt == null && now.isAfter(dueAt);
        boolean late = metAt != null && metAt.isAfter(dueAt);
        return new Deadline(kind, sequence, dueAt, metAt, overdue, late, breachRecorded);
    }

    /** Missed: overdue now, or met late. */
    public boolean missed() {
        return overdue || late;
    }

    /** Identifies the deadline within its event, e.g. {@code FOLLOW_UP-2}. */
    public String key() {
        return kind + "-" + sequence;
    }
}
