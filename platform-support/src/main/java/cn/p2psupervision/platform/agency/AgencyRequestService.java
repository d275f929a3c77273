package cn.p2psupervision.platform.agency;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.p2psupervision.platform.audit.AuditTrail;
import cn.p2psupervision.platform.idempotency.IdempotencyKeys;
import cn.p2psupervision.platform.idempotency.RequestIdentity;
import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.registryfeed.InstitutionDirectory;
import cn.p2psupervision.platform.security.Actor;
import cn.p2psupervision.platform.security.Caller;

/**
 * AUTH-05, the agencies' door of a context: an agency's client reads the requests addressed to it — and nothing
 * else: another agency's request is not found (404) — acknowledges them and answers them, each act once per
 * {@code Idempotency-Key}. A caller that is not an agency's client is refused (403). Regulators follow an
 * institution's requests within their scope (AUTH-02), and see the overdue ones: central all, a province those of
 * the institutions registered or doing business there. Every act of an agency is in the audit trail.
 */
public class AgencyRequestService {

    static final String ENTITY = "agency-request";

    private final AgencyRequestStore requests;
    private final InstitutionDirectory institutions;
    private final IdempotencyKeys idempotencyKeys;
    private final AuditTrail audit;
    private final Clock clock;

    public AgencyRequestService(AgencyRequestStore requests, InstitutionDirectory institutions,
                                IdempotencyKeys idempotencyKeys, AuditTrail audit, Clock clock) {
        this.requests = requests;
        this.institutions = institutions;
        this.idempotencyKeys = idempotencyKeys;
        this.audit = audit;
        this.clock = clock;
    }

    /** The requests addressed to the calling agency, newest first; {@code state} and {@code kind} filter (null: all). */
    public List<AgencyRequest.View> addressedTo(Caller agency, AgencyRequest.State state, AgencyRequestKind kind) {
        LocalDate today = today();
        return requests.addressedTo(recipient(agency), state, kind).stream()
                .map(r -> AgencyRequest.View.of(r, today)).toList();
    }

    /** One request addressed to the calling agency; 404 for any other. */
    public AgencyRequest.View read(Caller agency, String requestId) {
        return view(addressed(agency, requestId));
    }

    /** The agency's receipt (接收), with its own receipt number if it gives one; once, whatever the retries. */
    public AgencyRequest.View acknowledge(Caller agency, String requestId, String receiptNumber,
                                          RequestIdentity request) {
        AgencyRequest before = addressed(agency, requestId);
        AgencyRequest after = before.acknowledge(receiptNumber, Actor.of(agency), clock.instant());
        idempotencyKeys.claim(request);
        requests.replace(before, after);
        if (after != before) {
            audit.record(agency, "ACKNOWLEDGE_AGENCY_REQUEST", ENTITY, requestId, null, after.acknowledged(), null);
        }
        return view(after);
    }

    /**
     * The agency's answer (反馈: its outcome or feedback), appended once per {@code Idempotency-Key} (without one,
     * per body); the same key with another body is refused (422).
     */
    public AgencyRequest.View answer(Caller agency, String requestId, String text, String reference,
                                     RequestIdentity request) {
        AgencyRequest before = addressed(agency, requestId);
        AgencyRequest after = before.answer(request.changeKeyFor(requestId), text, reference, Actor.of(agency),
                clock.instant());
        idempotencyKeys.claim(request);
        requests.replace(before, after);
        if (after != before) {
            audit.record(agency, "ANSWER_AGENCY_REQUEST", ENTITY, requestId, null,
                    after.answers().get(after.answers().size() - 1), null);
        }
        return view(after);
    }

    /** The requests about an institution, oldest first, for the regulators who may read its records (404 otherwise). */
    public List<AgencyRequest.View> ofInstitution(Caller regulator, String institutionId) {
        institutions.readableBy(regulator, institutionId);
        LocalDate today = today();
        return requests.ofInstitution(institutionId).stream().map(r -> AgencyRequest.View.of(r, today)).toList();
    }

    /**
     * The requests not answered after their due date, the longest due first: central sees all, a province those
     * about the institutions it may read (registered or doing business there), anyone else none.
     */
    public List<AgencyRequest.View> overdue(Caller regulator) {
        LocalDate today = today();
        return requests.overdue(institutions.readable(regulator), today).stream()
                .map(r -> AgencyRequest.View.of(r, today)).toList();
    }

    /** A request as stored, for the code of the context that made it (no caller: its own rules decide). */
    public Optional<AgencyRequest> find(String requestId) {
        return requests.find(requestId);
    }

    private AgencyRequest addressed(Caller agency, String requestId) {
        Agency recipient = recipient(agency);
        return requests.find(requestId).filter(r -> r.agency() == recipient)
                .orElseThrow(() -> ProblemException.notFound("Agency request", requestId));
    }

    /** The calling agency; a caller that is not a partner agency's client is refused (403). */
    private static Agency recipient(Caller caller) {
        return Agency.of(caller).orElseThrow(() -> ProblemException.forbidden("Agency requests are read and"
                + " answered by the partner agencies' clients only: public security, telecom, the central bank and"
                + " market regulation (AUTH-05)"));
    }

    private AgencyRequest.View view(AgencyRequest request) {
        return AgencyRequest.View.of(request, today());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
