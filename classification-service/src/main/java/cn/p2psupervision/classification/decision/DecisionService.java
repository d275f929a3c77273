package cn.p2psupervision.classification.decision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.p2psupervision.classification.decision.DecisionStore.StoredDecision;
import cn.p2psupervision.classification.proposal.Category;
import cn.p2psupervision.classification.proposal.Proposal;
import cn.p2psupervision.classification.proposal.ProposalService;
import cn.p2psupervision.classification.proposal.Reason;
import cn.p2psupervision.platform.agency.AgencyRequest;
import cn.p2psupervision.platform.agency.AgencyRequestDelivery;
import cn.p2psupervision.platform.agency.AgencyRequestKind;
import cn.p2psupervision.platform.audit.AuditTrail;
import cn.p2psupervision.platform.outbox.OutboxEntry;
import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.registryfeed.InstitutionDirectory;
import cn.p2psupervision.platform.registryfeed.InstitutionReference;
import cn.p2psupervision.platform.registryfeed.RegistryStatusDelivery;
import cn.p2psupervision.platform.security.Actor;
import cn.p2psupervision.platform.security.Caller;

/**
 * CLS-07 with AUTH-02..04: an officer of the registration province records the decision against the platform's
 * proposal, a head of that province approves it, central reopens it. Approving a banning decision stores, in the same
 * write, the registry status {@code BANNED} (REG-08) and the referral to public security (移送公安, AUTH-05, an
 * {@link AgencyRequest} of kind {@link AgencyRequestKind#REFERRAL}) as outbox entries;
 * approving another category after an approved banning gives the institution back its {@code OPERATING} status.
 */
@Service
public class DecisionService {

    static final String ENTITY = "decision";
    /** The context named as the origin of its agency requests. */
    static final String ORIGIN = "classification";

    private final DecisionStore decisions;
    private final InstitutionDirectory institutions;
    private final ProposalService proposals;
    private final AuditTrail audit;
    private final Clock clock;

    DecisionService(DecisionStore decisions, InstitutionDirectory institutions, ProposalService proposals,
                    AuditTrail audit, Clock clock) {
        this.decisions = decisions;
        this.institutions = institutions;
        this.proposals = proposals;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records the category: the first decision needs no {@code If-Match} ({@code basedOn} null); every later one
     * names the version it is based on (428 without, 412 when stale).
     */
    public StoredDecision record(Caller caller, String institutionId, Category category, String reason,
                                 Long basedOn) {
        InstitutionReference institution = institutions.writableBy(caller, institutionId);
        Optional<StoredDecision> existing = decisions.find(institutionId);
        if (existing.isPresent() && basedOn == null) {
            throw ProblemException.versionRequired();
        }
        existing.ifPresent(stored -> checkVersion(stored, basedOn));
        Proposal proposal = proposals.proposeFor(institution);
        Instant now = clock.instant();
        Actor officer = Actor.of(caller);
        if (existing.isEmpty()) {
            Decision first = Decision.first(institutionId, proposal, category, reason, officer, now);
            StoredDecision stored = decisions.insert(first, institution.registeredProvince(), List.of(), now);
            audit.record(caller, "RECORD_DECISION", ENTITY, institutionId, null, summary(first), first.reason());
            return stored;
        }
        StoredDecision stored = existing.get();
        Decision next = stored.current().record(proposal, category, reason, officer, now);
        StoredDecision updated = decisions.replace(stored, next, List.of(), now);
        audit.record(caller, "RECORD_DECISION", ENTITY, institutionId, summary(stored.current()), summary(next),
                next.reason());
        return updated;
    }

    /** AUTH-04: a head of the registration province, not the recorder, approves the recorded decision. */
    public StoredDecision approve(Caller caller, String institutionId, long basedOn) {
        InstitutionReference institution = institutions.writableBy(caller, institutionId);
        if (!caller.isProvincialHead()) {
            throw ProblemException.forbidden("Approving a classification needs a head (负责同志) of the province"
                    + " (AUTH-04)");
        }
        StoredDecision stored = current(institutionId, basedOn);
        Instant now = clock.instant();
        Decision approved = stored.current().approve(Actor.of(caller), now);
        List<OutboxEntry> consequences = consequences(stored, approved, institution, now);
        StoredDecision updated = decisions.replace(stored, approved, consequences, now);
        audit.record(caller, "APPROVE_DECISION", ENTITY, institutionId, summary(stored.current()), summary(approved),
                null);
        return updated;
    }

    /** AUTH-03: central reopens an approved decision with a written reason. */
    public StoredDecision reopen(Caller caller, String institutionId, long basedOn, String reason) {
        institutions.readableBy(caller, institutionId);
        if (!caller.isCentral()) {
            throw ProblemException.forbidden("Only the central office reopens a provincial decision (AUTH-03)");
        }
        StoredDecision stored = current(institutionId, basedOn);
        Decision reopened = stored.current().reopen(reason, Actor.of(caller), clock.instant());
        StoredDecision updated = decisions.replace(stored, reopened, List.of(), clock.instant());
        audit.record(caller, "REOPEN_DECISION", ENTITY, institutionId, summary(stored.current()), summary(reopened),
                reopened.reopenReason());
        return updated;
    }

    public StoredDecision read(Caller caller, String institutionId) {
        institutions.readableBy(caller, institutionId);
        return decisions.find(institutionId).orElseThrow(() -> ProblemException.notFound("Decision on",
                institutionId));
    }

    public DecisionStore.Page list(Caller caller, Category category, DecisionState state, int page, int size) {
        return decisions.list(institutions.readable(caller), category, state, page, size);
    }

    /**
     * REG-08 and AUTH-05: the changes other contexts make because of an approval. Banning: the registry status
     * {@code BANNED} and the referral to public security ({@link #referralId}, no due date: an investigation takes
     * the time it takes). Another category after an approved banning of an earlier round: the status
     * {@code OPERATING} again. Each entry names the decision round, so the registry records each change, and the
     * referral is made, once however often it is delivered.
     */
    private List<OutboxEntry> consequences(StoredDecision stored, Decision approved, InstitutionReference institution,
                                           Instant now) {
        List<OutboxEntry> entries = new ArrayList<>();
        String reference = "classification/" + approved.institutionId() + "/round-" + approved.round();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        if (approved.category() == Category.BANNING) {
            entries.add(OutboxEntry.pending(reference + "/status", RegistryStatusDelivery.KIND,
                    RegistryStatusDelivery.payload(approved.institutionId(), "BANNED", "CLASSIFICATION", reference,
                            today, "取缔类：分类处置决定已批准"), now));
            entries.add(OutboxEntry.pending(reference + "/referral", AgencyRequestDelivery.KIND,
                    AgencyRequestDelivery.payload(new AgencyRequest.Draft(referralId(approved.institutionId(),
                            approved.round()), AgencyRequestKind.REFERRAL, approved.institutionId(), institution.name(),
                            institution.creditCode(), institution.registeredProvince(),
                            institution.businessProvinces(), ORIGIN, reference,
                            AgencyRequest.fitReasons(reasonsOf(approved)), now, null)),
                    now));
        } else if (wasBanned(stored)) {
            entries.add(OutboxEntry.pending(reference + "/status", RegistryStatusDelivery.KIND,
                    RegistryStatusDelivery.payload(approved.institutionId(), "OPERATING", "CLASSIFICATION", reference,
                            today, approved.category().chinese() + "：重新分类处置决定已批准"), now));
        }
        return entries;
    }

    /**
     * The id of the referral to public security of an approved banning decision: {@code R-<institution>-<round>}, one
     * per decision round.
     */
    public static String referralId(String institutionId, int round) {
        return "R-" + institutionId + "-" + round;
    }

    /** Whether the last approved decision before this one was banning. */
    private static boolean wasBanned(StoredDecision stored) {
        List<Decision> versions = stored.versions();
        for (int i = versions.size() - 1; i >= 0; i--) {
            if (versions.get(i).approved()) {
                return versions.get(i).category() == Category.BANNING;
            }
        }
        return false;
    }

    private static List<String> reasonsOf(Decision decision) {
        List<String> reasons = new ArrayList<>(decision.proposal().reasons().stream().map(Reason::text).toList());
        if (decision.reason() != null) {
            reasons.add("处置意见：" + decision.reason());
        }
        return reasons;
    }

    private StoredDecision current(String institutionId, long basedOn) {
        StoredDecision stored = decisions.find(institutionId).orElseThrow(() -> ProblemException.notFound(
                "Decision on", institutionId));
        checkVersion(stored, basedOn);
        return stored;
    }

    private static void checkVersion(StoredDecision stored, Long basedOn) {
        if (stored.version() != basedOn) {
            throw ProblemException.staleVersion(stored.version());
        }
    }

    /** What the audit trail keeps of a version: not the whole proposal, which the decision's history holds. */
    private static Object summary(Decision decision) {
        return java.util.Map.of("version", decision.version(), "round", decision.round(), "state",
                decision.state().name(), "category", decision.category().name(), "proposed",
                decision.proposal().category().name());
    }
}
