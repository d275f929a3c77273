package cn.p2psupervision.acceptance.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.p2psupervision.platform.outbox.OutboxEntry;
import cn.p2psupervision.platform.security.Actor;

/**
 * An acceptance case as readers see it: the case as stored with what is computed from it today — whether it is
 * overdue (ACC-13), each notice's state (ACC-08), the checks still keeping it from passing (ACC-04/05) — and the
 * deliveries to other contexts with where each stands.
 */
public record CaseView(String institutionId, String institutionName, String creditCode, String registeredProvince,
                       List<String> businessProvinces, List<SplitEntity> splitEntities, Complexity complexity,
                       LocalDate deadline, boolean overdue, boolean largeOrInfluential, boolean crossRegion,
                       CaseState state, List<TeamMember> team, List<CheckView> checks,
                       List<CheckDeficiency> outstandingChecks, List<Opinion> opinions, Conclusion conclusion,
                       List<NoticeView> notices, Certificate certificate, LocalDate filedOn, int openComplaints,
                       List<HistoryEntry> history, List<Delivery> deliveries, long version, Actor openedBy,
                       Instant openedAt, Instant updatedAt) {

    public static CaseView of(AcceptanceCase c, LocalDate today) {
        return new CaseView(c.institutionId(), c.institutionName(), c.creditCode(), c.registeredProvince(),
                c.businessProvinces(), c.splitEntities(), c.complexity(), c.deadline(), c.overdue(today),
                c.largeOrInfluential(), c.crossRegion(), c.state(), c.team(),
                c.checks().stream().map(CheckView::of).toList(), c.outstandingChecks(), c.opinions(), c.conclusion(),
                c.notices().stream().map(n -> NoticeView.of(n, today)).toList(), c.certificate(), c.filedOn(),
                c.openComplaints(), c.history(), c.outbox().stream().map(Delivery::of).toList(), c.version(),
                c.openedBy(), c.openedAt(), c.updatedAt());
    }

    /** A check with its Chinese name and the requirement it belongs to. */
    public record CheckView(CheckCode code, String name, String rule, CheckResult result, String evidence,
                            List<String> documents, String note, String recordedBy, Instant recordedAt,
                            String confirmedBy, Instant confirmedAt, String custodyBank) {

        static CheckView of(Check check) {
            return new CheckView(check.code(), check.code().chinese(), check.code().rule(), check.result(),
                    check.evidence(), check.documents(), check.note(), check.recordedBy(), check.recordedAt(),
                    check.confirmedBy(), check.confirmedAt(), check.custodyBank());
        }
    }

    /** A notice with its state today (ACC-08). */
    public record NoticeView(String number, int sequence, LocalDate startedOn, LocalDate earliestEndOn,
                             Notice.State state, LocalDate revokedOn, String revokedBy) {

        static NoticeView of(Notice notice, LocalDate today) {
            return new NoticeView(notice.number(), notice.sequence(), notice.startedOn(), notice.earliestEndOn(),
                    notice.state(today), notice.revokedOn(), notice.revokedBy());
        }
    }

    /** An outbox entry as readers see it: what, where it stands, how often tried, why the last try failed. */
    public record Delivery(String id, String kind, OutboxEntry.State state, int attempts, String lastError,
                           Instant createdAt, Instant deliveredAt) {

        static Delivery of(OutboxEntry entry) {
            return new Delivery(entry.id(), entry.kind(), entry.state(), entry.attempts(), entry.lastError(),
                    entry.createdAt(), entry.deliveredAt());
        }
    }

    /** A case in a list (ACC-13: with its deadline and whether it is overdue). */
    public record Summary(String institutionId, String institutionName, String creditCode, String registeredProvince,
                          CaseState state, Complexity complexity, LocalDate deadline, boolean overdue,
                          NoticeView currentNotice, int openComplaints, long version, Instant updatedAt) {

        public static Summary of(AcceptanceCase c, LocalDate today) {
            return new Summary(c.institutionId(), c.institutionName(), c.creditCode(), c.registeredProvince(),
                    c.state(), c.complexity(), c.deadline(), c.overdue(today),
                    c.currentNotice().map(n -> NoticeView.of(n, today)).orElse(null), c.openComplaints(),
                    c.version(), c.updatedAt());
        }
    }
}
