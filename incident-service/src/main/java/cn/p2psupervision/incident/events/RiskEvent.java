package cn.p2psupervision.incident.events;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;

import cn.p2psupervision.platform.input.InputPolicy;
import cn.p2psupervision.platform.outbox.OutboxEntry;
import cn.p2psupervision.platform.problem.InvalidInputException;
import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.problem.RuleViolationException;
import cn.p2psupervision.platform.registryfeed.InstitutionReference;
import cn.p2psupervision.platform.security.Actor;

/**
 * A risk event (风险事件, INC-02..09, INC-12) of one institution, led by its registration province: its type, level and
 * the reasons, the watcher, the emergency plan, the reports to the central offices and their deadlines, the measures,
 * the business-place provinces' support, the registry facts it established, and its timeline. Every act checks its
 * rule, moves the version on and adds a timeline line; the store writes the whole event at once, compare-and-set on
 * the version.
 *
 * <p>A plain Java object the store maps field by field; the outbox entries are written by the store and the relay
 * only.
 */
public class RiskEvent {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** INC-06: follow-up reports are due this often unless the central office sets another interval. */
    public static final int DEFAULT_FOLLOW_UP_HOURS = 24;
    public static final int MAX_TITLE = 200;
    public static final int MAX_TEXT = 4000;
    public static final int MAX_REPORT = 20_000;
    public static final int MAX_RELATED = 50;
    public static final int MAX_SIGNALS = 200;
    /** The registry statuses an event establishes (REG-08 through the outbox). */
    public static final Set<String> REGISTRY_FACTS = Set.of("SUSPENDED", "LOST_CONTACT", "ABSCONDED", "EXITED",
            "TRANSFORMED");

    @Id
    private String id;
    private String institutionId;
    private String institutionName;
    private String creditCode;
    private String registeredProvince;
    private List<String> relatedInstitutionIds = new ArrayList<>();
    private EventType type;
    private String title;
    private String description;
    private Long lendersAffected;
    private List<String> signalIds = new ArrayList<>();
    private EventStatus status;
    private Level level;
    private String levelReason;
    private LevelProposal levelProposal;
    private Watcher watcher;
    private EmergencyPlan plan;
    private Notification notification;
    private List<Report> reports = new ArrayList<>();
    private int followUpHours = DEFAULT_FOLLOW_UP_HOURS;
    private List<Measure> measures = new ArrayList<>();
    private List<SupportNote> supportNotes = new ArrayList<>();
    private List<StatusFinding> institutionStatuses = new ArrayList<>();
    private List<Breach> breaches = new ArrayList<>();
    private List<TimelineEntry> timeline = new ArrayList<>();
    private List<OutboxEntry> outbox = new ArrayList<>();
    private long version;
    private Actor recordedBy;
    private Instant recordedAt;
    private Instant updatedAt;
    private String closeReason;
    /** The earliest deadline not met whose breach is not recorded yet: the deadline scan's index (INC-06). */
    private Instant nextDueAt;

    RiskEvent() {
    }

    // ---- INC-02: recording ----------------------------------------------------------------------------------------

    /** INC-02: a new event of {@code institution}, version 1; the INC-06 clock starts now. */
    static RiskEvent record(String id, InstitutionReference institution, List<String> related, EventType type,
                            String title, String description, Long lendersAffected, List<String> signalIds,
                            Actor by, Instant now) {
        RiskEvent event = new RiskEvent();
        event.id = id;
        event.institutionId = institution.id();
        event.institutionName = institution.name();
        event.creditCode = institution.creditCode();
        event.registeredProvince = institution.registeredProvince();
        event.relatedInstitutionIds = new ArrayList<>(related);
        event.type = required("type", type, "INC-02");
        event.title = InputPolicy.statedText("title", title, MAX_TITLE, "INC-02", true);
        event.description = InputPolicy.statedText("description", description, MAX_TEXT, "INC-02", false);
        event.lendersAffected = lenders(lendersAffected);
        event.signalIds = new ArrayList<>(signalIds);
        event.status = EventStatus.OPEN;
        event.recordedBy = by;
        event.recordedAt = now;
        event.version = 1;
        event.updatedAt = now;
        event.timeline.add(new TimelineEntry(now, TimelineEntry.Kind.RECORDED, by, "登记" + type.chinese() + "事件："
                + event.title + (event.lendersAffected == null ? "" : "（涉及出借人约 " + event.lendersAffected + " 人）")));
        if (!signalIds.isEmpty()) {
            event.timeline.add(new TimelineEntry(now, TimelineEntry.Kind.SIGNAL_LINKED, by, "关联风险信息 "
                    + String.join("、", signalIds)));
        }
        event.nextDueAt = null;
        return event;
    }

    /** INC-01: signals linked to the event after it was recorded. */
    void linkSignals(List<String> more, Actor by, Instant now) {
        requireOpen("INC-01");
        List<String> fresh = more.stream().filter(s -> !signalIds.contains(s)).distinct().toList();
        if (fresh.isEmpty()) {
            throw new InvalidInputException("signalIds", "names no signal that is not linked already", "INC-01");
        }
        if (signalIds.size() + fresh.size() > MAX_SIGNALS) {
            throw new InvalidInputException("signalIds", "an event links at most " + MAX_SIGNALS + " signals",
                    "INC-01");
        }
        signalIds.addAll(fresh);
        changed(now, new TimelineEntry(now, TimelineEntry.Kind.SIGNAL_LINKED, by, "关联风险信息 "
                + String.join("、", fresh)));
    }

    // ---- INC-03/04: level and watcher -----------------------------------------------------------------------------

    /** INC-03: the officer sets the level with a reason; the platform's proposal is kept beside it. */
    void setLevel(Level newLevel, String reason, LevelProposal proposal, Actor by, Instant now) {
        requireOpen("INC-03");
        Level chosen = required("level", newLevel, "INC-03");
        String why = InputPolicy.statedText("reason", reason, MAX_TEXT, "INC-03", true);
        Level before = level;
        level = chosen;
        levelReason = why;
        levelProposal = proposal;
        String proposed = proposal == null ? "" : "（平台建议：" + proposal.level().chinese() + "）";
        changed(now, new TimelineEntry(now, TimelineEntry.Kind.LEVEL_SET, by, (before == null ? "确定为"
                : "由" + before.chinese() + "调整为") + chosen.chinese() + proposed + "：" + why));
    }

    /** INC-04: the dedicated watcher (盯防专人) of an especially major event. */
    void nameWatcher(String name, String position, String contact, Actor by, Instant now) {
        requireOpen("INC-04");
        if (level != Level.ESPECIALLY_MAJOR) {
            throw new RuleViolationException("INC-04", "A dedicated watcher is named for an especially major event"
                    + " (特别重大); this event is " + describeLevel());
        }
        Watcher named = new Watcher(InputPolicy.statedText("name", name, 100, "INC-04", true),
                InputPolicy.statedText("position", position, 200, "INC-04", false),
                InputPolicy.statedText("contact", contact, 200, "INC-04", false), by, now);
        watcher = named;
        changed(now, new TimelineEntry(now, TimelineEntry.Kind.WATCHER_NAMED, by, "指定盯防专人：" + named.name()
                + (named.position() == null ? "" : "（" + named.position() + "）")));
    }

    // ---- INC-05: the emergency plan -------------------------------------------------------------------------------

    /** INC-05: a head of the registration province starts the emergency plan (启动应急预案). */
    void startPlan(String reason, Actor by, Instant now) {
        requireOpen("INC-05");
        if (plan != null) {
            throw new RuleViolationException("INC-05", "The emergency plan was started already, on "
                    + plan.startedAt() + (plan.endedAt() == null ? "" : ", and ended on " + plan.endedAt()));
        }
        if (level == null) {
            throw new RuleViolationException("INC-05", "The event's level is set before its emergency plan starts"
                    + " (INC-03)");
        }
        if (level == Level.ESPECIALLY_MAJOR && watcher == null) {
            throw new RuleViolationException("INC-04", "An especially major event has its dedicated watcher before"
                    + " the emergency plan starts");
        }
        String why = InputPolicy.statedText("reason", reason, MAX_TEXT, "INC-05", true);
        plan = new EmergencyPlan(now, by, why, null, null, null);
        changed(now, new TimelineEntry(now, TimelineEntry.Kind.PLAN_STARTED, by, "启动应急预案：" + why));
    }

    /** INC-05: a head of the registration province ends the emergency plan (终止应急预案). */
    void endPlan(String reason, Actor by, Instant now) {
        requireOpen("INC-05");
        if (plan == null || plan.endedAt() != null) {
            throw new RuleViolationException("INC-05", plan == null ? "The emergency plan has not been started"
                    : "The emergency plan ended already, on " + plan.endedAt());
        }
        String why = InputPolicy.statedText("reason", reason, MAX_TEXT, "INC-05", true);
        plan = new EmergencyPlan(plan.startedAt(), plan.startedBy(), plan.startReason(), now, by, why);
        changed(now, new TimelineEntry(now, TimelineEntry.Kind.PLAN_ENDED, by, "终止应急预案：" + why));
    }

    // ---- INC-06: notification and reports -------------------------------------------------------------------------

    /** INC-06: the notification of the three central offices (2 hours). */
    void notifyCentral(List<CentralOffice> recipients, String reference, String note, Actor by, Instant now) {
        requireOpen("INC-06");
        if (notification != null) {
            throw ProblemException.conflict("The central offices were notified of event " + id + " already, at "
                    + notification.at() + " (INC-06)");
        }
        Set<CentralOffice> named = recipients == null ? Set.of() : recipients.stream().filter(Objects::nonNull)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(CentralOffice.class)));
        Set<CentralOffice> missing = EnumSet.allOf(CentralOffice.class);
        missing.removeAll(named);
        if (!missing.isEmpty()) {
            throw new RuleViolationException("INC-06", "The notification goes to all three central offices"
                    + " (网贷整治办, 互金整治办, 处非办); missing: " + missing.stream().map(CentralOffice::chinese)
                    .collect(Collectors.joining("、")));
        }
        Notification sent = new Notification(List.copyOf(named), InputPolicy.statedText("reference", reference,
                100, "INC-06", false), InputPolicy.statedText("note", note, MAX_TEXT, "INC-06", false), by, now);
        String lateness = lateness(Deadline.Kind.NOTIFICATION, now);
        recordBreaches(now);
        notification = sent;
        changed(now, new TimelineEntry(now, TimelineEntry.Kind.NOTIFIED, by, "已报告"
                + named.stream().map(CentralOffice::chinese).collect(Collectors.joining("、"))
                + (sent.reference() == null ? "" : "（" + sent.reference() + "）") + lateness));
    }

    /** INC-06: the written detailed report (4 hours), then the follow-ups. */
    Report fileReport(Report.Kind kind, String text, String reference, Actor by, Instant now) {
        requireOpen("INC-06");
        Report.Kind stated = required("kind", kind, "INC-06");
        boolean written = reports.stream().anyMatch(r -> r.kind() == Report.Kind.WRITTEN);
        if (stated == Report.Kind.WRITTEN && written) {
            throw ProblemException.conflict("Event " + id + " has its written detailed report already; further"
                    + " reports are follow-ups (INC-06)");
        }
        if (stated == Report.Kind.FOLLOW_UP && !written) {
            throw new RuleViolationException("INC-06", "A follow-up report comes after the written detailed report");
        }
        Deadline.Kind deadline = stated == Report.Kind.WRITTEN ? Deadline.Kind.WRITTEN_REPORT
                : Deadline.Kind.FOLLOW_UP;
        String lateness = lateness(deadline, now);
        Report report = new Report(id + "-R" + (reports.size() + 1), stated,
                InputPolicy.statedText("text", text, MAX_REPORT, "INC-06", true),
                InputPolicy.statedText("reference", reference, 100, "INC-06", false), by, now);
        recordBreaches(now);
        reports.add(report);
        changed(now, new TimelineEntry(now, stated == Report.Kind.WRITTEN ? TimelineEntry.Kind.WRITTEN_REPORT
                : TimelineEntry.Kind.FOLLOW_UP_REPORT, by, (stated == Report.Kind.WRITTEN ? "书面详细报告："
                : "续报：") + abbreviate(report.text()) + lateness));
        return report;
    }

    /** INC-06: the central office sets the interval of follow-up reports. */
    void setFollowUpInterval(int hours, String reason, Actor by, Instant now) {
        requireOpen("INC-06");
        if (hours < 1 || hours > 720) {
            throw new InvalidInputException("hours", "must be between 1 and 720", "INC-06");
        }
        String why = InputPolicy.statedText("reason", reason, MAX_TEXT, "INC-06", false);
        followUpHours = hours;
        changed(now, new TimelineEntry(now, TimelineEntry.Kind.FOLLOW_UP_INTERVAL_SET, by, "续报间隔设为 " + hours
                + " 小时" + (why == null ? "" : "：" + why)));
    }

    /**
     * INC-06: the deadlines as they stand at {@code now}: none unless the event is especially major; the notification
     * 2 h and the written report 4 h after recording; after the written report, each follow-up
     * {@link #followUpHours} after the report before it, the next one pending while the event is open.
     */
    public List<Deadline> deadlines(Instant now) {
        if (level != Level.ESPECIALLY_MAJOR) {
            return List.of();
        }
        List<Deadline> deadlines = new ArrayList<>();
        deadlines.add(deadline(Deadline.Kind.NOTIFICATION, 0, recordedAt.plus(Deadline.Kind.NOTIFICATION
                .afterRecording()), notification == null ? null : notification.at(), now));
        Report written = reports.stream().filter(r -> r.kind() == Report.Kind.WRITTEN).findFirst().orElse(null);
        deadlines.add(deadline(Deadline.Kind.WRITTEN_REPORT, 0, recordedAt.plus(Deadline.Kind.WRITTEN_REPORT
                .afterRecording()), written == null ? null : written.at(), now));
        if (written != null) {
            Duration interval = Duration.ofHours(followUpHours);
            Instant previous = written.at();
            int sequence = 1;
            for (Report followUp : reports) {
                if (followUp.kind() == Report.Kind.FOLLOW_UP) {
                    deadlines.add(deadline(Deadline.Kind.FOLLOW_UP, sequence++, previous.plus(interval),
                            followUp.at(), now));
                    previous = followUp.at();
                }
            }
            if (status == EventStatus.OPEN) {
                deadlines.add(deadline(Deadline.Kind.FOLLOW_UP, sequence, previous.plus(interval), null, now));
            }
        }
        return deadlines;
    }

    /**
     * INC-06: records the breach of every deadline missed by {@code now} whose breach is not recorded yet, each on
     * the timeline; the deadline scan calls it, and so does every write. Returns the breaches it recorded.
     */
    public List<Breach> recordDueBreaches(Instant now) {
        List<Breach> recorded = recordBreaches(now);
        if (!recorded.isEmpty()) {
            version++;
            updatedAt = now;
        }
        nextDueAt = nextDue(now);
        return recorded;
    }

    private List<Breach> recordBreaches(Instant now) {
        List<Breach> recorded = new ArrayList<>();
        for (Deadline deadline : deadlines(now)) {
            if (deadline.missed() && !deadline.breachRecorded()) {
                Breach breach = new Breach(deadline.kind(), deadline.sequence(), deadline.dueAt(), now);
                breaches.add(breach);
                timeline.add(new TimelineEntry(now, TimelineEntry.Kind.DEADLINE_BREACHED, null, deadline.kind()
                        .chinese() + (deadline.sequence() > 0 ? "（第 " + deadline.sequence() + " 次）" : "")
                        + "已超时：应于 " + local(deadline.dueAt()) + " 前报送"));
                recorded.add(breach);
            }
        }
        return recorded;
    }

    // ---- INC-07/08: measures --------------------------------------------------------------------------------------

    /** INC-07/08: a measure taken, with its status; disposal measures for major and especially major events. */
    Measure takeMeasure(MeasureKind kind, String description, MeasureStatus initial, List<String> agencyRequestIds,
                        Actor by, Instant now) {
        MeasureKind taken = required("kind", kind, "INC-07");
        requireOpen(taken.rule());
        if (taken.disposal() && (level == null || !level.atLeastMajor())) {
            throw new RuleViolationException("INC-08", "Disposal measures are for major and especially major events"
                    + "; this event is " + describeLevel());
        }
        MeasureStatus status = initial == null ? MeasureStatus.IN_PROGRESS : initial;
        if (status.isFinal()) {
            throw new InvalidInputException("status", "a new measure is PLANNED or IN_PROGRESS", taken.rule());
        }
        String text = InputPolicy.statedText("description", description, MAX_TEXT, taken.rule(), true);
        Measure measure = new Measure(id + "-M" + (measures.size() + 1), taken, text, status,
                List.copyOf(agencyRequestIds), List.of(new Measure.Update(status, null, by, now)), by, now);
        measures.add(measure);
        changed(now, new TimelineEntry(now, TimelineEntry.Kind.MEASURE_TAKEN, by, taken.chinese() + "（"
                + status.chinese() + "）：" + abbreviate(text) + (agencyRequestIds.isEmpty() ? ""
                : "；已发送协查请求 " + String.join("、", agencyRequestIds))));
        return measure;
    }

    /** INC-07/08: a measure progresses; a final status stays. */
    void updateMeasure(String measureId, MeasureStatus next, String note, Actor by, Instant now) {
        requireOpen("INC-07");
        int index = indexOfMeasure(measureId);
        Measure measure = measures.get(index);
        MeasureStatus status = required("status", next, measure.kind().rule());
        if (measure.status().isFinal()) {
            throw new RuleViolationException(measure.kind().rule(), "Measure " + measureId + " is "
                    + measure.status() + " already; a finished measure does not change");
        }
        String text = InputPolicy.statedText("note", note, MAX_TEXT, measure.kind().rule(), true);
        List<Measure.Update> updates = new ArrayList<>(measure.updates());
        updates.add(new Measure.Update(status, text, by, now));
        measures.set(index, new Measure(measure.id(), measure.kind(), measure.description(), status,
                measure.agencyRequestIds(), List.copyOf(updates), measure.takenBy(), measure.takenAt()));
        changed(now, new TimelineEntry(now, TimelineEntry.Kind.MEASURE_UPDATED, by, measure.kind().chinese() + "："
                + measure.status().chinese() + " → " + status.chinese() + "，" + abbreviate(text)));
    }

    // ---- INC-09: support of the business-place provinces ----------------------------------------------------------

    /** INC-09: a business-place province adds a support note. */
    SupportNote addSupportNote(String province, String text, Actor by, Instant now) {
        requireOpen("INC-09");
        SupportNote note = new SupportNote(id + "-S" + (supportNotes.size() + 1), province,
                InputPolicy.statedText("text", text, MAX_TEXT, "INC-09", true), by, now);
        supportNotes.add(note);
        changed(now, new TimelineEntry(now, TimelineEntry.Kind.SUPPORT_NOTE, by, "经营地（" + province + "）协助："
                + abbreviate(note.text())));
        return note;
    }

    // ---- REG-08: registry facts -----------------------------------------------------------------------------------

    /** REG-08: the event established a registry status (lost contact, absconded, exited, …). */
    StatusFinding findInstitutionStatus(String newStatus, String reason, Actor by, Instant now) {
        requireOpen("REG-08");
        if (newStatus == null || newStatus.isBlank()) {
            throw new InvalidInputException("status", "is required", "REG-08");
        }
        if (!REGISTRY_FACTS.contains(newStatus)) {
            throw new InvalidInputException("status", "must be one of " + REGISTRY_FACTS.stream().sorted().toList()
                    + ": the statuses an incident establishes", "REG-08");
        }
        String why = InputPolicy.statedText("reason", reason, MAX_TEXT, "REG-08", true);
        StatusFinding finding = new StatusFinding(id + "-status-" + (institutionStatuses.size() + 1), newStatus,
                why, by, now);
        institutionStatuses.add(finding);
        changed(now, new TimelineEntry(now, TimelineEntry.Kind.INSTITUTION_STATUS, by, "机构状态认定为 " + newStatus
                + "（已通知机构名录）：" + abbreviate(why)));
        return finding;
    }

    // ---- closing --------------------------------------------------------------------------------------------------

    /** Closes the event (办结) once no emergency plan runs. */
    void close(String reason, Actor by, Instant now) {
        requireOpen("INC-02");
        if (plan != null && plan.endedAt() == null) {
            throw new RuleViolationException("INC-05", "The emergency plan is ended by a head before the event"
                    + " closes");
        }
        closeReason = InputPolicy.statedText("reason", reason, MAX_TEXT, "INC-02", true);
        status = EventStatus.CLOSED;
        changed(now, new TimelineEntry(now, TimelineEntry.Kind.CLOSED, by, "事件办结：" + closeReason));
    }

    // ---- reading --------------------------------------------------------------------------------------------------

    /** INC-04: especially major without its dedicated watcher. */
    public boolean watcherMissing() {
        return level == Level.ESPECIALLY_MAJOR && watcher == null;
    }

    /** Every institution of the event: its own first, then the related ones. */
    public List<String> allInstitutionIds() {
        List<String> all = new ArrayList<>();
        all.add(institutionId);
        all.addAll(relatedInstitutionIds);
        return all;
    }

    public Measure measure(String measureId) {
        return measures.get(indexOfMeasure(measureId));
    }

    // ---- internals ------------------------------------------------------------------------------------------------

    /**
     * One act done: its timeline line, any breach now due (INC-06: a report that comes late records the breach the
     * scan had not seen yet; the acts that file reports record them before their own line), the version moved on.
     */
    private void changed(Instant now, TimelineEntry entry) {
        timeline.add(entry);
        recordBreaches(now);
        version++;
        updatedAt = now;
        nextDueAt = nextDue(now);
    }

    private String lateness(Deadline.Kind kind, Instant now) {
        return deadlines(now).stream().filter(d -> d.kind() == kind && d.metAt() == null).findFirst()
                .filter(d -> now.isAfter(d.dueAt()))
                .map(d -> "（超时 " + Duration.between(d.dueAt(), now).toMinutes() + " 分钟）").orElse("");
    }

    private Deadline deadline(Deadline.Kind kind, int sequence, Instant dueAt, Instant metAt, Instant now) {
        boolean recorded = breaches.stream().anyMatch(b -> b.kind() == kind && b.sequence() == sequence);
        return Deadline.of(kind, sequence, dueAt, metAt, now, recorded);
    }

    private Instant nextDue(Instant now) {
        return deadlines(now).stream().filter(d -> d.metAt() == null && !d.breachRecorded()).map(Deadline::dueAt)
                .min(Comparator.naturalOrder()).orElse(null);
    }

    private void requireOpen(String rule) {
        if (status == EventStatus.CLOSED) {
            throw new RuleViolationException(rule, "Event " + id + " is closed (已办结): it does not change any more");
        }
    }

    private int indexOfMeasure(String measureId) {
        for (int i = 0; i < measures.size(); i++) {
            if (measures.get(i).id().equals(measureId)) {
                return i;
            }
        }
        throw ProblemException.notFound("Measure", measureId);
    }

    private String describeLevel() {
        return level == null ? "without a level yet" : level.name() + " (" + level.chinese() + ")";
    }

    private static <T> T required(String member, T value, String rule) {
        if (value == null) {
            throw new InvalidInputException(member, "is required", rule);
        }
        return value;
    }

    private static Long lenders(Long value) {
        if (value != null && (value < 0 || value > 1_000_000_000L)) {
            throw new InvalidInputException("lendersAffected", "must be between 0 and 1000000000", "INC-03");
        }
        return value;
    }

    static String abbreviate(String text) {
        return text.codePointCount(0, text.length()) <= 120 ? text
                : text.substring(0, text.offsetByCodePoints(0, 120)) + "…";
    }

    private static String local(Instant at) {
        return at.atZone(CHINA).toLocalDateTime().toString().replace('T', ' ');
    }

    // ---- the parts ------------------------------------------------------------------------------------------------

    /** INC-04: the dedicated watcher (盯防专人). */
    public record Watcher(String name, String position, String contact, Actor namedBy, Instant namedAt) {
    }

    /** INC-05: the emergency plan (应急预案), started and ended by heads of the registration province. */
    public record EmergencyPlan(Instant startedAt, Actor startedBy, String startReason, Instant endedAt,
                                Actor endedBy, String endReason) {

        public boolean running() {
            return endedAt == null;
        }
    }

    /** INC-06: the notification of the central offices. */
    public record Notification(List<CentralOffice> recipients, String reference, String note, Actor by,
                               Instant at) {
    }

    /** INC-06: a report to the central offices. */
    public record Report(String id, Kind kind, String text, String reference, Actor by, Instant at) {

        /** The written detailed report (书面详细报告) or a follow-up (续报). */
        public enum Kind {
            WRITTEN, FOLLOW_UP
        }
    }

    /** INC-07/08: a measure with its progress; the agency requests it sent (AUTH-05). */
    public record Measure(String id, MeasureKind kind, String description, MeasureStatus status,
                          List<String> agencyRequestIds, List<Update> updates, Actor takenBy, Instant takenAt) {

        /** One step of the measure: its status from then on, with a note. */
        public record Update(MeasureStatus status, String note, Actor by, Instant at) {
        }
    }

    /** INC-09: a business-place province's support note. */
    public record SupportNote(String id, String province, String text, Actor by, Instant at) {
    }

    /** REG-08: a registry status the event established, sent through the outbox entry {@code id}. */
    public record StatusFinding(String id, String status, String reason, Actor by, Instant at) {
    }

    /** INC-06: a deadline missed, as recorded (on the timeline and on the central office's breach list). */
    public record Breach(Deadline.Kind kind, int sequence, Instant dueAt, Instant recordedAt) {
    }

    // ---- accessors ------------------------------------------------------------------------------------------------

    public String id() {
        return id;
    }

    public String institutionId() {
        return institutionId;
    }

    public String institutionName() {
        return institutionName;
    }

    public String creditCode() {
        return creditCode;
    }

    public String registeredProvince() {
        return registeredProvince;
    }

    public List<String> relatedInstitutionIds() {
        return List.copyOf(relatedInstitutionIds);
    }

    public EventType type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public Long lendersAffected() {
        return lendersAffected;
    }

    public List<String> signalIds() {
        return List.copyOf(signalIds);
    }

    public EventStatus status() {
        return status;
    }

    public Level level() {
        return level;
    }

    public String levelReason() {
        return levelReason;
    }

    public LevelProposal levelProposal() {
        return levelProposal;
    }

    public Watcher watcher() {
        return watcher;
    }

    public EmergencyPlan plan() {
        return plan;
    }

    public Notification notification() {
        return notification;
    }

    public List<Report> reports() {
        return List.copyOf(reports);
    }

    public int followUpHours() {
        return followUpHours;
    }

    public List<Measure> measures() {
        return List.copyOf(measures);
    }

    public List<SupportNote> supportNotes() {
        return List.copyOf(supportNotes);
    }

    public List<StatusFinding> institutionStatuses() {
        return List.copyOf(institutionStatuses);
    }

    public List<Breach> breaches() {
        return List.copyOf(breaches);
    }

    public List<TimelineEntry> timeline() {
        return List.copyOf(timeline);
    }

    public List<OutboxEntry> outbox() {
        return List.copyOf(outbox);
    }

    public long version() {
        return version;
    }

    public Actor recordedBy() {
        return recordedBy;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String closeReason() {
        return closeReason;
    }

    public Instant nextDueAt() {
        return nextDueAt;
    }

    /** The outbox after the store added {@code entries} (the store's view after a write). */
    void appendOutbox(List<OutboxEntry> entries) {
        outbox.addAll(entries);
    }
}
