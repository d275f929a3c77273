package cn.p2psupervision.classification.screening;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

import cn.p2psupervision.platform.audit.AuditTrail;
import cn.p2psupervision.platform.audit.ChangedBy;
import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.security.Caller;

/**
 * CLS-04: the thresholds of the key screening (重点排查) as central, versioned data. The central office changes them
 * (AUTH-03) with a reason, based on the version it read (If-Match); every version is kept and every change recorded in
 * the audit trail (AUTH-07). Until the central office sets any, version 1 holds the defaults
 * ({@link ThresholdVersion#DEFAULTS}), created on first use.
 */
@Service
public class ThresholdSettings {

    static final String AUDIT_TYPE = "screening-thresholds";

    private final ThresholdStore store;
    private final AuditTrail audit;
    private final Clock clock;

    ThresholdSettings(ThresholdStore store, AuditTrail audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** The thresholds in force, for the screening of every institution (one {@code _id} lookup). */
    public ScreeningThresholds current() {
        return currentVersion().thresholds();
    }

    /** The version in force, with who set it, when and why. */
    public ThresholdVersion currentVersion() {
        return store.current().orElseGet(() -> {
            store.createIfAbsent(ThresholdVersion.defaults(clock.instant()));
            return store.current().orElseThrow();
        });
    }

    /** The version in force, for a regulator (central or provincial); others 403. */
    public ThresholdVersion read(Caller caller) {
        requireRegulator(caller);
        return currentVersion();
    }

    /** Every version, oldest first, for a regulator. */
    public List<ThresholdVersion> history(Caller caller) {
        requireRegulator(caller);
        return stored().versions();
    }

    /** The stored document, the default created first when nothing is stored. */
    private ThresholdStore.Stored<ThresholdVersion> stored() {
        return store.all().orElseGet(() -> {
            store.createIfAbsent(ThresholdVersion.defaults(clock.instant()));
            return store.all().orElseThrow();
        });
    }

    /**
     * The next version of the thresholds: central only (403), based on the version the caller read ({@code basedOn},
     * 428 when absent, 412 when stale), the values checked (400 naming the member).
     */
    public ThresholdVersion change(Caller caller, Long basedOn, ThresholdChange change) {
        if (!caller.isCentral()) {
            throw ProblemException.forbidden("Only the central office sets the screening thresholds (CLS-04, AUTH-03)");
        }
        if (basedOn == null) {
            throw ProblemException.versionRequired();
        }
        ScreeningThresholds thresholds = change.thresholds();
        ThresholdStore.Stored<ThresholdVersion> stored = stored();
        ThresholdVersion current = stored.current();
        if (current.version() != basedOn) {
            throw ProblemException.staleVersion(current.version());
        }
        // completes the audit entry of the current version, should the change that made it have stopped before it
        recordAudit(stored.versions(), current.version());
        ThresholdVersion next = current.next(thresholds, ChangedBy.of(caller), clock.instant(), change.reason());
        if (!store.append(next)) {
            throw ProblemException.staleVersion(currentVersion().version());
        }
        recordAudit(append(stored.versions(), next), next.version());
        return next;
    }

    /** The audit entry of {@code version} (AUTH-07), at most once per version; none for the default version 1. */
    private void recordAudit(List<ThresholdVersion> versions, long version) {
        if (version < 2 || versions.size() < version) {
            return;
        }
        ThresholdVersion after = versions.get((int) version - 1);
        ThresholdVersion before = versions.get((int) version - 2);
        if (after.changedBy() == null) {
            return;
        }
        audit.recordOnce(AUDIT_TYPE + ":v" + version + "@" + after.changedAt(), after.changedBy().toCaller(), "CHANGE",
                AUDIT_TYPE, ThresholdStore.ID, before.auditValues(), after.auditValues(), after.reason());
    }

    private static List<ThresholdVersion> append(List<ThresholdVersion> versions, ThresholdVersion next) {
        List<ThresholdVersion> all = new ArrayList<>(versions);
        all.add(next);
        return all;
    }

    private static void requireRegulator(Caller caller) {
        if (!caller.isCentral() && !caller.isProvincial()) {
            throw ProblemException.forbidden("The screening thresholds are read by the regulators (CLS-04)");
        }
    }
}
