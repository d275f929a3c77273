package cn.p2psupervision.incident.events;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import cn.p2psupervision.platform.outbox.OutboxEntry;
import cn.p2psupervision.platform.security.Actor;

/**
 * A risk event as its readers see it: everything but the timeline (its own endpoint, INC-12) and the outbox's
 * payloads, with the deadlines computed at the instant of reading (INC-06) and the related institutions the reader may
 * see (AUTH-02).
 */
public record EventView(String id, String institutionId, String institutionName, String creditCode,
                        String registeredProvince, List<String> relatedInstitutionIds, EventType type,
                        String typeChinese, String title, String description, Long lendersAffected,
                        List<String> signalIds, EventStatus status, Level level, String levelReason,
                        LevelProposal levelProposal, RiskEvent.Watcher watcher, boolean watcherMissing,
                        RiskEvent.EmergencyPlan plan, RiskEvent.Notification notification,
                        List<RiskEvent.Report> reports, int followUpHours, List<Deadline> deadlines,
                        boolean overdue, List<RiskEvent.Measure> measures, List<RiskEvent.SupportNote> supportNotes,
                        List<RiskEvent.StatusFinding> institutionStatuses, List<RiskEvent.Breach> breaches,
                        List<Delivery> deliveries, String closeReason, long version, Actor recordedBy,
                        Instant recordedAt, Instant updatedAt) {

    static EventView of(RiskEvent e, Instant now, Predicate<String> mayReadInstitution) {
        List<Deadline> deadlines = e.deadlines(now);
        return new EventView(e.id(), e.institutionId(), e.institutionName(), e.creditCode(), e.registeredProvince(),
                e.relatedInstitutionIds().stream().filter(mayReadInstitution).toList(), e.type(),
                e.type().chinese(), e.title(), e.description(), e.lendersAffected(), e.signalIds(), e.status(),
                e.level(), e.levelReason(), e.levelProposal(), e.watcher(), e.watcherMissing(), e.plan(),
                e.notification(), e.reports(), e.followUpHours(), deadlines,
                deadlines.stream().anyMatch(Deadline::overdue), e.measures(), e.supportNotes(),
                e.institutionStatuses(), e.breaches(), e.outbox().stream().map(Delivery::of).toList(),
                e.closeReason(), e.version(), e.recordedBy(), e.recordedAt(), e.updatedAt());
    }

    /**
     * An event in a list: what tells it apart, whether a deadline is overdue now, and its 2-hour and 4-hour deadlines
     * (INC-06; follow-ups show on the event), so that a list shows the clocks without reading each event.
     */
    public record Summary(String id, String institutionId, String institutionName, String registeredProvince,
                          EventType type, String title, EventStatus status, Level level, boolean planRunning,
                          boolean overdue, List<Deadline> firstReports, Instant recordedAt, Instant updatedAt,
                          long version) {

        static Summary of(RiskEvent e, Instant now) {
            List<Deadline> deadlines = e.deadlines(now);
            return new Summary(e.id(), e.institutionId(), e.institutionName(), e.registeredProvince(), e.type(),
                    e.title(), e.status(), e.level(), e.plan() != null && e.plan().running(),
                    deadlines.stream().anyMatch(Deadline::overdue),
                    deadlines.stream().filter(d -> d.kind() != Deadline.Kind.FOLLOW_UP).toList(), e.recordedAt(),
                    e.updatedAt(), e.version());
        }
    }

    /** An outbox entry as readers see it: what, where it stands, how often tried, why the last try failed. */
    public record Delivery(String id, String kind, OutboxEntry.State state, int attempts, String lastError,
                           Instant deliveredAt) {

        static Delivery of(OutboxEntry entry) {
            return new Delivery(entry.id(), entry.kind(), entry.state(), entry.attempts(), entry.lastError(),
                    entry.deliveredAt());
        }
    }
}
