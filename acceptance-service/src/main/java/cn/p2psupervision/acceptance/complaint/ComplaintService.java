package cn.p2psupervision.acceptance.complaint;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.p2psupervision.acceptance.cases.AcceptanceCase;
import cn.p2psupervision.acceptance.cases.CaseService;
import cn.p2psupervision.acceptance.cases.Notice;
import cn.p2psupervision.acceptance.publicapi.PublicRegister;
import cn.p2psupervision.platform.audit.AuditTrail;
import cn.p2psupervision.platform.problem.InvalidInputException;
import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.problem.RuleViolationException;
import cn.p2psupervision.platform.registryfeed.InstitutionDirectory;
import cn.p2psupervision.platform.registryfeed.InstitutionReference;
import cn.p2psupervision.platform.security.Actor;
import cn.p2psupervision.platform.security.Caller;

/**
 * Complaints against institutions under public notice (公示期间的投诉, ACC-09, ACC-10, AUTH-06): anyone lodges one
 * without an account and follows it with the receipt number and the secret; the office of the registration province
 * resolves it, and one found true revokes the notice and sends the case back to acceptance. Every open complaint keeps
 * the case from being signed and filed ({@link CaseService#complaintOpened}, {@link CaseService#complaintResolved}).
 */
@Service
public class ComplaintService {

    static final String ENTITY = "complaint";
    private static final int RECEIPT_ATTEMPTS = 5;
    /** Checked when a receipt is unknown, so that it takes as long as a wrong secret (ACC-10). */
    private static final ComplaintSecret.Issued DECOY = ComplaintSecret.issue();

    private final ComplaintStore complaints;
    private final CaseService cases;
    private final PublicRegister register;
    private final InstitutionDirectory institutions;
    private final AuditTrail audit;
    private final Clock clock;

    ComplaintService(ComplaintStore complaints, CaseService cases, PublicRegister register,
                     InstitutionDirectory institutions, AuditTrail audit, Clock clock) {
        this.complaints = complaints;
        this.cases = cases;
        this.register = register;
        this.institutions = institutions;
        this.audit = audit;
        this.clock = clock;
    }

    /** A lodged complaint with its secret, which is shown this once and never again. */
    public record Lodged(Complaint complaint, String secret) {
    }

    /**
     * ACC-09/10: lodges a complaint against the institution named by its id or its credit code (the notice list shows
     * the latter), which must be under public notice (422 ACC-09). The complaint is stored, then counted on the case;
     * if the case left its notice meanwhile, the complaint is removed again and refused.
     */
    public Lodged lodge(String institutionId, String creditCode, String text, String contact) {
        Complaint.Content content = new Complaint.Content(text, contact);
        AcceptanceCase target = underNotice(institutionId, creditCode);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        String notice = target.currentNotice().map(Notice::number).orElse(null);
        ComplaintSecret.Issued secret = ComplaintSecret.issue();
        Complaint complaint = Complaint.lodge(ComplaintSecret.receiptNumber(today), target.institutionId(), notice,
                content, secret, now, clock.getZone());
        for (int attempt = 1; !complaints.insert(complaint); attempt++) {
            if (attempt >= RECEIPT_ATTEMPTS) {
                throw ProblemException.conflict("No free receipt number could be drawn; lodge the complaint again");
            }
            complaint = Complaint.lodge(ComplaintSecret.receiptNumber(today), target.institutionId(), notice,
                    content, secret, now, clock.getZone());
        }
        try {
            cases.complaintOpened(target.institutionId(), complaint.receiptNumber());
        } catch (RuntimeException refused) {
            complaints.remove(complaint.receiptNumber());
            throw refused;
        }
        return new Lodged(complaint, secret.secret());
    }

    /**
     * ACC-10: the complaint for its complainant; a wrong or missing secret answers exactly as an unknown receipt (404),
     * and an unknown receipt takes as long: a decoy secret is checked instead.
     */
    public Complaint forComplainant(String receiptNumber, String secret) {
        Complaint complaint = complaints.find(receiptNumber).orElse(null);
        boolean opened = complaint != null ? complaint.openedBy(secret)
                : ComplaintSecret.matches(secret, DECOY.salt(), DECOY.hash());
        if (complaint == null || !opened) {
            throw ProblemException.notFound("Complaint", receiptNumber);
        }
        return complaint;
    }

    /** A complaint as an office reads it, and whether that office handles it (and so sees the contact details). */
    public record Handled(Complaint complaint, boolean handling) {
    }

    /**
     * ACC-10: the complaints against a case, for its readers (AUTH-02, 404 otherwise); the contact details only for the
     * office handling them — the registration province's, which writes the case.
     */
    public List<Handled> ofCase(Caller caller, String institutionId) {
        InstitutionReference institution = institutions.readableBy(caller, institutionId);
        cases.find(institutionId).orElseThrow(() -> ProblemException.notFound("Acceptance case of institution",
                institutionId));
        boolean handling = InstitutionDirectory.accessTo(caller, institution).canWrite();
        return complaints.ofInstitution(institutionId).stream().map(c -> new Handled(c, handling)).toList();
    }

    /** A resolved complaint with the case as it is after the resolution. */
    public record Resolved(Complaint complaint, AcceptanceCase acceptanceCase) {
    }

    /**
     * ACC-09: the registration province's office resolves a complaint, based on the case's version ({@code If-Match}
     * of the case: the resolution changes the case — its count of open complaints, and its notice when the complaint
     * is found true). The complaint is claimed first (compare-and-set, so it is resolved once), then the case is
     * written; if the case refuses (412 stale, 409, 422), the complaint is put back as it was.
     */
    public Resolved resolve(Caller caller, String institutionId, String receiptNumber, long basedOn,
                            Boolean foundTrue, String reply) {
        institutions.writableBy(caller, institutionId);
        Complaint open = complaints.find(receiptNumber).filter(c -> c.institutionId().equals(institutionId))
                .orElseThrow(() -> ProblemException.notFound("Complaint", receiptNumber));
        if (foundTrue == null) {
            throw new InvalidInputException("foundTrue", "is required: true when the complaint is found true",
                    "ACC-09");
        }
        AcceptanceCase current = cases.find(institutionId).orElseThrow(() -> ProblemException.notFound(
                "Acceptance case of institution", institutionId));
        if (current.version() != basedOn) {
            throw ProblemException.staleVersion(current.version());
        }
        Complaint resolved = open.resolve(foundTrue, reply, Actor.of(caller), clock.instant(), clock.getZone());
        complaints.replace(resolved);
        AcceptanceCase after;
        try {
            after = cases.complaintResolved(caller, institutionId, basedOn, receiptNumber, foundTrue);
        } catch (RuntimeException refused) {
            complaints.restore(resolved, open);
            throw refused;
        }
        audit.record(caller, foundTrue ? "FIND_COMPLAINT_TRUE" : "FIND_COMPLAINT_UNFOUNDED", ENTITY, receiptNumber,
                summary(open), summary(resolved), resolved.reply());
        return new Resolved(resolved, after);
    }

    /** The institution under notice that a complaint names; 400 when it names none, 422 ACC-09 when not on notice. */
    private AcceptanceCase underNotice(String institutionId, String creditCode) {
        if (institutionId == null && creditCode == null) {
            throw new InvalidInputException("institutionId", "or creditCode is required: the institution under"
                    + " notice the complaint is about", "ACC-09");
        }
        String id = institutionId != null ? institutionId
                : register.current().underNotice(creditCode).orElse(null);
        Optional<AcceptanceCase> target = id == null ? Optional.empty() : cases.find(id);
        if (target.isPresent() && creditCode != null && !creditCode.strip().equalsIgnoreCase(
                String.valueOf(target.get().creditCode()))) {
            throw new InvalidInputException("creditCode", "is not the credit code of institution " + institutionId,
                    "ACC-09");
        }
        if (target.isEmpty() || !target.get().state().underNotice()) {
            throw new RuleViolationException("ACC-09", "Institution " + (institutionId != null ? institutionId
                    : creditCode) + " is not under public notice; complaints are lodged against an institution"
                    + " under notice");
        }
        return target.get();
    }

    private static Map<String, Object> summary(Complaint complaint) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("version", complaint.version());
        summary.put("state", complaint.state().name());
        summary.put("institutionId", complaint.institutionId());
        summary.put("noticeNumber", complaint.noticeNumber());
        return summary;
    }
}
