package cn.p2psupervision.incident.watch;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

import cn.p2psupervision.platform.audit.AuditTrail;
import cn.p2psupervision.platform.audit.ChangedBy;
import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.security.Caller;

/**
 * INC-11: the thresholds of off-site monitoring (非现场监测) as central, versioned data. The central office changes
 * them (AUTH-03) with a reason, based on the version it read (If-Match); every version is kept and every change
 * recorded in the audit trail (AUTH-07). Until the central office sets any, version 1 holds the defaults
 * ({@link MonitoringThresholdVersion#DEFAULTS}), created on first use. The scan reads the version in force.
 */
@Service
public class MonitoringThresholdSettings {

    static final String AUDIT_TYPE = "monitoring-thresholds";

    private final MonitoringThresholdStore store;
    private final AuditTrail audit;
    private final Clock clock;

    MonitoringThresholdSettings(MonitoringThresholdStore store, AuditTrail audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** The thresholds in force (one {@code _id} lookup), the defaults stored first when none are. */
    public MonitoringThresholds current() {
        return currentVersion().thresholds();
    }

    MonitoringThresholdVersion currentVersion() {
        return store.current().orElseGet(() -> {
            store.createIfAbsent(MonitoringThresholdVersion.defaults(clock.instant()));
            return store.current().orElseThrow();
        });
    }

    /** The version in force, for a regulator (central or provincial); others 403. */
    MonitoringThresholdVersion read(Caller caller) {
        requireRegulator(caller);
        return currentVersion();
    }

    /** Every version, oldest first, for a regulator. */
    List<MonitoringThresholdVersion> history(Caller caller) {
        requireRegulator(caller);
        return stored().versions();
    }

    /**
     * The next version: central only (403), based on the version the caller read ({@code basedOn}: 428 when absent,
     * 412 when stale), the values checked (400 naming the member).
     */
    MonitoringThresholdVersion change(Caller caller, Long basedOn, BigDecimal overdueRateMax,
                                      BigDecimal balanceFallMaxPercent, BigDecimal lendersFallMaxPercent,
                                      String reason) {
        if (!caller.isCentral()) {
            throw ProblemException.forbidden("Only the central office sets the thresholds of off-site monitoring"
                    + " (INC-11, AUTH-03)");
        }
        if (basedOn == null) {
            throw ProblemException.versionRequired();
        }
        MonitoringThresholds thresholds = new MonitoringThresholds(overdueRateMax, balanceFallMaxPercent,
                lendersFallMaxPercent);
        MonitoringThresholdStore.Stored<MonitoringThresholdVersion> stored = stored();
        MonitoringThresholdVersion current = stored.current();
        MonitoringThresholdVersion next = current.next(thresholds, ChangedBy.of(caller), clock.instant(), reason);
        if (current.version() != basedOn) {
            throw ProblemException.staleVersion(current.version());
        }
        // completes the audit entry of the current version, should the change that made it have stopped before it
        recordAudit(stored.versions(), current.version());
        if (!store.append(next)) {
            throw ProblemException.staleVersion(currentVersion().version());
        }
        List<MonitoringThresholdVersion> versions = new ArrayList<>(stored.versions());
        versions.add(next);
        recordAudit(versions, next.version());
        return next;
    }

    private MonitoringThresholdStore.Stored<MonitoringThresholdVersion> stored() {
        return store.all().orElseGet(() -> {
            store.createIfAbsent(MonitoringThresholdVersion.defaults(clock.instant()));
            return store.all().orElseThrow();
        });
    }

    /** The audit entry of {@code version} (AUTH-07), at most once per version; none for the default version 1. */
    private void recordAudit(List<MonitoringThresholdVersion> versions, long version) {
        if (version < 2 || versions.size() < version) {
            return;
        }
        MonitoringThresholdVersion after = versions.get((int) version - 1);
        MonitoringThresholdVersion before = versions.get((int) version - 2);
        if (after.changedBy() == null) {
            return;
        }
        audit.recordOnce(AUDIT_TYPE + ":v" + version + "@" + after.changedAt(), after.changedBy().toCaller(), "CHANGE",
                AUDIT_TYPE, MonitoringThresholdStore.ID, before.auditValues(), after.auditValues(), after.reason());
    }

    private static void requireRegulator(Caller caller) {
        if (!caller.isCentral() && !caller.isProvincial()) {
            throw ProblemException.forbidden("The thresholds of off-site monitoring are read by the regulators"
                    + " (INC-11)");
        }
    }
}
