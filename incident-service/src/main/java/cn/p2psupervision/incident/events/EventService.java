package cn.p2psupervision.incident.events;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.stereotype.Service;

import cn.p2psupervision.incident.RecordIds;
import cn.p2psupervision.incident.readaudit.IncidentRead;
import cn.p2psupervision.incident.readaudit.IncidentReads;
import cn.p2psupervision.incident.signals.Signal;
import cn.p2psupervision.incident.signals.SignalService;
import cn.p2psupervision.platform.agency.AgencyRequest;
import cn.p2psupervision.platform.agency.AgencyRequestDelivery;
import cn.p2psupervision.platform.agency.AgencyRequestKind;
import cn.p2psupervision.platform.audit.AuditTrail;
import cn.p2psupervision.platform.outbox.OutboxEntry;
import cn.p2psupervision.platform.problem.InvalidInputException;
import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.registryfeed.InstitutionDirectory;
import cn.p2psupervision.platform.registryfeed.InstitutionReference;
import cn.p2psupervision.platform.registryfeed.MonthlyReport;
import cn.p2psupervision.platform.registryfeed.RegistryReports;
import cn.p2psupervision.platform.registryfeed.RegistryStatusDelivery;
import cn.p2psupervision.platform.security.Access;
import cn.p2psupervision.platform.security.Actor;
import cn.p2psupervision.platform.security.Caller;

/**
 * Risk events (风险事件, INC-02..09, INC-12) with AUTH-02..04 and AUTH-07. The officers of the institution's
 * registration province record and lead the event (INC-09); its heads start and end the emergency plan (INC-05); the
 * provinces where it does business read it and add support notes, nothing else; central reads every event, sets the
 * follow-up interval and watches the deadlines. Each write names the version it is based on (If-Match), is one
 * compare-and-set with its consequences in the outbox (REG-08 statuses, the agencies' requests, AUTH-05), and is in the
 * audit trail; each read is recorded (AUTH-07). Nobody outside an event's scope learns that it exists: 404.
 */
@Service
public class EventService {

    static final String ENTITY = "risk-event";
    /** The context named as the origin of its agency requests and registry statuses. */
    static final String ORIGIN = "incident";
    /** Days public security has to answer a referral (AUTH-05). */
    static final int REFERRAL_DAYS = 30;
    /** Days the telecom administration has to answer a shutdown request. */
    static final int SHUTDOWN_DAYS = 15;

    private final EventStore events;
    private final InstitutionDirectory institutions;
    private final SignalService signals;
    private final RegistryReports reports;
    private final BalanceRanking ranking;
    private final IncidentReads reads;
    private final AuditTrail audit;
    private final Clock clock;

    EventService(EventStore events, InstitutionDirectory institutions, SignalService signals, RegistryReports reports,
                 BalanceRanking ranking, IncidentReads reads, AuditTrail audit, Clock clock) {
        this.events = events;
        this.institutions = institutions;
        this.signals = signals;
        this.reports = reports;
        this.ranking = ranking;
        this.reads = reads;
        this.audit = audit;
        this.clock = clock;
    }

    /** What an officer states when recording an event (INC-02). */
    public record Draft(String institutionId, List<String> relatedInstitutionIds, EventType type, String title,
                        String description, Long lendersAffected, List<String> signalIds) {
    }

    // ---- INC-02: recording ----------------------------------------------------------------------------------------

    /**
     * INC-02: an officer of the registration province records an event (404 outside scope, 403 for central and the
     * business places); the related institutions must be readable (404), the signals linkable (INC-01).
     */
    public RiskEvent record(Caller caller, Draft draft) {
        if (draft.institutionId() == null || draft.institutionId().isBlank()) {
            throw new InvalidInputException("institutionId", "is required", "INC-02");
        }
        InstitutionReference institution = institutions.writableBy(caller, draft.institutionId().strip());
        List<String> related = related(caller, institution.id(), draft.relatedInstitutionIds());
        List<String> signalIds = distinct("signalIds", draft.signalIds(), RiskEvent.MAX_SIGNALS);
        Instant now = clock.instant();
        String id = RecordIds.next("EV", now);
        RiskEvent event = RiskEvent.record(id, institution, related, draft.type(), draft.title(), draft.description(),
                draft.lendersAffected(), signalIds, Actor.of(caller), now);
        List<String> all = event.allInstitutionIds();
        signals.linkToEvent(caller, signalIds, id, all);
        try {
            events.insert(event);
        } catch (RuntimeException notStored) {
            signals.unlink(signalIds, id);
            throw notStored;
        }
        audit.record(caller, "RECORD_EVENT", ENTITY, id, null, summary(event), null);
        return event;
    }

    /** INC-01: signals linked after the event was recorded. */
    public RiskEvent linkSignals(Caller caller, String eventId, long basedOn, List<String> signalIds) {
        List<String> more = distinct("signalIds", signalIds, RiskEvent.MAX_SIGNALS);
        if (more.isEmpty()) {
            throw new InvalidInputException("signalIds", "must name at least one signal", "INC-01");
        }
        RiskEvent current = writable(caller, eventId, basedOn);
        signals.linkToEvent(caller, more, eventId, current.allInstitutionIds());
        return store(caller, current, basedOn, "LINK_SIGNALS", null, event -> {
            event.linkSignals(more, Actor.of(caller), clock.instant());
            return List.of();
        });
    }

    // ---- reading --------------------------------------------------------------------------------------------------

    /** AUTH-02: the event for a caller who may read its institution; 404 otherwise; the read recorded (AUTH-07). */
    public RiskEvent read(Caller caller, String eventId) {
        RiskEvent event = readable(caller, eventId);
        reads.record(caller, "READ_EVENT", List.of(eventId), List.of());
        return event;
    }

    /** AUTH-02: the events the caller may read, newest change first; the read recorded. */
    public EventStore.Page list(Caller caller, EventStore.Filter filter, int page, int size) {
        EventStore.Page found = events.list(institutions.readable(caller), filter, page, size);
        reads.record(caller, "LIST_EVENTS", found.content().stream().map(RiskEvent::id).toList(), List.of());
        return found;
    }

    /** AUTH-02 for one related institution: whether the caller may see it named on the event. */
    public boolean mayRead(Caller caller, String institutionId) {
        return institutions.mayRead(caller, institutionId);
    }

    /** INC-03: the level the platform proposes now, from the registry's latest figures (503 when it cannot answer). */
    public LevelProposal proposal(Caller caller, String eventId) {
        RiskEvent event = readable(caller, eventId);
        reads.record(caller, "READ_LEVEL_PROPOSAL", List.of(eventId), List.of());
        return propose(event);
    }

    /**
     * INC-12: the event's timeline in order: its own lines, its signals as they were recorded, and every read of it
     * (AUTH-07). Reading the timeline is itself recorded, under {@code action}.
     */
    public Timeline timeline(Caller caller, String eventId, String action) {
        RiskEvent event = readable(caller, eventId);
        reads.record(caller, action, List.of(eventId), event.signalIds());
        List<TimelineEntry> entries = new ArrayList<>(event.timeline());
        for (Signal signal : signals.ofEvent(event.signalIds())) {
            entries.add(new TimelineEntry(signal.recordedAt(), TimelineEntry.Kind.SIGNAL, signal.recordedBy(),
                    signal.type().chinese() + "（" + signal.source() + "）：" + RiskEvent.abbreviate(
                            signal.description()) + (signal.agency() == null ? "" : "［" + signal.agency() + "报送］")));
        }
        for (IncidentRead read : reads.ofEvent(eventId)) {
            entries.add(new TimelineEntry(read.at(), TimelineEntry.Kind.READ, new Actor(read.userId(),
                    read.username(), read.province(), read.agency()), read.action()));
        }
        entries.sort(Comparator.comparing(TimelineEntry::at));
        return new Timeline(event, entries, clock.instant());
    }

    /** An event with its whole timeline as read at {@code readAt}. */
    public record Timeline(RiskEvent event, List<TimelineEntry> entries, Instant readAt) {
    }

    /** INC-06: the open especially major events the caller may read (the board computes their deadlines now). */
    public List<RiskEvent> openEspeciallyMajor(Caller caller) {
        List<RiskEvent> found = events.openEspeciallyMajor(institutions.readable(caller));
        reads.record(caller, "READ_BOARD", found.stream().map(RiskEvent::id).toList(), List.of());
        return found;
    }

    /** INC-06: the events the caller may read with a breach recorded (the breach list); the read recorded. */
    public List<RiskEvent> withBreaches(Caller caller) {
        List<RiskEvent> found = events.withBreaches(institutions.readable(caller));
        reads.record(caller, "READ_BREACHES", found.stream().map(RiskEvent::id).toList(), List.of());
        return found;
    }

    /** The campaign clock's instant now. */
    public Instant now() {
        return clock.instant();
    }

    // ---- INC-03/04 ------------------------------------------------------------------------------------------------

    /** INC-03: an officer sets the level with a reason; the proposal of the moment is kept beside it. */
    public RiskEvent setLevel(Caller caller, String eventId, long basedOn, Level level, String reason) {
        RiskEvent current = writable(caller, eventId, basedOn);
        LevelProposal proposal = propose(current);
        return store(caller, current, basedOn, "SET_LEVEL", reason, event -> {
            event.setLevel(level, reason, proposal, Actor.of(caller), clock.instant());
            return List.of();
        });
    }

    /** INC-04: the dedicated watcher of an especially major event. */
    public RiskEvent nameWatcher(Caller caller, String eventId, long basedOn, String name, String position,
                                 String contact) {
        RiskEvent current = writable(caller, eventId, basedOn);
        return store(caller, current, basedOn, "NAME_WATCHER", null, event -> {
            event.nameWatcher(name, position, contact, Actor.of(caller), clock.instant());
            return List.of();
        });
    }

    // ---- INC-05 ---------------------------------------------------------------------------------------------------

    /** INC-05/AUTH-04: a head of the registration province starts the emergency plan. */
    public RiskEvent startPlan(Caller caller, String eventId, long basedOn, String reason) {
        RiskEvent current = byHead(caller, eventId, basedOn);
        return store(caller, current, basedOn, "START_PLAN", reason, event -> {
            event.startPlan(reason, Actor.of(caller), clock.instant());
            return List.of();
        });
    }

    /** INC-05/AUTH-04: a head of the registration province ends the emergency plan. */
    public RiskEvent endPlan(Caller caller, String eventId, long basedOn, String reason) {
        RiskEvent current = byHead(caller, eventId, basedOn);
        return store(caller, current, basedOn, "END_PLAN", reason, event -> {
            event.endPlan(reason, Actor.of(caller), clock.instant());
            return List.of();
        });
    }

    // ---- INC-06 ---------------------------------------------------------------------------------------------------

    /** INC-06: the notification of the three central offices. */
    public RiskEvent notifyCentral(Caller caller, String eventId, long basedOn, List<CentralOffice> recipients,
                                   String reference, String note) {
        RiskEvent current = writable(caller, eventId, basedOn);
        return store(caller, current, basedOn, "NOTIFY_CENTRAL", null, event -> {
            event.notifyCentral(recipients, reference, note, Actor.of(caller), clock.instant());
            return List.of();
        });
    }

    /** INC-06: the written detailed report, then follow-ups. */
    public RiskEvent fileReport(Caller caller, String eventId, long basedOn, RiskEvent.Report.Kind kind, String text,
                                String reference) {
        RiskEvent current = writable(caller, eventId, basedOn);
        return store(caller, current, basedOn, "FILE_REPORT", null, event -> {
            event.fileReport(kind, text, reference, Actor.of(caller), clock.instant());
            return List.of();
        });
    }

    /** INC-06/AUTH-03: the central office sets the follow-up interval of an event. */
    public RiskEvent setFollowUpInterval(Caller caller, String eventId, long basedOn, Integer hours, String reason) {
        RiskEvent current = readable(caller, eventId);
        if (!caller.isCentral()) {
            throw ProblemException.forbidden("The central office sets the interval of follow-up reports (INC-06)");
        }
        if (hours == null) {
            throw new InvalidInputException("hours", "is required", "INC-06");
        }
        return store(caller, at(current, basedOn), basedOn, "SET_FOLLOW_UP_INTERVAL", reason, event -> {
            event.setFollowUpInterval(hours, reason, Actor.of(caller), clock.instant());
            return List.of();
        });
    }

    /**
     * INC-06: records every breach due by now on the events with a deadline due (the deadline scan); an event changed
     * meanwhile is left to the next run. Answers the breaches recorded, with their events.
     */
    public List<RecordedBreach> recordDueBreaches(int limit) {
        Instant now = clock.instant();
        List<RecordedBreach> recorded = new ArrayList<>();
        for (String id : events.dueBy(now, limit)) {
            RiskEvent event = events.find(id).orElse(null);
            if (event == null) {
                continue;
            }
            long basedOn = event.version();
            List<RiskEvent.Breach> breaches = event.recordDueBreaches(now);
            try {
                events.replace(basedOn, event, List.of());
            } catch (ProblemException changedMeanwhile) {
                continue;
            }
            breaches.forEach(b -> recorded.add(new RecordedBreach(event, b)));
        }
        return recorded;
    }

    /** A breach the scan recorded, with its event. */
    public record RecordedBreach(RiskEvent event, RiskEvent.Breach breach) {
    }

    // ---- INC-07/08 ------------------------------------------------------------------------------------------------

    /**
     * INC-07/08: a measure taken; a referral to public security or a shutdown of apps and licences sends the
     * agencies their requests (AUTH-05) in the same write.
     */
    public RiskEvent takeMeasure(Caller caller, String eventId, long basedOn, MeasureKind kind, String description,
                                 MeasureStatus status) {
        RiskEvent current = writable(caller, eventId, basedOn);
        InstitutionReference institution = institutions.find(current.institutionId()).orElseThrow();
        return store(caller, current, basedOn, "TAKE_MEASURE", null, event -> {
            Instant now = clock.instant();
            String measureId = event.id() + "-M" + (event.measures().size() + 1);
            List<OutboxEntry> requests = new ArrayList<>();
            List<String> requestIds = new ArrayList<>();
            if (kind != null) {
                for (AgencyRequestKind request : kind.agencyRequests()) {
                    String requestId = "INC-" + request.name() + "-" + measureId;
                    requestIds.add(requestId);
                    requests.add(agencyRequest(event, institution, request, requestId, measureId, description, now));
                }
            }
            event.takeMeasure(kind, description, status, requestIds, Actor.of(caller), now);
            return requests;
        });
    }

    /** INC-07/08: a measure progresses. */
    public RiskEvent updateMeasure(Caller caller, String eventId, long basedOn, String measureId,
                                   MeasureStatus status, String note) {
        RiskEvent current = writable(caller, eventId, basedOn);
        return store(caller, current, basedOn, "UPDATE_MEASURE", note, event -> {
            event.updateMeasure(measureId, status, note, Actor.of(caller), clock.instant());
            return List.of();
        });
    }

    // ---- INC-09 ---------------------------------------------------------------------------------------------------

    /** INC-09: a province where the institution does business adds a support note; nobody else (403). */
    public RiskEvent addSupportNote(Caller caller, String eventId, long basedOn, String text) {
        RiskEvent current = readable(caller, eventId);
        if (!caller.isProvincial() || institutions.accessTo(caller, current.institutionId()) != Access.READ) {
            throw ProblemException.forbidden("Support notes are added by the provinces where the institution does"
                    + " business; the registration province leads the event (INC-09)");
        }
        return store(caller, at(current, basedOn), basedOn, "ADD_SUPPORT_NOTE", null, event -> {
            event.addSupportNote(caller.province(), text, Actor.of(caller), clock.instant());
            return List.of();
        });
    }

    // ---- REG-08 ---------------------------------------------------------------------------------------------------

    /** REG-08: the status the event established goes to the registry through the outbox, in the same write. */
    public RiskEvent findInstitutionStatus(Caller caller, String eventId, long basedOn, String status, String reason) {
        RiskEvent current = writable(caller, eventId, basedOn);
        return store(caller, current, basedOn, "FIND_INSTITUTION_STATUS", reason, event -> {
            Instant now = clock.instant();
            RiskEvent.StatusFinding finding = event.findInstitutionStatus(status, reason, Actor.of(caller), now);
            String reference = "incident/" + finding.id();
            return List.of(OutboxEntry.pending(reference, RegistryStatusDelivery.KIND,
                    RegistryStatusDelivery.payload(event.institutionId(), finding.status(), "INCIDENT", event.id(),
                            LocalDate.ofInstant(now, RiskEvent.CHINA), "风险事件 " + event.id() + "："
                                    + RiskEvent.abbreviate(finding.reason())), now));
        });
    }

    /** Closes the event (办结). */
    public RiskEvent close(Caller caller, String eventId, long basedOn, String reason) {
        RiskEvent current = writable(caller, eventId, basedOn);
        return store(caller, current, basedOn, "CLOSE_EVENT", reason, event -> {
            event.close(reason, Actor.of(caller), clock.instant());
            return List.of();
        });
    }

    // -----------------------------------------------------------------------------------------------------------

    private LevelProposal propose(RiskEvent event) {
        List<MonthlyReport> series = reports.series(event.institutionId());
        MonthlyReport latest = series.isEmpty() ? null : series.get(series.size() - 1);
        BalanceRanking.Rank rank = ranking.rankOf(latest == null ? null : latest.loanBalance());
        Set<String> provinces = new LinkedHashSet<>();
        for (String id : event.allInstitutionIds()) {
            institutions.find(id).ifPresent(i -> {
                provinces.add(i.registeredProvince());
                provinces.addAll(i.businessProvinces());
            });
        }
        long lenders = event.lendersAffected() != null ? event.lendersAffected()
                : latest == null ? 0 : latest.lenders();
        return LevelProposal.of(new LevelProposal.Figures(latest == null ? null : latest.period(),
                latest == null ? null : latest.loanBalance(), rank.rank(), rank.of(), lenders,
                event.allInstitutionIds().size(), provinces.size()));
    }

    /** The event for a caller who may read it; 404 otherwise (AUTH-02). */
    private RiskEvent readable(Caller caller, String eventId) {
        RiskEvent event = events.find(eventId).orElse(null);
        if (event == null || !institutions.mayRead(caller, event.institutionId())) {
            throw ProblemException.notFound("Event", eventId);
        }
        return event;
    }

    /** The event at {@code basedOn}, for an officer of the registration province: 404, 403, 412 otherwise. */
    private RiskEvent writable(Caller caller, String eventId, long basedOn) {
        RiskEvent event = readable(caller, eventId);
        if (institutions.accessTo(caller, event.institutionId()) != Access.WRITE) {
            throw ProblemException.forbidden(caller.isCentral()
                    ? "Central reads the provinces' events but does not write them (AUTH-03)"
                    : "The registration province leads the event; the business places read it and add support notes"
                            + " (INC-09)");
        }
        return at(event, basedOn);
    }

    /** AUTH-04: a head (负责同志) of the registration province. */
    private RiskEvent byHead(Caller caller, String eventId, long basedOn) {
        RiskEvent event = readable(caller, eventId);
        if (institutions.accessTo(caller, event.institutionId()) != Access.WRITE || !caller.isProvincialHead()) {
            throw ProblemException.forbidden("A head of the registration province starts and ends the emergency plan"
                    + " (INC-05, AUTH-04)");
        }
        return at(event, basedOn);
    }

    private static RiskEvent at(RiskEvent event, long basedOn) {
        if (event.version() != basedOn) {
            throw ProblemException.staleVersion(event.version());
        }
        return event;
    }

    private RiskEvent store(Caller caller, RiskEvent current, long basedOn, String action, String reason,
                            Function<RiskEvent, List<OutboxEntry>> act) {
        Map<String, Object> before = summary(current);
        List<OutboxEntry> outbox = act.apply(current);
        RiskEvent stored = events.replace(basedOn, current, outbox);
        audit.record(caller, action, ENTITY, stored.id(), before, summary(stored), reason);
        return stored;
    }

    private List<String> related(Caller caller, String institutionId, List<String> stated) {
        List<String> related = distinct("relatedInstitutionIds", stated, RiskEvent.MAX_RELATED);
        for (String id : related) {
            if (id.equals(institutionId)) {
                throw new InvalidInputException("relatedInstitutionIds", "must not name the event's own institution",
                        "INC-02");
            }
            institutions.readableBy(caller, id);
        }
        return related;
    }

    private static List<String> distinct(String member, List<String> stated, int max) {
        if (stated == null) {
            return List.of();
        }
        if (stated.size() > max) {
            throw new InvalidInputException(member, "must name at most " + max, "INC-02");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < stated.size(); i++) {
            String id = stated.get(i);
            if (id == null || id.isBlank()) {
                throw new InvalidInputException(member + "[" + i + "]", "is required", "INC-02");
            }
            ids.add(id.strip());
        }
        return List.copyOf(ids);
    }

    /** AUTH-05: an agency request of a measure, {@code INC-<kind>-<measure>}, as an outbox entry. */
    private static OutboxEntry agencyRequest(RiskEvent event, InstitutionReference institution,
                                             AgencyRequestKind kind, String requestId, String measureId,
                                             String description, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, RiskEvent.CHINA);
        List<String> reasons = new ArrayList<>();
        reasons.add("风险事件 " + event.id() + "（" + event.type().chinese() + (event.level() == null ? ""
                : "，" + event.level().chinese()) + "）：" + event.title());
        if (description != null && !description.isBlank()) {
            reasons.add("处置措施：" + description.strip());
        }
        AgencyRequest.Draft draft = new AgencyRequest.Draft(requestId, kind, event.institutionId(),
                event.institutionName(), event.creditCode(), event.registeredProvince(),
                institution.businessProvinces(), ORIGIN, "incident/" + measureId, AgencyRequest.fitReasons(reasons),
                now, today.plusDays(kind == AgencyRequestKind.REFERRAL ? REFERRAL_DAYS : SHUTDOWN_DAYS));
        return OutboxEntry.pending("incident/" + measureId + "/" + kind.name().toLowerCase(Locale.ROOT),
                AgencyRequestDelivery.KIND, AgencyRequestDelivery.payload(draft), now);
    }

    private static Map<String, Object> summary(RiskEvent event) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("version", event.version());
        summary.put("status", event.status());
        summary.put("level", event.level());
        summary.put("planRunning", event.plan() != null && event.plan().running());
        summary.put("measures", event.measures().size());
        summary.put("reports", event.reports().size());
        summary.put("timelineLength", event.timeline().size());
        return summary;
    }
}
