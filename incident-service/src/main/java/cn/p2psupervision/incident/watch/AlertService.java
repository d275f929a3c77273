package cn.p2psupervision.incident.watch;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import cn.p2psupervision.incident.readaudit.IncidentReads;
import cn.p2psupervision.platform.audit.AuditTrail;
import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.registryfeed.InstitutionDirectory;
import cn.p2psupervision.platform.security.Actor;
import cn.p2psupervision.platform.security.Caller;

/**
 * INC-11: the alerts of off-site monitoring (非现场监测) as the regulators see and handle them. Reads follow AUTH-02
 * (central all; a province the institutions registered or doing business in it; 404 outside, like an unknown alert);
 * an open alert is handled once, by an officer of the institution's registration province: dismissed with a reason
 * or turned into a risk signal (INC-01), each recorded in the audit trail (AUTH-07).
 */
@Service
public class AlertService {

    static final String AUDIT_TYPE = "monitoring-alert";

    private final AlertStore alerts;
    private final InstitutionDirectory institutions;
    private final IncidentReads reads;
    private final AuditTrail audit;
    private final Clock clock;

    AlertService(AlertStore alerts, InstitutionDirectory institutions, IncidentReads reads, AuditTrail audit,
                 Clock clock) {
        this.alerts = alerts;
        this.institutions = institutions;
        this.reads = reads;
        this.audit = audit;
        this.clock = clock;
    }

    /** A page of the alerts the caller may read, in {@code state} (null: any), the latest raised first. */
    AlertStore.Page list(Caller caller, AlertState state, int page, int size) {
        requireRegulator(caller);
        AlertStore.Page found = alerts.list(institutions.readable(caller), state, page, size);
        reads.recordWatch(caller, "LIST_ALERTS", found.content().stream().map(Alert::institutionId).distinct().toList(),
                found.content().stream().map(Alert::id).toList());
        return found;
    }

    /** AUTH-07: {@link #read}, recorded as a read of the alert (the alert's own endpoint). */
    Alert show(Caller caller, String alertId) {
        Alert alert = read(caller, alertId);
        reads.recordWatch(caller, "READ_ALERT", List.of(alert.institutionId()), List.of(alert.id()));
        return alert;
    }

    /**
     * The alert {@code alertId}, for a caller who may read the records of its institution (AUTH-02).
     *
     * @throws ProblemException 404 when it does not exist or is out of the caller's scope; 403 for a caller who is no
     *                          regulator
     */
    public Alert read(Caller caller, String alertId) {
        requireRegulator(caller);
        Alert alert = alerts.find(alertId).orElseThrow(() -> notFound(alertId));
        if (!institutions.mayRead(caller, alert.institutionId())) {
            throw notFound(alertId);
        }
        return alert;
    }

    /** INC-11: an officer of the registration province dismisses an open alert, with a reason. */
    Alert dismiss(Caller caller, String alertId, String reason) {
        Alert alert = writable(caller, alertId);
        Alert dismissed = alert.dismissed(Actor.of(caller), clock.instant(), reason);
        store(alert, dismissed);
        audit.record(caller, "DISMISS", AUDIT_TYPE, alert.id(), auditValues(alert), auditValues(dismissed),
                dismissed.reason());
        return dismissed;
    }

    /**
     * INC-11 → INC-01: records that an officer of the registration province turned the open alert {@code alertId}
     * into the risk signal {@code signalId} (the caller of this method creates the signal).
     *
     * @throws ProblemException 404 when the alert does not exist or is out of the caller's scope; 403 when the caller
     *                          may read but not write its institution's records (central, a business-place province);
     *                          409 (rule INC-11) when the alert is no longer open
     */
    public Alert turnedIntoSignal(Caller caller, String alertId, String signalId) {
        Alert alert = writable(caller, alertId);
        Alert turned = alert.turnedIntoSignal(Actor.of(caller), clock.instant(), signalId);
        store(alert, turned);
        audit.record(caller, "TURN_INTO_SIGNAL", AUDIT_TYPE, alert.id(), auditValues(alert), auditValues(turned),
                null);
        return turned;
    }

    /** The alert, for a caller about to handle it: 404 outside the read scope, 403 outside the write scope. */
    private Alert writable(Caller caller, String alertId) {
        Alert alert = read(caller, alertId);
        institutions.writableBy(caller, alert.institutionId());
        return alert;
    }

    /** Stores the handled alert; when another officer handled it meanwhile, 409 as for an alert handled before. */
    private void store(Alert stored, Alert handled) {
        if (!alerts.replace(stored, handled)) {
            alerts.find(stored.id()).ifPresent(now -> now.requireOpen("handled again"));
            throw ProblemException.conflict("Alert " + stored.id() + " changed meanwhile; read it again (INC-11)");
        }
    }

    private static Map<String, Object> auditValues(Alert alert) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("state", alert.state().name());
        values.put("signalId", alert.signalId());
        values.put("version", alert.version());
        return values;
    }

    private static ProblemException notFound(String alertId) {
        return ProblemException.notFound("Alert", alertId);
    }

    private static void requireRegulator(Caller caller) {
        if (!caller.isCentral() && !caller.isProvincial()) {
            throw ProblemException.forbidden("Monitoring alerts are the regulators' (INC-11)");
        }
    }
}
