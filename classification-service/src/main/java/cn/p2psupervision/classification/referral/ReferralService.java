package cn.p2psupervision.classification.referral;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;

import cn.p2psupervision.platform.audit.AuditTrail;
import cn.p2psupervision.platform.idempotency.IdempotencyKeys;
import cn.p2psupervision.platform.idempotency.RequestIdentity;
import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.registryfeed.InstitutionDirectory;
import cn.p2psupervision.platform.security.Actor;
import cn.p2psupervision.platform.security.Caller;

/**
 * AUTH-05: public security reads the referrals addressed to it — and nothing else — acknowledges them and posts
 * feedback, each act once per {@code Idempotency-Key}. Other agencies get 403; regulators follow an institution's
 * referrals within their scope (AUTH-02).
 */
@Service
public class ReferralService {

    static final String ENTITY = "referral";

    private final ReferralStore referrals;
    private final InstitutionDirectory institutions;
    private final IdempotencyKeys idempotencyKeys;
    private final AuditTrail audit;
    private final Clock clock;

    ReferralService(ReferralStore referrals, InstitutionDirectory institutions, IdempotencyKeys idempotencyKeys,
                    AuditTrail audit, Clock clock) {
        this.referrals = referrals;
        this.institutions = institutions;
        this.idempotencyKeys = idempotencyKeys;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Referral> addressedTo(Caller agency, Referral.State state) {
        return referrals.addressedTo(recipient(agency), state);
    }

    public Referral read(Caller agency, String referralId) {
        return addressed(agency, referralId);
    }

    public Referral acknowledge(Caller agency, String referralId, String receiptNumber, RequestIdentity request) {
        Referral referral = addressed(agency, referralId);
        idempotencyKeys.claim(request);
        Referral after = referral.acknowledge(receiptNumber, Actor.of(agency), clock.instant());
        referrals.replace(referral, after);
        if (after != referral) {
            audit.record(agency, "ACKNOWLEDGE_REFERRAL", ENTITY, referralId, null, after.acknowledged(), null);
        }
        return after;
    }

    public Referral feedback(Caller agency, String referralId, String text, String caseNumber,
                             RequestIdentity request) {
        Referral referral = addressed(agency, referralId);
        idempotencyKeys.claim(request);
        Referral after = referral.withFeedback(request.changeKeyFor(referralId), text, caseNumber, Actor.of(agency),
                clock.instant());
        referrals.replace(referral, after);
        if (after != referral) {
            audit.record(agency, "REFERRAL_FEEDBACK", ENTITY, referralId, null,
                    after.feedback().get(after.feedback().size() - 1), null);
        }
        return after;
    }

    /** The referrals of an institution, for the regulators who may read its records. */
    public List<Referral> ofInstitution(Caller regulator, String institutionId) {
        institutions.readableBy(regulator, institutionId);
        return referrals.ofInstitution(institutionId);
    }

    private Referral addressed(Caller agency, String referralId) {
        String recipient = recipient(agency);
        return referrals.find(referralId).filter(r -> r.agency().equals(recipient))
                .orElseThrow(() -> ProblemException.notFound("Referral", referralId));
    }

    /** Only public security receives referrals from this context; another agency's client is refused (403). */
    private static String recipient(Caller agency) {
        if (!Referral.PUBLIC_SECURITY.equals(agency.agency())) {
            throw ProblemException.forbidden("Referrals of the classification context go to public security only"
                    + " (AUTH-05)");
        }
        return Referral.PUBLIC_SECURITY;
    }
}
