package cn.p2psupervision.incident.watch;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import cn.p2psupervision.incident.readaudit.IncidentReads;
import cn.p2psupervision.platform.audit.AuditTrail;
import cn.p2psupervision.platform.input.InputPolicy;
import cn.p2psupervision.platform.problem.InvalidInputException;
import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.problem.RuleViolationException;
import cn.p2psupervision.platform.province.Province;
import cn.p2psupervision.platform.registryfeed.InstitutionDirectory;
import cn.p2psupervision.platform.registryfeed.InstitutionReference;
import cn.p2psupervision.platform.security.Actor;
import cn.p2psupervision.platform.security.Caller;

/**
 * INC-10: the list of zombie institutions (僵尸类) for shutdown as the regulators read and keep it. The list comes from
 * the scans of the operating figures ({@link WatchScanJob}, scheduled and on demand) and from the closures of bidding
 * officers record. Reads follow AUTH-02 (central all; a province the institutions registered or doing business in
 * it); a closure of bidding is recorded and withdrawn by an officer of the registration province (AUTH-02, AUTH-03),
 * and every write is in the audit trail (AUTH-07).
 */
@Service
class ZombieService {

    static final String AUDIT_TYPE = "zombie";
    static final String SCAN_AUDIT_TYPE = "figures-scan";
    private static final String RULE = "INC-10";

    private final ZombieStore zombies;
    private final WatchScanJob job;
    private final InstitutionDirectory institutions;
    private final IncidentReads reads;
    private final AuditTrail audit;
    private final Clock clock;

    ZombieService(ZombieStore zombies, WatchScanJob job, InstitutionDirectory institutions, IncidentReads reads,
                  AuditTrail audit, Clock clock) {
        this.zombies = zombies;
        this.job = job;
        this.institutions = institutions;
        this.reads = reads;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A page of the zombies the caller may read, optionally only those registered or doing business in
     * {@code province} (a GB/T 2260 code; 400 otherwise).
     */
    ZombieStore.Page list(Caller caller, String province, int page, int size) {
        requireRegulator(caller);
        String filter = province == null || province.isBlank() ? null : province.strip();
        if (filter != null && Province.ofCode(filter).isEmpty()) {
            throw new InvalidInputException("province", "must be a province code (GB/T 2260), e.g. 44");
        }
        ZombieStore.Page found = zombies.list(institutions.readable(caller), filter, page, size);
        reads.recordWatch(caller, "LIST_ZOMBIES", found.content().stream().map(Zombie::institutionId).toList(),
                List.of());
        return found;
    }

    /** One listed zombie the caller may read; 404 when it is not listed or out of scope. */
    Zombie read(Caller caller, String institutionId) {
        requireRegulator(caller);
        Zombie zombie = zombies.find(institutionId)
                .filter(z -> !z.reasons().isEmpty() && ZombieDetection.listable(z.status()))
                .orElseThrow(() -> ProblemException.notFound("Zombie institution", institutionId));
        if (!institutions.mayRead(caller, institutionId)) {
            throw ProblemException.notFound("Zombie institution", institutionId);
        }
        reads.recordWatch(caller, "READ_ZOMBIE", List.of(institutionId), List.of());
        return zombie;
    }

    /**
     * INC-10 on demand: scans every institution's figures now (a regulator, central or provincial) and answers what
     * the scan found <em>within the caller's scope</em> (AUTH-02): the institutions scanned, the zombies listed now
     * (by figures or by a closure) and the alerts found (raised now or before) and raised now.
     *
     * @throws ProblemException 503 naming {@code registry-service} (nothing stored); 409 while another scan runs
     */
    Refresh refresh(Caller caller) {
        requireRegulator(caller);
        ScanResult result = job.now().orElseThrow(() -> ProblemException.conflict("A scan of the registry figures"
                + " is running now; the list is replaced when it ends (INC-10)"));
        InstitutionDirectory.Readable readable = institutions.readable(caller);
        Refresh refresh = new Refresh(result.scanned().stream().filter(readable::includes).count(),
                zombies.count(readable),
                result.alerts().stream().filter(alert -> readable.includes(alert.institutionId())).count(),
                result.alerts().stream().filter(alert -> readable.includes(alert.institutionId())
                        && result.newAlertIds().contains(alert.alertId())).count(),
                result.tookMillis(), result.scannedAt());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("institutionsScanned", result.scanned().size());
        after.put("zombiesByFigures", result.zombies().size());
        after.put("alerts", result.alerts().size());
        after.put("newAlerts", result.newAlertIds().size());
        audit.record(caller, "SCAN", SCAN_AUDIT_TYPE, result.scanId(), null, after, null);
        return refresh;
    }

    /**
     * INC-10: an officer of the registration province records that the institution's bidding is closed or not
     * working; it is listed at once. 404 outside the caller's scope, 403 for central or a business-place province,
     * 422 for an institution already out, 409 when a closure is recorded already.
     */
    BiddingClosure recordClosure(Caller caller, String institutionId, LocalDate observedOn, String evidence) {
        if (institutionId == null || institutionId.isBlank()) {
            throw new InvalidInputException("institutionId", "is required", RULE);
        }
        InstitutionReference institution = institutions.writableBy(caller, institutionId.strip());
        if (!ZombieDetection.listable(institution.status())) {
            throw new RuleViolationException(RULE, "Institution " + institution.id() + " is " + institution.status()
                    + ": it is out of the campaign already, not listed for shutdown");
        }
        Instant now = clock.instant();
        BiddingClosure closure = BiddingClosure.observed(observedOn, evidence, LocalDate.ofInstant(now,
                clock.getZone()), Actor.of(caller), now);
        if (!zombies.recordClosure(institution, closure, now)) {
            throw ProblemException.conflict("A closure of bidding is recorded for institution " + institution.id()
                    + " already; withdraw it first to record another (INC-10)");
        }
        audit.record(caller, "RECORD_BIDDING_CLOSURE", AUDIT_TYPE, institution.id(), null, auditValues(closure),
                null);
        return closure;
    }

    /** The institution's recorded closure of bidding, for a caller who may read its records; 404 otherwise. */
    BiddingClosure closure(Caller caller, String institutionId) {
        requireRegulator(caller);
        institutions.readableBy(caller, institutionId);
        BiddingClosure closure = zombies.find(institutionId).map(Zombie::closure)
                .orElseThrow(() -> ProblemException.notFound("Bidding closure", institutionId));
        reads.recordWatch(caller, "READ_BIDDING_CLOSURE", List.of(institutionId), List.of());
        return closure;
    }

    /**
     * INC-10: an officer of the registration province withdraws the institution's closure of bidding (bidding works
     * again, or it was recorded in error), with a reason; the institution stays listed only by its figures.
     */
    BiddingClosure withdrawClosure(Caller caller, String institutionId, String reason) {
        InstitutionReference institution = institutions.writableBy(caller, institutionId);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "is required: say why the closure is withdrawn", "AUTH-07");
        }
        String why = InputPolicy.text("reason", reason.strip(), BiddingClosure.MAX_EVIDENCE);
        BiddingClosure withdrawn = zombies.withdrawClosure(institution.id())
                .orElseThrow(() -> ProblemException.notFound("Bidding closure", institution.id()));
        audit.record(caller, "WITHDRAW_BIDDING_CLOSURE", AUDIT_TYPE, institution.id(), auditValues(withdrawn), null,
                why);
        return withdrawn;
    }

    private static Map<String, Object> auditValues(BiddingClosure closure) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("observedOn", closure.observedOn().toString());
        values.put("evidence", closure.evidence());
        return values;
    }

    private static void requireRegulator(Caller caller) {
        if (!caller.isCentral() && !caller.isProvincial()) {
            throw ProblemException.forbidden("The list of zombie institutions is the regulators' (INC-10)");
        }
    }

    /** What an on-demand scan found within the caller's scope. */
    record Refresh(long institutionsScanned, long zombies, long alerts, long newAlerts, long tookMillis,
                   Instant scannedAt) {
    }
}
