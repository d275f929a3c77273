package cn.p2psupervision.classification.schedule;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

import cn.p2psupervision.platform.audit.AuditTrail;
import cn.p2psupervision.platform.audit.ChangedBy;
import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.security.Caller;

/**
 * CLS-10: the campaign schedule as central, versioned data. The central office changes it (AUTH-03) with a reason,
 * based on the version it read (If-Match); every version is kept and every change recorded in the audit trail
 * (AUTH-07). Until the central office sets another, version 1 is the campaign plan's schedule
 * ({@link CampaignSchedule#PLAN}), created on first use.
 */
@Service
public class CampaignScheduleService {

    static final String AUDIT_TYPE = "campaign-schedule";

    private final ScheduleStore store;
    private final AuditTrail audit;
    private final Clock clock;

    CampaignScheduleService(ScheduleStore store, AuditTrail audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** The schedule in force (one {@code _id} lookup). */
    public CampaignSchedule current() {
        return currentVersion().schedule();
    }

    /** The version in force, with who set it, when and why. */
    public ScheduleVersion currentVersion() {
        return store.current().orElseGet(() -> {
            store.createIfAbsent(ScheduleVersion.plan(clock.instant()));
            return store.current().orElseThrow();
        });
    }

    /** The version in force, for a regulator (central or provincial); others 403. */
    public ScheduleVersion read(Caller caller) {
        requireRegulator(caller);
        return currentVersion();
    }

    /** Every version, oldest first, for a regulator. */
    public List<ScheduleVersion> history(Caller caller) {
        requireRegulator(caller);
        return stored().versions();
    }

    /**
     * The next version of the schedule: central only (403), based on the version the caller read ({@code basedOn},
     * 428 when absent, 412 when stale), the dates checked (400 naming the member).
     */
    public ScheduleVersion change(Caller caller, Long basedOn, ScheduleChange change) {
        if (!caller.isCentral()) {
            throw ProblemException.forbidden("Only the central office sets the campaign schedule (CLS-10, AUTH-03)");
        }
        if (basedOn == null) {
            throw ProblemException.versionRequired();
        }
        CampaignSchedule schedule = change.schedule();
        ScheduleStore.Stored<ScheduleVersion> stored = stored();
        ScheduleVersion current = stored.current();
        if (current.version() != basedOn) {
            throw ProblemException.staleVersion(current.version());
        }
        // completes the audit entry of the current version, should the change that made it have stopped before it
        recordAudit(stored.versions(), current.version());
        ScheduleVersion next = current.next(schedule, ChangedBy.of(caller), clock.instant(), change.reason());
        if (!store.append(next)) {
            throw ProblemException.staleVersion(currentVersion().version());
        }
        List<ScheduleVersion> versions = new ArrayList<>(stored.versions());
        versions.add(next);
        recordAudit(versions, next.version());
        return next;
    }

    /** The stored document, the plan's schedule created first when nothing is stored. */
    private ScheduleStore.Stored<ScheduleVersion> stored() {
        return store.all().orElseGet(() -> {
            store.createIfAbsent(ScheduleVersion.plan(clock.instant()));
            return store.all().orElseThrow();
        });
    }

    /** The audit entry of {@code version} (AUTH-07), at most once per version; none for the plan's version 1. */
    private void recordAudit(List<ScheduleVersion> versions, long version) {
        if (version < 2 || versions.size() < version) {
            return;
        }
        ScheduleVersion after = versions.get((int) version - 1);
        ScheduleVersion before = versions.get((int) version - 2);
        if (after.changedBy() == null) {
            return;
        }
        audit.recordOnce(AUDIT_TYPE + ":v" + version + "@" + after.changedAt(), after.changedBy().toCaller(),
                "CHANGE", AUDIT_TYPE, ScheduleStore.ID, before.auditValues(), after.auditValues(), after.reason());
    }

    static void requireRegulator(Caller caller) {
        if (!caller.isCentral() && !caller.isProvincial()) {
            throw ProblemException.forbidden("The campaign schedule is read by the regulators (CLS-10)");
        }
    }
}
