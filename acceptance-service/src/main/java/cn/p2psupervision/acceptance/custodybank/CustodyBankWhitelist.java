package cn.p2psupervision.acceptance.custodybank;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import cn.p2psupervision.platform.audit.AuditTrail;
import cn.p2psupervision.platform.audit.ChangedBy;
import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.security.Caller;

/**
 * ACC-15: the custody-bank whitelist (存管银行白名单) as central, versioned data. The central office changes it (AUTH-03)
 * with a reason, based on the version it read (If-Match); every version is kept and every change recorded in the audit
 * trail (AUTH-07). Version 1 is the seed list ({@link CustodyBankList#SEED}), stored at the first start (or on first
 * use, whichever comes first). Gate ACC-02e reads the version in force.
 */
@Service
public class CustodyBankWhitelist {

    static final String AUDIT_TYPE = "custody-banks";

    private final CustodyBankStore store;
    private final AuditTrail audit;
    private final Clock clock;

    CustodyBankWhitelist(CustodyBankStore store, AuditTrail audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** The seed list at the first start, so that the gates never wait for the central office. */
    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (store.current().isEmpty()) {
            store.createIfAbsent(CustodyBankList.seed(clock.instant()));
        }
    }

    /** The version in force (one {@code _id} lookup), the seed stored first when nothing is. */
    public CustodyBankList current() {
        return store.current().orElseGet(() -> {
            store.createIfAbsent(CustodyBankList.seed(clock.instant()));
            return store.current().orElseThrow();
        });
    }

    /** The version in force, for a regulator (central or provincial); others 403. */
    public CustodyBankList read(Caller caller) {
        requireRegulator(caller);
        return current();
    }

    /** Every version, oldest first, for a regulator. */
    public List<CustodyBankList> history(Caller caller) {
        requireRegulator(caller);
        return stored().versions();
    }

    /**
     * The next version of the whitelist: central only (403), based on the version the caller read ({@code basedOn},
     * 428 when absent, 412 when stale), the names checked (400 naming the member).
     */
    public CustodyBankList change(Caller caller, Long basedOn, List<String> banks, String reason) {
        if (!caller.isCentral()) {
            throw ProblemException.forbidden("Only the central office keeps the custody-bank whitelist (ACC-15,"
                    + " AUTH-03)");
        }
        if (basedOn == null) {
            throw ProblemException.versionRequired();
        }
        CustodyBankStore.Stored<CustodyBankList> stored = stored();
        CustodyBankList current = stored.current();
        if (current.version() != basedOn) {
            throw ProblemException.staleVersion(current.version());
        }
        // completes the audit entry of the current version, should the change that made it have stopped before it
        recordAudit(stored.versions(), current.version());
        CustodyBankList next = current.next(banks, ChangedBy.of(caller), clock.instant(), reason);
        if (!store.append(next)) {
            throw ProblemException.staleVersion(current().version());
        }
        List<CustodyBankList> versions = new ArrayList<>(stored.versions());
        versions.add(next);
        recordAudit(versions, next.version());
        return next;
    }

    private CustodyBankStore.Stored<CustodyBankList> stored() {
        return store.all().orElseGet(() -> {
            store.createIfAbsent(CustodyBankList.seed(clock.instant()));
            return store.all().orElseThrow();
        });
    }

    /** The audit entry of {@code version} (AUTH-07), at most once per version; none for the seed. */
    private void recordAudit(List<CustodyBankList> versions, long version) {
        if (version < 2 || versions.size() < version) {
            return;
        }
        CustodyBankList after = versions.get((int) version - 1);
        CustodyBankList before = versions.get((int) version - 2);
        if (after.changedBy() == null) {
            return;
        }
        audit.recordOnce(AUDIT_TYPE + ":v" + version + "@" + after.changedAt(), after.changedBy().toCaller(), "CHANGE",
                AUDIT_TYPE, CustodyBankStore.ID, before.auditValues(), after.auditValues(), after.reason());
    }

    private static void requireRegulator(Caller caller) {
        if (!caller.isCentral() && !caller.isProvincial()) {
            throw ProblemException.forbidden("The custody-bank whitelist is read by the regulators (ACC-15)");
        }
    }
}
