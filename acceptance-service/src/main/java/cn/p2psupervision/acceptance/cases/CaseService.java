package cn.p2psupervision.acceptance.cases;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.p2psupervision.acceptance.classificationfacts.AcceptanceFacts;
import cn.p2psupervision.acceptance.classificationfacts.ClassificationFacts;
import cn.p2psupervision.acceptance.custodybank.CustodyBankWhitelist;
import cn.p2psupervision.platform.agency.AgencyRequest;
import cn.p2psupervision.platform.agency.AgencyRequestDelivery;
import cn.p2psupervision.platform.agency.AgencyRequestKind;
import cn.p2psupervision.platform.audit.AuditTrail;
import cn.p2psupervision.platform.outbox.OutboxEntry;
import cn.p2psupervision.platform.problem.InvalidInputException;
import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.problem.ProblemType;
import cn.p2psupervision.platform.registryfeed.InstitutionDirectory;
import cn.p2psupervision.platform.registryfeed.InstitutionReference;
import cn.p2psupervision.platform.registryfeed.RegistryStatusDelivery;
import cn.p2psupervision.platform.security.Actor;
import cn.p2psupervision.platform.security.Caller;

/**
 * Acceptance cases (整改验收) with AUTH-02..04: the officers of the registration province open a case, set up the
 * joint team, record and confirm the checks, conclude and file; the provinces where the institution does business read
 * it and answer their opinion; central reads every case, waives opinions and sees the overdue ones; two heads of the
 * registration province sign the certificate. Each write is one compare-and-set on the case's version (If-Match) with
 * its consequences in the outbox (REG-08 statuses BANNED and FILED, the agencies' requests), and is in the audit
 * trail. Classification's facts are read from classification-service when a rule needs them (ACC-01, ACC-02); when it
 * cannot answer, nothing is written and the caller gets a 503 naming it.
 *
 * <p>For the complaint and public features: {@link #complaintOpened}, {@link #complaintResolved},
 * {@link #revokeNotice}, {@link #find}, {@link #underNotice}, {@link #filed} and {@link #publicGeneration}.
 */
@Service
public class CaseService {

    static final String ENTITY = "acceptance-case";
    /** The context named as the origin of its agency requests. */
    static final String ORIGIN = "acceptance";
    /** Days public security has to answer a referral (AUTH-05). */
    static final int REFERRAL_DAYS = 30;
    /** Days an agency has to answer a shutdown request (ACC-14). */
    static final int SHUTDOWN_DAYS = 15;
    /** ACC-14: the shutdown of a failed institution that still operates, one request per measure. */
    static final List<AgencyRequestKind> SHUTDOWN = List.of(AgencyRequestKind.CANCEL_LICENCE,
            AgencyRequestKind.BLOCK_WEBSITE, AgencyRequestKind.STOP_BANK_SERVICES,
            AgencyRequestKind.BUSINESS_REGISTRATION);
    private static final Map<Outcome, String> OUTCOMES = Map.of(Outcome.PASSED, "验收合格", Outcome.GUIDED_EXIT,
            "引导退出", Outcome.MERGER, "兼并重组", Outcome.BANNING, "取缔", Outcome.MUST_RESUME, "恢复正常经营后方可备案");
    /** How often a write without If-Match (a complaint lodged by the public) is tried against concurrent changes. */
    private static final int ATTEMPTS = 5;
    private static final char[] CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();

    private final CaseStore cases;
    private final InstitutionDirectory institutions;
    private final ClassificationFacts classification;
    private final CustodyBankWhitelist whitelist;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    CaseService(CaseStore cases, InstitutionDirectory institutions, ClassificationFacts classification,
                CustodyBankWhitelist whitelist, AuditTrail audit, Clock clock) {
        this.cases = cases;
        this.institutions = institutions;
        this.classification = classification;
        this.whitelist = whitelist;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- reading --------------------------------------------------------------------------------------------------

    /** AUTH-02: the case, for a caller who may read the institution's records; 404 otherwise. */
    public AcceptanceCase read(Caller caller, String institutionId) {
        institutions.readableBy(caller, institutionId);
        return stored(institutionId);
    }

    /** AUTH-02/03: the cases the caller may read, newest change first; {@code state} filters. */
    public CaseStore.Page list(Caller caller, CaseState state, int page, int size) {
        return cases.list(institutions.readable(caller), state, page, size);
    }

    /** ACC-13: the overdue cases the caller may read (central: all). */
    public List<AcceptanceCase> overdue(Caller caller) {
        return cases.overdue(institutions.readable(caller), today());
    }

    /** ACC-02: the gates as a conclusion or filing would evaluate them now (reads classification). */
    public AcceptanceGates.Report gates(Caller caller, String institutionId) {
        InstitutionReference institution = institutions.readableBy(caller, institutionId);
        AcceptanceCase current = stored(institutionId);
        return fullGates(institution, current);
    }

    /** Today in the campaign's zone, from the injected clock. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), AcceptanceCase.CHINA);
    }

    // ---- ACC-01: opening ------------------------------------------------------------------------------------------

    /**
     * ACC-01/02: opens the institution's case: an officer of its registration province (404 outside scope, 403 for
     * central and business places), once per institution (409), for an institution whose classification lets it in
     * (422 ACC-01) and that passes the gates decidable now (422 ACC-02a..e).
     */
    public AcceptanceCase open(Caller caller, String institutionId, Complexity complexity, Boolean largeOrInfluential,
                               List<SplitEntity> splitEntities) {
        if (institutionId == null || institutionId.isBlank()) {
            throw new InvalidInputException("institutionId", "is required", "ACC-01");
        }
        InstitutionReference institution = institutions.writableBy(caller, institutionId);
        if (cases.find(institution.id()).isPresent()) {
            throw CaseStore.duplicate(institution.id());
        }
        Instant now = clock.instant();
        AcceptanceCase first = AcceptanceCase.open(institution, complexity, largeOrInfluential, splitEntities,
                Actor.of(caller), now);
        AcceptanceFacts facts = classification.of(institution.id());
        AcceptanceCase.requireClassification(institution.id(), facts);
        AcceptanceGates.evaluate(AcceptanceGates.Stage.OPENING, institution, facts, List.of(), whitelist.current())
                .require("Opening an acceptance case");
        AcceptanceCase stored = cases.insert(first);
        audit.record(caller, "OPEN_CASE", ENTITY, institutionId, null, summary(stored), null);
        return stored;
    }

    // ---- ACC-03..06: the joint team and its checks ----------------------------------------------------------------

    /** ACC-06: the split-off entities accepted together with the institution, as a whole list. */
    public AcceptanceCase replaceSplitEntities(Caller caller, String institutionId, long basedOn,
                                              List<SplitEntity> entities) {
        return write(caller, institutionId, basedOn, "SET_SPLIT_ENTITIES",
                current -> current.replaceSplitEntities(entities, Actor.of(caller), clock.instant()));
    }

    /** ACC-03: a member joins the joint acceptance team. */
    public AcceptanceCase addMember(Caller caller, String institutionId, long basedOn, String name, TeamAgency agency,
                                    String organisation) {
        return write(caller, institutionId, basedOn, "ADD_TEAM_MEMBER",
                current -> current.addMember(name, agency, organisation, Actor.of(caller), clock.instant()));
    }

    /** ACC-03: a member leaves the joint acceptance team. */
    public AcceptanceCase removeMember(Caller caller, String institutionId, long basedOn, String memberId) {
        return write(caller, institutionId, basedOn, "REMOVE_TEAM_MEMBER",
                current -> current.removeMember(memberId, Actor.of(caller), clock.instant()));
    }

    /** ACC-04/05: a member records a check with its result and evidence. */
    public AcceptanceCase recordCheck(Caller caller, String institutionId, long basedOn, CheckCode code,
                                      CheckRecording recording) {
        return write(caller, institutionId, basedOn, "RECORD_CHECK",
                current -> current.recordCheck(code, recording, Actor.of(caller), clock.instant()));
    }

    /** ACC-03: a member of another agency confirms a check. */
    public AcceptanceCase confirmCheck(Caller caller, String institutionId, long basedOn, CheckCode code,
                                       String confirmedBy) {
        return write(caller, institutionId, basedOn, "CONFIRM_CHECK",
                current -> current.confirmCheck(code, confirmedBy, Actor.of(caller), clock.instant()));
    }

    // ---- ACC-16: opinions -----------------------------------------------------------------------------------------

    /**
     * ACC-16: an officer or head of the business-place province {@code province} answers its opinion; nobody else
     * (403), and nobody outside the institution's readers (404).
     */
    public AcceptanceCase answerOpinion(Caller caller, String institutionId, long basedOn, String province,
                                        Boolean agrees, String text) {
        institutions.readableBy(caller, institutionId);
        if (!caller.isProvincial() || !caller.province().equals(province)) {
            throw ProblemException.forbidden("The opinion of province " + province + " is answered by its own"
                    + " officers (ACC-16)");
        }
        return change(caller, institutionId, basedOn, "ANSWER_OPINION",
                current -> current.answerOpinion(province, agrees, text, Actor.of(caller), clock.instant()));
    }

    /** ACC-16: the central office waives an opinion not answered, with a reason. */
    public AcceptanceCase waiveOpinion(Caller caller, String institutionId, long basedOn, String province,
                                       String reason) {
        institutions.readableBy(caller, institutionId);
        if (!caller.isCentral()) {
            throw ProblemException.forbidden("Only the central office waives a province's opinion (ACC-16, AUTH-03)");
        }
        return change(caller, institutionId, basedOn, "WAIVE_OPINION",
                current -> current.waiveOpinion(province, reason, Actor.of(caller), clock.instant()));
    }

    // ---- ACC-07: conclusion ---------------------------------------------------------------------------------------

    /**
     * ACC-07: the conclusion. Every conclusion waits for the opinions (ACC-16); a passed one reads classification and
     * passes every gate (ACC-02) and check (ACC-04/05) and starts the notice; a banning one sets the registry status
     * BANNED (REG-08) in the same write.
     */
    public AcceptanceCase conclude(Caller caller, String institutionId, long basedOn, ConclusionRequest request) {
        InstitutionReference institution = institutions.writableBy(caller, institutionId);
        AcceptanceCase current = current(institutionId, basedOn);
        current.requireConcludable(request);
        AcceptanceGates.Report gates = request.outcome() == Outcome.PASSED ? eligibleGates(institution, current)
                : null;
        Instant now = clock.instant();
        AcceptanceCase next = current.conclude(request, gates, Actor.of(caller), now);
        return store(caller, current, next, conclusionConsequences(next, institution, now), "CONCLUDE",
                next.conclusion().reason());
    }

    /** ACC-07 (4): the institution resumed normal operation; the case is open again. */
    public AcceptanceCase resume(Caller caller, String institutionId, long basedOn, String note) {
        return write(caller, institutionId, basedOn, "RESUME",
                current -> current.resume(note, Actor.of(caller), clock.instant()));
    }

    // ---- ACC-11/12: certificate and filing ------------------------------------------------------------------------

    /**
     * ACC-11: a head (负责同志) of the registration province's financial office or banking regulator's bureau signs
     * the certificate; an officer, or a head of another agency, is refused (403, AUTH-04).
     */
    public AcceptanceCase sign(Caller caller, String institutionId, long basedOn) {
        institutions.writableBy(caller, institutionId);
        if (!caller.isProvincialHead() || caller.agency() == null
                || !Certificate.SIGNING_AGENCIES.contains(caller.agency())) {
            throw ProblemException.forbidden("The certificate is co-signed by the heads (负责同志) of the province's"
                    + " financial office and banking regulator's bureau (AUTH-04, ACC-11)");
        }
        AcceptanceCase current = current(institutionId, basedOn);
        Instant now = clock.instant();
        AcceptanceCase next = current.sign(caller.agency(), Actor.of(caller), now, verificationCode());
        return store(caller, current, next, List.of(), "SIGN_CERTIFICATE", null);
    }

    /**
     * ACC-12: filing registration (备案登记) by an officer of the registration province: certified, the notice served,
     * no complaint open, the gates passed again; the registry status FILED (REG-08) in the same write.
     */
    public AcceptanceCase file(Caller caller, String institutionId, long basedOn) {
        InstitutionReference institution = institutions.writableBy(caller, institutionId);
        AcceptanceCase current = current(institutionId, basedOn);
        Instant now = clock.instant();
        current.requireFileable(now);
        AcceptanceGates.Report gates = eligibleGates(institution, current);
        AcceptanceCase next = current.file(gates, Actor.of(caller), now);
        String reference = "acceptance/" + institutionId + "/filing";
        OutboxEntry status = OutboxEntry.pending(reference + "/status", RegistryStatusDelivery.KIND,
                RegistryStatusDelivery.payload(institutionId, "FILED", "ACCEPTANCE", reference, next.filedOn(),
                        "整改验收合格，已备案登记"), now);
        return store(caller, current, next, List.of(status), "FILE", null);
    }

    // ---- ACC-09: complaints (for the complaint feature) -----------------------------------------------------------

    /**
     * ACC-09: a complaint from the public ({@code receiptNumber}) was lodged against the case's notice: the count of
     * open complaints goes up, which stops signatures and filing until it is resolved. No caller (the public lodges it)
     * and no If-Match: tried again against concurrent changes. 404 for an unknown case, 422 ACC-09 when the case is
     * not under notice.
     */
    public AcceptanceCase complaintOpened(String institutionId, String receiptNumber) {
        for (int attempt = 1; ; attempt++) {
            AcceptanceCase current = stored(institutionId);
            AcceptanceCase next = current.complaintOpened(receiptNumber, clock.instant());
            try {
                return cases.replace(current, next, List.of());
            } catch (ProblemException changedMeanwhile) {
                if (changedMeanwhile.problemType() != ProblemType.PRECONDITION_FAILED) {
                    throw changedMeanwhile;
                }
                if (attempt >= ATTEMPTS) {
                    throw ProblemException.conflict("Case " + institutionId + " kept changing; lodge the complaint"
                            + " again");
                }
            }
        }
    }

    /**
     * ACC-09: the registration province's office resolved a complaint (If-Match of the case); one found true revokes
     * the notice in the same write and sends the case back to acceptance.
     */
    public AcceptanceCase complaintResolved(Caller caller, String institutionId, long basedOn, String receiptNumber,
                                            boolean foundTrue) {
        return write(caller, institutionId, basedOn, "RESOLVE_COMPLAINT",
                current -> current.complaintResolved(receiptNumber, foundTrue, Actor.of(caller), clock.instant()));
    }

    /**
     * ACC-09: revokes the current notice because of the complaint {@code complaintReceipt} found true (ON_NOTICE or
     * CERTIFIED → OPEN; the conclusion and any signatures lapse). {@link #complaintResolved} with
     * {@code foundTrue} does this already, in the same write as the resolution.
     */
    public AcceptanceCase revokeNotice(Caller caller, String institutionId, long basedOn, String complaintReceipt) {
        return write(caller, institutionId, basedOn, "REVOKE_NOTICE",
                current -> current.revokeNotice(complaintReceipt, Actor.of(caller), clock.instant()));
    }

    /** The case as stored, for code of this context that has decided who may see what (the public lists). */
    public Optional<AcceptanceCase> find(String institutionId) {
        return cases.find(institutionId);
    }

    /** AUTH-06/ACC-08: the cases under public notice (ON_NOTICE or CERTIFIED), without history and outbox. */
    public List<AcceptanceCase> underNotice() {
        return cases.inStates(List.of(CaseState.ON_NOTICE, CaseState.CERTIFIED));
    }

    /** AUTH-06/ACC-12: the filed cases, without history and outbox. */
    public List<AcceptanceCase> filed() {
        return cases.inStates(List.of(CaseState.FILED));
    }

    /** AUTH-06: moves on after every change of a case's state (a notice, a certificate, a filing); 0 before any. */
    public long publicGeneration() {
        return cases.publicGeneration();
    }

    // -----------------------------------------------------------------------------------------------------------

    /** A write by an officer of the registration province (404 outside scope, 403 for readers only). */
    private AcceptanceCase write(Caller caller, String institutionId, long basedOn, String action, Act act) {
        institutions.writableBy(caller, institutionId);
        return change(caller, institutionId, basedOn, action, act);
    }

    private AcceptanceCase change(Caller caller, String institutionId, long basedOn, String action, Act act) {
        AcceptanceCase current = current(institutionId, basedOn);
        AcceptanceCase next = act.apply(current);
        return store(caller, current, next, List.of(), action, null);
    }

    private AcceptanceCase store(Caller caller, AcceptanceCase current, AcceptanceCase next, List<OutboxEntry> outbox,
                                 String action, String reason) {
        AcceptanceCase stored = cases.replace(current, next, outbox);
        if (current.state() != next.state()) {
            cases.bumpPublicGeneration();
        }
        audit.record(caller, action, ENTITY, next.institutionId(), summary(current), summary(next), reason);
        return stored;
    }

    /**
     * ACC-07/ACC-14 with REG-08 and AUTH-05: what other contexts must do because of a conclusion, in the same write.
     * Banning: the registry status {@code BANNED} and the referral to public security (移送公安, answered within
     * {@value #REFERRAL_DAYS} days). A failed outcome of an institution still operating: the shutdown requests (ACC-14)
     * — telecom cancels the licence and blocks the website, the central bank stops the banks' services, market
     * regulation acts on the business registration — each answered within {@value #SHUTDOWN_DAYS} days. Each entry and
     * request is named by the case's version, so it is made once however often it is delivered.
     */
    private List<OutboxEntry> conclusionConsequences(AcceptanceCase next, InstitutionReference institution,
                                                     Instant now) {
        List<OutboxEntry> entries = new ArrayList<>();
        Conclusion conclusion = next.conclusion();
        String reference = "acceptance/" + next.institutionId() + "/conclusion-v" + next.version();
        LocalDate today = LocalDate.ofInstant(now, AcceptanceCase.CHINA);
        List<String> reasons = new ArrayList<>();
        reasons.add("整改验收结论：" + OUTCOMES.get(conclusion.outcome()) + (conclusion.ground() == null ? ""
                : "（" + conclusion.ground().chinese() + "）"));
        reasons.add("验收意见：" + conclusion.reason());
        if (conclusion.outcome() == Outcome.BANNING) {
            entries.add(OutboxEntry.pending(reference + "/status", RegistryStatusDelivery.KIND,
                    RegistryStatusDelivery.payload(next.institutionId(), "BANNED", "ACCEPTANCE", reference, today,
                            reasons.get(0)), now));
            entries.add(agencyRequest(next, institution, AgencyRequestKind.REFERRAL, reference, reasons, now,
                    today.plusDays(REFERRAL_DAYS)));
        }
        if (conclusion.stillOperating()) {
            List<String> shutdown = new ArrayList<>(reasons);
            shutdown.add("该机构验收未通过且仍在经营，请依法予以处置（ACC-14）");
            for (AgencyRequestKind kind : SHUTDOWN) {
                entries.add(agencyRequest(next, institution, kind, reference, shutdown, now,
                        today.plusDays(SHUTDOWN_DAYS)));
            }
        }
        return entries;
    }

    /** AUTH-05: an agency request of the case, {@code ACC-<kind>-<institution>-v<version>}, as an outbox entry. */
    private static OutboxEntry agencyRequest(AcceptanceCase next, InstitutionReference institution,
                                             AgencyRequestKind kind, String reference, List<String> reasons,
                                             Instant now, LocalDate dueOn) {
        String id = "ACC-" + kind.name() + "-" + next.institutionId() + "-v" + next.version();
        AgencyRequest.Draft draft = new AgencyRequest.Draft(id, kind, next.institutionId(), next.institutionName(),
                next.creditCode(), next.registeredProvince(), institution.businessProvinces(), ORIGIN, reference,
                AgencyRequest.fitReasons(reasons), now, dueOn);
        return OutboxEntry.pending(reference + "/" + kind.name().toLowerCase(Locale.ROOT),
                AgencyRequestDelivery.KIND, AgencyRequestDelivery.payload(draft), now);
    }

    /**
     * ACC-01/02 read again at a passed conclusion and at filing: the classification may have been reopened (AUTH-03)
     * since the case opened, and the institution stays in acceptance only while it holds (422 ACC-01).
     */
    private AcceptanceGates.Report eligibleGates(InstitutionReference institution, AcceptanceCase current) {
        AcceptanceFacts facts = classification.of(institution.id());
        AcceptanceCase.requireClassification(institution.id(), facts);
        return gatesOf(institution, current, facts);
    }

    private AcceptanceGates.Report fullGates(InstitutionReference institution, AcceptanceCase current) {
        return gatesOf(institution, current, classification.of(institution.id()));
    }

    private AcceptanceGates.Report gatesOf(InstitutionReference institution, AcceptanceCase current,
                                           AcceptanceFacts facts) {
        return AcceptanceGates.evaluate(AcceptanceGates.Stage.FULL, institution, facts, current.checks(),
                whitelist.current());
    }

    private AcceptanceCase current(String institutionId, long basedOn) {
        AcceptanceCase stored = stored(institutionId);
        if (stored.version() != basedOn) {
            throw ProblemException.staleVersion(stored.version());
        }
        return stored;
    }

    private AcceptanceCase stored(String institutionId) {
        return cases.find(institutionId).orElseThrow(() -> ProblemException.notFound("Acceptance case of institution",
                institutionId));
    }

    /** ACC-11: the certificate's verification code (验证码), 16 characters in four groups, e.g. {@code 7K3Q-9XAB-…}. */
    private String verificationCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)]);
        }
        return code.toString();
    }

    /** What the audit trail keeps of a version: not the whole case, whose history holds it. */
    private static Map<String, Object> summary(AcceptanceCase value) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("version", value.version());
        summary.put("state", value.state().name());
        summary.put("last", value.history().isEmpty() ? null
                : value.history().get(value.history().size() - 1).detail());
        return summary;
    }

    @FunctionalInterface
    private interface Act {
        AcceptanceCase apply(AcceptanceCase current);
    }
}
