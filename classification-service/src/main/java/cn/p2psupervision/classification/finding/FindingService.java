package cn.p2psupervision.classification.finding;

import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Service;

import cn.p2psupervision.classification.catalogue.ProblemCatalogue;
import cn.p2psupervision.classification.finding.FindingStore.StoredFinding;
import cn.p2psupervision.platform.audit.AuditTrail;
import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.registryfeed.InstitutionDirectory;
import cn.p2psupervision.platform.security.Caller;

/**
 * CLS-01: findings of the investigation (排查), recorded, amended and withdrawn by the officers of the province where
 * the institution is registered; read by them, by business-place provinces and by central (AUTH-02, AUTH-03).
 */
@Service
public class FindingService {

    static final String ENTITY = "finding";

    private final FindingStore findings;
    private final InstitutionDirectory institutions;
    private final ProblemCatalogue catalogue;
    private final AuditTrail audit;
    private final Clock clock;

    FindingService(FindingStore findings, InstitutionDirectory institutions, ProblemCatalogue catalogue,
                   AuditTrail audit, Clock clock) {
        this.findings = findings;
        this.institutions = institutions;
        this.catalogue = catalogue;
        this.audit = audit;
        this.clock = clock;
    }

    public Finding record(Caller caller, String institutionId, FindingDetails details) {
        institutions.writableBy(caller, institutionId);
        Finding finding = Finding.record(newId(), institutionId, details, catalogue, caller.username(),
                caller.province(), clock.instant());
        findings.insert(finding);
        audit.record(caller, "RECORD_FINDING", ENTITY, finding.id(), null, finding, null);
        return finding;
    }

    public List<Finding> list(Caller caller, String institutionId) {
        institutions.readableBy(caller, institutionId);
        return findings.ofInstitution(institutionId);
    }

    public StoredFinding read(Caller caller, String institutionId, String findingId) {
        institutions.readableBy(caller, institutionId);
        return stored(institutionId, findingId);
    }

    public Finding amend(Caller caller, String institutionId, String findingId, long basedOn, FindingDetails details) {
        institutions.writableBy(caller, institutionId);
        StoredFinding stored = current(institutionId, findingId, basedOn);
        Finding next = stored.current().amend(details, catalogue, caller.username(), caller.province(),
                clock.instant());
        findings.replace(stored, next);
        audit.record(caller, "AMEND_FINDING", ENTITY, findingId, stored.current(), next, null);
        return next;
    }

    public Finding withdraw(Caller caller, String institutionId, String findingId, long basedOn, String reason) {
        institutions.writableBy(caller, institutionId);
        StoredFinding stored = current(institutionId, findingId, basedOn);
        Finding next = stored.current().withdraw(reason, caller.username(), caller.province(), clock.instant());
        findings.replace(stored, next);
        audit.record(caller, "WITHDRAW_FINDING", ENTITY, findingId, stored.current(), next, next.withdrawalReason());
        return next;
    }

    private StoredFinding current(String institutionId, String findingId, long basedOn) {
        StoredFinding stored = stored(institutionId, findingId);
        if (stored.version() != basedOn) {
            throw ProblemException.staleVersion(stored.version());
        }
        return stored;
    }

    private StoredFinding stored(String institutionId, String findingId) {
        return findings.find(findingId).filter(f -> f.institutionId().equals(institutionId))
                .orElseThrow(() -> ProblemException.notFound("Finding", findingId));
    }

    /** {@code F-} and 12 hexadecimal digits: short enough to quote in a reason, unique enough (48 bits). */
    private static String newId() {
        byte[] random = new byte[6];
        ThreadLocalRandom.current().nextBytes(random);
        return "F-" + HexFormat.of().withUpperCase().formatHex(random);
    }
}
