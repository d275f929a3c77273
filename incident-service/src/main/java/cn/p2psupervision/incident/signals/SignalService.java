package cn.p2psupervision.incident.signals;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import cn.p2psupervision.incident.RecordIds;
import cn.p2psupervision.incident.readaudit.IncidentReads;
import cn.p2psupervision.incident.watch.Alert;
import cn.p2psupervision.incident.watch.AlertMetric;
import cn.p2psupervision.incident.watch.AlertService;
import cn.p2psupervision.platform.agency.Agency;
import cn.p2psupervision.platform.audit.AuditTrail;
import cn.p2psupervision.platform.input.InputPolicy;
import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.problem.RuleViolationException;
import cn.p2psupervision.platform.registryfeed.InstitutionDirectory;
import cn.p2psupervision.platform.security.Actor;
import cn.p2psupervision.platform.security.Caller;

/**
 * INC-01 risk signals with AUTH-02/05/07. A provincial officer or head records signals about institutions it may read
 * (registered in its province, or doing business there: a run on a branch is seen where the branch is); a partner
 * agency posts signals about any institution of the registry through its own door and reads back only what it posted.
 * A regulator reads a signal when it may read every institution the signal names, so that a signal never reveals an
 * institution outside the reader's scope; central reads all. Every read is recorded (AUTH-07), every write audited.
 */
@Service
public class SignalService {

    static final String ENTITY = "risk-signal";
    /** INC-11: the monitored figures in the signal's words. */
    private static final Map<AlertMetric, String> METRICS = Map.of(AlertMetric.OVERDUE_RATE, "逾期率",
            AlertMetric.BALANCE_FALL, "借贷余额环比下降", AlertMetric.LENDERS_FALL, "出借人数环比下降");

    private final SignalStore signals;
    private final InstitutionDirectory institutions;
    private final IncidentReads reads;
    private final AuditTrail audit;
    private final AlertService alerts;
    private final Clock clock;

    SignalService(SignalStore signals, InstitutionDirectory institutions, IncidentReads reads, AuditTrail audit,
                  AlertService alerts, Clock clock) {
        this.signals = signals;
        this.alerts = alerts;
        this.institutions = institutions;
        this.reads = reads;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a caller states about a signal. */
    public record Draft(SignalType type, List<String> institutionIds, String source, String observedAt,
                        String description) {
    }

    // ---- writing --------------------------------------------------------------------------------------------------

    /** INC-01: an officer or head records a signal (403 for central, 404 for an institution outside scope). */
    public Signal record(Caller caller, Draft draft) {
        return record(caller, draft, null);
    }

    /**
     * INC-01/INC-11: a signal recorded from an off-site monitoring alert ({@code alertId}), by an officer of the
     * alert's institution.
     */
    public Signal record(Caller caller, Draft draft, String alertId) {
        if (!caller.isProvincial()) {
            throw ProblemException.forbidden(caller.isCentral() ? "Risk signals are recorded by the provinces'"
                    + " officers; central reads them (AUTH-03)" : "Risk signals are recorded by regulators (INC-01)");
        }
        Instant now = clock.instant();
        Signal signal = Signal.stated(RecordIds.next("SG", now), draft.type(), draft.institutionIds(), draft.source(),
                InputPolicy.instant("observedAt", draft.observedAt()), draft.description(), Actor.of(caller), now, null,
                alertId);
        for (String institutionId : signal.institutionIds()) {
            institutions.readableBy(caller, institutionId);
        }
        return stored(caller, signals.insert(signal));
    }

    /**
     * INC-11 → INC-01: an officer of the registration province turns an open off-site monitoring alert into a signal
     * about its institution: the figures behind the alert become its description (with the officer's words, if any),
     * the monitoring its source; the alert then points to the signal. 404/403 as for the alert; 409 once handled.
     */
    public Signal fromAlert(Caller caller, String alertId, SignalType type, String note) {
        Alert alert = alerts.read(caller, alertId);
        institutions.writableBy(caller, alert.institutionId());
        alert.requireOpen("turned into a signal");
        String description = "非现场监测预警（" + alert.period() + "）：" + METRICS.get(alert.metric()) + " "
                + alert.value().toPlainString() + "%，超过阈值 " + alert.threshold().toPlainString() + "%"
                + (note == null || note.isBlank() ? "" : "。" + note.strip());
        Signal signal = record(caller, new Draft(type == null ? SignalType.OTHER : type,
                List.of(alert.institutionId()), "非现场监测 (off-site monitoring)", clock.instant().toString(), description),
                alertId);
        alerts.turnedIntoSignal(caller, alertId, signal.id());
        return signal;
    }

    /** INC-01/AUTH-05: a partner agency posts a signal about institutions of the registry (404 for unknown ones). */
    public Signal post(Caller agency, Draft draft) {
        Agency poster = agencyOf(agency);
        Instant now = clock.instant();
        Signal signal = Signal.stated(RecordIds.next("SG", now), draft.type(), draft.institutionIds(), draft.source(),
                InputPolicy.instant("observedAt", draft.observedAt()), draft.description(), Actor.of(agency), now,
                poster.name(), null);
        for (String institutionId : signal.institutionIds()) {
            if (institutions.find(institutionId).isEmpty()) {
                throw ProblemException.notFound("Institution", institutionId);
            }
        }
        return stored(agency, signals.insert(signal));
    }

    /**
     * INC-01: links signals to an event of {@code eventInstitutions}: each readable by the caller (404), about one of
     * the event's institutions (422 INC-01) and linked to no other event (409). All or none are linked.
     */
    public List<Signal> linkToEvent(Caller caller, List<String> signalIds, String eventId,
                                    List<String> eventInstitutions) {
        List<Signal> found = new ArrayList<>();
        for (String signalId : signalIds) {
            Signal signal = signals.find(signalId).filter(s -> mayRead(caller, s))
                    .orElseThrow(() -> ProblemException.notFound("Signal", signalId));
            if (signal.institutionIds().stream().noneMatch(eventInstitutions::contains)) {
                throw new RuleViolationException("INC-01", "Signal " + signalId + " is about none of the event's"
                        + " institutions");
            }
            if (signal.eventId() != null && !signal.eventId().equals(eventId)) {
                throw ProblemException.conflict("Signal " + signalId + " is linked to another event already (INC-01)");
            }
            found.add(signal);
        }
        List<String> linked = new ArrayList<>();
        for (Signal signal : found) {
            if (signal.eventId() == null) {
                if (!signals.link(signal.id(), eventId)) {
                    linked.forEach(id -> signals.unlink(id, eventId));
                    throw ProblemException.conflict("Signal " + signal.id() + " was linked to another event meanwhile"
                            + " (INC-01)");
                }
                linked.add(signal.id());
            }
        }
        return found.stream().map(s -> s.linkedTo(eventId)).toList();
    }

    /** Undoes {@link #linkToEvent} for an event that could not be stored. */
    public void unlink(List<String> signalIds, String eventId) {
        signalIds.forEach(id -> signals.unlink(id, eventId));
    }

    // ---- reading --------------------------------------------------------------------------------------------------

    /** AUTH-02: one signal for a regulator who may read all its institutions; 404 otherwise; the read recorded. */
    public Signal read(Caller caller, String signalId) {
        Signal signal = signals.find(signalId).filter(s -> mayRead(caller, s))
                .orElseThrow(() -> ProblemException.notFound("Signal", signalId));
        reads.record(caller, "READ_SIGNAL", eventIds(List.of(signal)), List.of(signalId));
        return signal;
    }

    /** AUTH-05: a signal the agency posted itself; 404 for any other. */
    public Signal readPosted(Caller agency, String signalId) {
        Agency poster = agencyOf(agency);
        Signal signal = signals.find(signalId).filter(s -> poster.name().equals(s.agency()))
                .orElseThrow(() -> ProblemException.notFound("Signal", signalId));
        reads.record(agency, "READ_OWN_SIGNAL", List.of(), List.of(signalId));
        return signal;
    }

    /** AUTH-02: the signals the caller may read, newest first; by institution, or linked to an event or not. */
    public Page list(Caller caller, String institutionId, Boolean linked, int page, int size) {
        InstitutionDirectory.Readable readable = institutions.readable(caller);
        if (readable.none() || institutionId != null && !readable.includes(institutionId)) {
            return new Page(List.of(), page, size, 0);
        }
        List<Signal> visible = signals.recent(readable.all() ? null : readable.ids(), institutionId, linked).stream()
                .filter(s -> mayRead(caller, s)).toList();
        List<Signal> content = visible.stream().skip((long) page * size).limit(size).toList();
        reads.record(caller, "LIST_SIGNALS", eventIds(content), content.stream().map(Signal::id).toList());
        return new Page(content, page, size, visible.size());
    }

    /** AUTH-05: the signals the agency posted, newest first. */
    public Page posted(Caller agency, int page, int size) {
        Agency poster = agencyOf(agency);
        List<Signal> content = signals.postedBy(poster.name(), page, size);
        reads.record(agency, "LIST_OWN_SIGNALS", List.of(), content.stream().map(Signal::id).toList());
        return new Page(content, page, size, signals.countPostedBy(poster.name()));
    }

    /** The signals of an event, in the order they were recorded (the caller's scope was checked on the event). */
    public List<Signal> ofEvent(List<String> signalIds) {
        return signalIds.isEmpty() ? List.of() : signals.findAll(signalIds);
    }

    /** AUTH-02: a regulator reads a signal when it may read every institution the signal names. */
    public boolean mayRead(Caller caller, Signal signal) {
        return signal.institutionIds().stream().allMatch(id -> institutions.mayRead(caller, id));
    }

    // -----------------------------------------------------------------------------------------------------------

    private Signal stored(Caller caller, Signal signal) {
        audit.record(caller, "RECORD_SIGNAL", ENTITY, signal.id(), null, Map.of("type", signal.type(),
                "institutionIds", signal.institutionIds(), "source", signal.source()), null);
        return signal;
    }

    private static Agency agencyOf(Caller caller) {
        return Agency.of(caller).orElseThrow(() -> ProblemException.forbidden("This door is the partner agencies'"
                + " (AUTH-05)"));
    }

    private static List<String> eventIds(List<Signal> signals) {
        return signals.stream().map(Signal::eventId).filter(java.util.Objects::nonNull).distinct().toList();
    }

    /** A page of signals. */
    public record Page(List<Signal> content, int page, int size, long totalElements) {
    }

}
