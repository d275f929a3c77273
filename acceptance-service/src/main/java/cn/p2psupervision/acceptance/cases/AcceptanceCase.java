package cn.p2psupervision.acceptance.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.data.annotation.Id;

import cn.p2psupervision.acceptance.classificationfacts.AcceptanceFacts;
import cn.p2psupervision.platform.input.InputPolicy;
import cn.p2psupervision.platform.outbox.OutboxEntry;
import cn.p2psupervision.platform.problem.InvalidInputException;
import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.problem.ProblemType;
import cn.p2psupervision.platform.problem.RuleViolationException;
import cn.p2psupervision.platform.registryfeed.InstitutionReference;
import cn.p2psupervision.platform.security.Actor;

/**
 * An acceptance case (整改验收案件): one per institution, "accept one, file one" (验收合格一家、备案一家, ACC-01). The
 * registration province's office opens it with a snapshot of the institution, sets up the joint team (联合整改验收小组)
 * whose members record and cross-verify the checks (ACC-03..06), asks the business-place provinces for their opinions
 * (ACC-16) and concludes (ACC-07). A passed case goes on public notice for at least two weeks (ACC-08) — a complaint
 * found true sends it back (ACC-09) — is certified by two heads (ACC-11) and filed (备案登记, ACC-12). Each case
 * carries its deadline (ACC-13).
 *
 * <p>A case never changes in place: every act returns the next version, with a line appended to its {@code history},
 * or throws: 400 for a bad value, 409 for an act its state does not allow, 422 naming the rule that refuses it. The
 * {@code outbox} holds the changes other contexts must make because of it (REG-08 statuses, the agencies' requests);
 * the store adds them in the same write and the relay delivers them. Time is a parameter, never read from a clock
 * here: "today" is the day of {@code at} in China (Asia/Shanghai).
 *
 * @param businessProvinces  the institution's business places (经营地) when the case opened
 * @param deadline           the day by which it is to be filed, from {@code complexity} (ACC-13)
 * @param crossRegion        it does business in other provinces, or the officer marked it large or influential: the
 *                           joint verification applies (ACC-16)
 * @param checks             the recorded checks, in the order of {@link CheckCode}
 * @param opinions           the business-place provinces' opinions (ACC-16), by province code
 * @param conclusion         the conclusion in force; null while the case is open
 * @param notices            every notice, the current one last (ACC-08)
 * @param certificate        the certificate being signed or issued (ACC-11); null before the first signature
 * @param openComplaints     complaints lodged against the notice and not resolved yet (ACC-09)
 * @param version            1 when opened, one more with each change: the case's ETag
 */
public record AcceptanceCase(@Id String institutionId, String institutionName, String creditCode,
                             String registeredProvince, List<String> businessProvinces,
                             List<SplitEntity> splitEntities, Complexity complexity, LocalDate deadline,
                             boolean largeOrInfluential, boolean crossRegion, CaseState state, List<TeamMember> team,
                             List<Check> checks, List<Opinion> opinions, Conclusion conclusion, List<Notice> notices,
                             Certificate certificate, LocalDate filedOn, int openComplaints,
                             List<HistoryEntry> history, List<OutboxEntry> outbox, long version, Actor openedBy,
                             Instant openedAt, Instant updatedAt) {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    public static final int MAX_TEXT = 4000;
    public static final int MAX_NAME = 200;
    public static final int MAX_DOCUMENTS = 50;
    public static final int MAX_REFERENCE = 200;
    public static final int MAX_TEAM = 50;
    public static final int MAX_SPLIT_ENTITIES = 20;
    /** The unified social credit code (统一社会信用代码): 18 characters of this alphabet. */
    private static final Pattern CREDIT_CODE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}");

    public AcceptanceCase {
        businessProvinces = copy(businessProvinces);
        splitEntities = copy(splitEntities);
        team = copy(team);
        checks = copy(checks);
        opinions = copy(opinions);
        notices = copy(notices);
        history = copy(history);
        outbox = copy(outbox);
    }

    // ---- ACC-01: opening ---------------------------------------------------------------------------------------

    /**
     * ACC-01: only an institution whose approved classification is compliant (合规类), or rectification (整改类) with its
     * rectification order finished, enters acceptance; otherwise 422 saying why.
     */
    public static void requireClassification(String institutionId, AcceptanceFacts facts) {
        AcceptanceFacts.ApprovedDecision decision = facts.approvedDecision();
        if (decision == null) {
            throw new RuleViolationException("ACC-01", "Institution " + institutionId + " has no approved"
                    + " classification decision" + (facts.decisionState() == null ? ""
                    : " (the current decision is " + facts.decisionState() + ")") + "; only an institution classified"
                    + " compliant, or rectification with its rectification finished, enters acceptance");
        }
        if (AcceptanceFacts.COMPLIANT.equals(decision.category())) {
            return;
        }
        if (!AcceptanceFacts.RECTIFICATION.equals(decision.category())) {
            throw new RuleViolationException("ACC-01", "Institution " + institutionId + " is classified "
                    + decision.category() + "; only an institution classified compliant (合规类), or rectification"
                    + " (整改类) with its rectification finished, enters acceptance");
        }
        AcceptanceFacts.Rectification order = facts.rectification();
        if (!order.exists()) {
            throw new RuleViolationException("ACC-01", "Institution " + institutionId + " is classified for"
                    + " rectification (整改类) and has no rectification order (整改通知书) for round " + decision.round()
                    + "; it enters acceptance when its rectification is finished");
        }
        if (!order.finished()) {
            throw new RuleViolationException("ACC-01", "The rectification of institution " + institutionId
                    + " is not finished: " + order.openItems() + " item(s) of order " + order.orderId()
                    + " are open");
        }
    }

    /**
     * ACC-01/06/13/16: a new case of {@code institution} as the registry describes it now: open, with the deadline of
     * its complexity and, when it is cross-region, the opinions of its business-place provinces asked.
     */
    public static AcceptanceCase open(InstitutionReference institution, Complexity complexity,
                                      Boolean largeOrInfluential, List<SplitEntity> splitEntities, Actor by,
                                      Instant at) {
        if (complexity == null) {
            throw new InvalidInputException("complexity", "is required: MAIN, HEAVY_STOCK or COMPLEX", "ACC-13");
        }
        List<SplitEntity> split = checkedSplitEntities(splitEntities, institution.creditCode());
        boolean large = Boolean.TRUE.equals(largeOrInfluential);
        List<String> places = institution.businessProvinces().stream()
                .filter(p -> !p.equals(institution.registeredProvince())).distinct().sorted().toList();
        List<Opinion> opinions = places.stream().map(Opinion::asked).toList();
        String detail = "opened (" + complexity + ", filed by " + complexity.deadline() + ")"
                + (places.isEmpty() ? "" : "; opinions asked of " + String.join(", ", places))
                + (large ? "; marked large or influential" : "");
        return new AcceptanceCase(institution.id(), institution.name(), institution.creditCode(),
                institution.registeredProvince(), places, split, complexity, complexity.deadline(), large,
                large || !places.isEmpty(), CaseState.OPEN, List.of(), List.of(), opinions, null, List.of(), null,
                null, 0, List.of(new HistoryEntry(Objects.requireNonNull(at), "OPENED", by, detail)), List.of(), 1,
                by, at, at);
    }

    // ---- ACC-06: split-off entities ----------------------------------------------------------------------------

    /** ACC-06: the split-off entities accepted with it, as a whole list; while the case is open. */
    public AcceptanceCase replaceSplitEntities(List<SplitEntity> entities, Actor by, Instant at) {
        requireOpen("its split-off entities change");
        List<SplitEntity> split = checkedSplitEntities(entities, creditCode);
        Next next = next();
        next.splitEntities = split;
        return next.done("SPLIT_ENTITIES_SET", by, at, split.isEmpty() ? "no split-off entities"
                : split.size() + " split-off entities: " + String.join(", ",
                        split.stream().map(SplitEntity::name).toList()));
    }

    // ---- ACC-03: the joint team --------------------------------------------------------------------------------

    /** ACC-03: a member joins the joint team; third-party professionals may join. */
    public AcceptanceCase addMember(String name, TeamAgency agency, String organisation, Actor by, Instant at) {
        requireOpen("its joint team changes");
        String stated = text("name", name, MAX_NAME, "ACC-03", true);
        if (agency == null) {
            throw new InvalidInputException("agency", "is required: one of " + List.of(TeamAgency.values()),
                    "ACC-03");
        }
        String unit = text("organisation", organisation, MAX_NAME, "ACC-03", true);
        if (team.size() >= MAX_TEAM) {
            throw ProblemException.conflict("The joint team of case " + institutionId + " has " + MAX_TEAM
                    + " members already");
        }
        TeamMember member = new TeamMember("m" + (team.size() + 1), stated, agency, unit, at, null);
        Next next = next();
        next.team = append(team, member);
        return next.done("TEAM_MEMBER_ADDED", by, at, member.id() + " " + stated + ", " + unit + " ("
                + agency.chinese() + ")");
    }

    /**
     * ACC-03: a member leaves the team. The member is kept with the day they left (the checks they recorded or
     * confirmed still name them) and no longer records or confirms.
     */
    public AcceptanceCase removeMember(String memberId, Actor by, Instant at) {
        requireOpen("its joint team changes");
        TeamMember member = team.stream().filter(m -> m.id().equals(memberId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Team member", memberId + " of case " + institutionId));
        if (!member.active()) {
            throw ProblemException.conflict("Team member " + memberId + " left the team already");
        }
        List<TeamMember> members = new ArrayList<>(team);
        members.set(team.indexOf(member), new TeamMember(member.id(), member.name(), member.agency(),
                member.organisation(), member.addedAt(), at));
        Next next = next();
        next.team = members;
        return next.done("TEAM_MEMBER_REMOVED", by, at, member.id() + " " + member.name() + " left the team");
    }

    public Optional<TeamMember> member(String memberId) {
        return team.stream().filter(m -> m.id().equals(memberId)).findFirst();
    }

    // ---- ACC-03/04/05: checks ----------------------------------------------------------------------------------

    /**
     * ACC-04/05: a member of the team records a check with its result and evidence; a check recorded again replaces
     * the earlier one and needs a new confirmation (ACC-03). The custody check names the bank found (ACC-02e).
     */
    public AcceptanceCase recordCheck(CheckCode code, CheckRecording recording, Actor by, Instant at) {
        requireOpen("its checks are recorded");
        Objects.requireNonNull(code, "code");
        if (recording == null) {
            throw new InvalidInputException(null, "must state the check's result and evidence", code.rule());
        }
        if (recording.result() == null) {
            throw new InvalidInputException("result", "is required: PASSED or FAILED", code.rule());
        }
        String evidence = text("evidence", recording.evidence(), MAX_TEXT, code.rule(), true);
        List<String> documents = documents(recording.documents(), code.rule());
        String note = text("note", recording.note(), MAX_TEXT, code.rule(), false);
        String bank = text("custodyBank", recording.custodyBank(), MAX_NAME, "ACC-02e", false);
        if (code == CheckCode.CUSTODY_BANK && bank == null) {
            throw new InvalidInputException("custodyBank", "is required: name the custody bank (存管银行) the check"
                    + " found", "ACC-02e");
        }
        if (code != CheckCode.CUSTODY_BANK && bank != null) {
            throw new InvalidInputException("custodyBank", "is stated only for the custody check (CUSTODY_BANK)",
                    code.rule());
        }
        TeamMember recorder = activeMember(recording.recordedBy(), "recordedBy", "records");
        Check check = new Check(code, recording.result(), evidence, documents, note, recorder.id(), at, null, null,
                bank);
        Next next = next();
        next.checks = withCheck(check);
        return next.done("CHECK_RECORDED", by, at, code + " (" + code.chinese() + ") " + recording.result()
                + " by " + recorder.id() + " " + recorder.name() + (bank == null ? "" : "; custody bank " + bank));
    }

    /**
     * ACC-03: cross-verification (交叉核验): a member of another agency than the recorder's — not a third party —
     * confirms a recorded check, once.
     */
    public AcceptanceCase confirmCheck(CheckCode code, String confirmedBy, Actor by, Instant at) {
        requireOpen("its checks are confirmed");
        Check check = check(code).orElseThrow(() -> new RuleViolationException("ACC-03", "Check " + code + " ("
                + code.chinese() + ") has not been recorded; a check is confirmed after it is recorded"));
        if (check.confirmed()) {
            throw ProblemException.conflict("Check " + code + " was confirmed by " + check.confirmedBy()
                    + " already; recording it again asks for a new confirmation");
        }
        TeamMember confirmer = activeMember(confirmedBy, "confirmedBy", "confirms");
        TeamMember recorder = member(check.recordedBy()).orElseThrow();
        if (confirmer.agency() == TeamAgency.THIRD_PARTY) {
            throw new RuleViolationException("ACC-03", confirmer.id() + " " + confirmer.name() + " is a third-party"
                    + " professional (第三方专业机构); a check is confirmed by a member of an agency");
        }
        if (confirmer.agency() == recorder.agency()) {
            throw new RuleViolationException("ACC-03", "Check " + code + " was recorded by " + recorder.id() + " of "
                    + recorder.agency() + " (" + recorder.agency().chinese() + "); it is confirmed by a member of"
                    + " another agency, not " + confirmer.id() + " of the same");
        }
        Next next = next();
        next.checks = withCheck(check.confirm(confirmer.id(), at));
        return next.done("CHECK_CONFIRMED", by, at, code + " (" + code.chinese() + ") confirmed by "
                + confirmer.id() + " " + confirmer.name() + " (" + confirmer.agency().chinese() + ")");
    }

    public Optional<Check> check(CheckCode code) {
        return checks.stream().filter(c -> c.code() == code).findFirst();
    }

    /**
     * ACC-04/05 (with ACC-03): every check not yet recorded, recorded FAILED or not confirmed, in the order of
     * {@link CheckCode}; empty when the checks allow a passed conclusion.
     */
    public List<CheckDeficiency> outstandingChecks() {
        List<CheckDeficiency> outstanding = new ArrayList<>();
        for (CheckCode code : CheckCode.values()) {
            Optional<Check> check = check(code);
            String problem = check.isEmpty() ? CheckDeficiency.MISSING
                    : !check.get().passed() ? CheckDeficiency.FAILED
                    : !check.get().confirmed() ? CheckDeficiency.UNCONFIRMED : null;
            if (problem != null) {
                outstanding.add(new CheckDeficiency(code, code.chinese(), code.rule(), problem));
            }
        }
        return outstanding;
    }

    // ---- ACC-16: opinions --------------------------------------------------------------------------------------

    /** ACC-16: the business-place province answers (agrees or not, in words); again while the case is open. */
    public AcceptanceCase answerOpinion(String province, Boolean agrees, String text, Actor by, Instant at) {
        requireOpen("opinions are answered");
        Opinion asked = opinion(province);
        if (asked.state() == Opinion.State.WAIVED) {
            throw ProblemException.conflict("The central office waived the opinion of province " + province);
        }
        if (agrees == null) {
            throw new InvalidInputException("agrees", "is required: true or false", "ACC-16");
        }
        String stated = text("text", text, MAX_TEXT, "ACC-16", true);
        Next next = next();
        next.opinions = withOpinion(new Opinion(province, Opinion.State.ANSWERED, agrees, stated, by, at, null));
        return next.done("OPINION_ANSWERED", by, at, "province " + province + (agrees ? " agrees" : " disagrees"));
    }

    /** ACC-16: the central office waives an opinion not answered, with a reason. */
    public AcceptanceCase waiveOpinion(String province, String reason, Actor by, Instant at) {
        requireOpen("opinions are waived");
        Opinion asked = opinion(province);
        if (asked.state() != Opinion.State.ASKED) {
            throw ProblemException.conflict("The opinion of province " + province + " is " + asked.state()
                    + "; only an opinion still asked is waived");
        }
        String stated = text("reason", reason, MAX_TEXT, "ACC-16", true);
        Next next = next();
        next.opinions = withOpinion(new Opinion(province, Opinion.State.WAIVED, null, null, by, at, stated));
        return next.done("OPINION_WAIVED", by, at, "opinion of province " + province + " waived: " + stated);
    }

    public Optional<Opinion> findOpinion(String province) {
        return opinions.stream().filter(o -> o.province().equals(province)).findFirst();
    }

    // ---- ACC-07: conclusion ------------------------------------------------------------------------------------

    /**
     * ACC-07/16: whether the case may conclude as {@code request} says, before the gates are read: it is open, the
     * request is complete, and every asked opinion is answered or waived.
     */
    public void requireConcludable(ConclusionRequest request) {
        requireOpen("it concludes");
        checkedConclusion(request);
        List<String> waiting = opinions.stream().filter(o -> !o.settled()).map(Opinion::province).toList();
        if (!waiting.isEmpty()) {
            throw new ProblemException(ProblemType.RULE_VIOLATION, "The joint verification (联合核查) is not complete:"
                    + " the opinion of province(s) " + String.join(", ", waiting) + " is neither answered nor waived",
                    Map.of("rule", "ACC-16", "provinces", waiting));
        }
    }

    /**
     * ACC-07: the conclusion. PASSED needs the gates evaluated at the full stage (ACC-02) and every check recorded
     * PASSED and confirmed (ACC-04/05), and starts the public notice (ACC-08); GUIDED_EXIT, MERGER and BANNING close
     * the case; MUST_RESUME waits for the institution to resume.
     *
     * @param gates the gates at {@link AcceptanceGates.Stage#FULL}; required for PASSED, ignored otherwise
     */
    public AcceptanceCase conclude(ConclusionRequest request, AcceptanceGates.Report gates, Actor by, Instant at) {
        requireConcludable(request);
        Conclusion conclusion = checkedConclusion(request);
        Next next = next();
        next.conclusion = new Conclusion(conclusion.outcome(), conclusion.reason(), conclusion.ground(),
                conclusion.stillOperating(), by, at);
        String detail = conclusion.outcome() + (conclusion.ground() == null ? "" : " (" + conclusion.ground() + ")")
                + (conclusion.stillOperating() ? ", still operating" : "") + ": " + conclusion.reason();
        switch (conclusion.outcome()) {
            case PASSED -> {
                Objects.requireNonNull(gates, "gates").require("A passed conclusion");
                requireChecksComplete();
                Notice notice = Notice.start(creditCode, notices.size() + 1, today(at));
                next.notices = append(notices, notice);
                next.state = CaseState.ON_NOTICE;
                detail += "; notice " + notice.number() + " runs from " + notice.startedOn() + " to at least "
                        + notice.earliestEndOn();
            }
            case GUIDED_EXIT -> next.state = CaseState.GUIDED_EXIT;
            case MERGER -> next.state = CaseState.MERGER;
            case BANNING -> next.state = CaseState.BANNED;
            case MUST_RESUME -> next.state = CaseState.AWAITING_RESUMPTION;
        }
        return next.done("CONCLUDED", by, at, detail);
    }

    /** ACC-07 (4): the institution resumed normal operation; acceptance goes on. */
    public AcceptanceCase resume(String note, Actor by, Instant at) {
        if (state != CaseState.AWAITING_RESUMPTION) {
            throw ProblemException.conflict("Case " + institutionId + " is " + state + "; only a case awaiting"
                    + " resumption (AWAITING_RESUMPTION) resumes");
        }
        String stated = text("note", note, MAX_TEXT, "ACC-07", false);
        Next next = next();
        next.state = CaseState.OPEN;
        next.conclusion = null;
        return next.done("RESUMED", by, at, "normal operation resumed" + (stated == null ? "" : ": " + stated));
    }

    // ---- ACC-08/09: notice and complaints ----------------------------------------------------------------------

    /** The current notice: the last one, if any. */
    public Optional<Notice> currentNotice() {
        return notices.isEmpty() ? Optional.empty() : Optional.of(notices.get(notices.size() - 1));
    }

    /** ACC-09: a complaint was lodged against the notice; only a case under notice takes complaints. */
    public AcceptanceCase complaintOpened(String receiptNumber, Instant at) {
        if (!state.underNotice()) {
            throw new RuleViolationException("ACC-09", "Institution " + institutionId + " is not under public notice;"
                    + " complaints are lodged against an institution under notice");
        }
        Next next = next();
        next.openComplaints = openComplaints + 1;
        return next.done("COMPLAINT_LODGED", null, at, "complaint " + receipt(receiptNumber) + " lodged against "
                + currentNotice().map(Notice::number).orElse("the notice"));
    }

    /**
     * ACC-09: a complaint is resolved; one found true revokes the notice in the same version and sends the case back
     * to acceptance (when it is still under notice).
     */
    public AcceptanceCase complaintResolved(String receiptNumber, boolean foundTrue, Actor by, Instant at) {
        if (openComplaints <= 0) {
            throw ProblemException.conflict("Case " + institutionId + " has no open complaint to resolve");
        }
        String receipt = receipt(receiptNumber);
        Next next = next();
        next.openComplaints = openComplaints - 1;
        String detail = "complaint " + receipt + (foundTrue ? " found true" : " found unfounded");
        if (foundTrue && state.underNotice()) {
            detail += "; " + revoke(next, receipt, at);
        }
        return next.done("COMPLAINT_RESOLVED", by, at, detail);
    }

    /**
     * ACC-09: the current notice is revoked because of the complaint {@code complaintReceipt} found true: the
     * conclusion and any signatures lapse, and the case is back in acceptance.
     */
    public AcceptanceCase revokeNotice(String complaintReceipt, Actor by, Instant at) {
        if (!state.underNotice()) {
            throw ProblemException.conflict("Case " + institutionId + " is " + state + "; only a notice running"
                    + " (ON_NOTICE or CERTIFIED, not filed) is revoked");
        }
        Next next = next();
        String detail = revoke(next, receipt(complaintReceipt), at);
        return next.done("NOTICE_REVOKED", by, at, detail);
    }

    /** Revokes the current notice in {@code next}; the act in words. */
    private String revoke(Next next, String receipt, Instant at) {
        Notice current = currentNotice().orElseThrow();
        List<Notice> all = new ArrayList<>(notices);
        all.set(all.size() - 1, current.revoke(today(at), receipt));
        next.notices = all;
        next.state = CaseState.OPEN;
        next.conclusion = null;
        next.certificate = null;
        return "notice " + current.number() + " revoked by complaint " + receipt + " found true; the case is back in"
                + " acceptance" + (certificate == null ? "" : " and the signatures lapse");
    }

    // ---- ACC-11: certificate -----------------------------------------------------------------------------------

    /**
     * ACC-11: a head's signature on the certificate, after the notice has run its term with no complaint open
     * (ACC-08/09). The first signature has no effect; the second — a different person of the other agency — issues
     * the certificate with {@code verificationCode}.
     *
     * @param agency {@code FINANCIAL_OFFICE} or {@code BANKING_REGULATOR}: the head's agency
     */
    public AcceptanceCase sign(String agency, Actor head, Instant at, String verificationCode) {
        if (state == CaseState.CERTIFIED || state == CaseState.FILED) {
            throw ProblemException.conflict("The certificate of case " + institutionId + " was issued already");
        }
        if (state != CaseState.ON_NOTICE) {
            throw new RuleViolationException("ACC-11", "Case " + institutionId + " is " + state + "; the certificate"
                    + " is signed after acceptance passed and its public notice has run");
        }
        requireNoticeServed(at, "The certificate is signed");
        if (agency == null || !Certificate.SIGNING_AGENCIES.contains(agency)) {
            throw ProblemException.forbidden("The certificate is signed by the heads of the financial office and of"
                    + " the banking regulator's bureau (ACC-11)");
        }
        List<Certificate.Signature> signatures = certificate == null ? List.of() : certificate.signatures();
        for (Certificate.Signature signed : signatures) {
            if (signed.by().samePersonAs(head)) {
                throw new RuleViolationException("ACC-11", head.username() + " signed already; the certificate is"
                        + " co-signed by two different people");
            }
            if (signed.agency().equals(agency)) {
                throw new RuleViolationException("ACC-11", "The head of " + agency + " (" + signed.by().username()
                        + ") signed already; the other signature is the head of " + other(agency) + "'s");
            }
        }
        List<Certificate.Signature> all = append(signatures, new Certificate.Signature(agency, head, at, today(at)));
        Next next = next();
        if (all.size() < Certificate.SIGNING_AGENCIES.size()) {
            next.certificate = new Certificate(all, null, null);
            return next.done("CERTIFICATE_SIGNED", head, at, "signed by " + head.username() + " (" + agency
                    + "); waiting for the head of " + other(agency));
        }
        next.certificate = new Certificate(all, Objects.requireNonNull(verificationCode), today(at));
        next.state = CaseState.CERTIFIED;
        return next.done("CERTIFICATE_ISSUED", head, at, "signed by " + head.username() + " (" + agency
                + "); certificate issued");
    }

    // ---- ACC-12: filing ----------------------------------------------------------------------------------------

    /** ACC-12 with ACC-08/09: whether filing may follow, before the gates are read again. */
    public void requireFileable(Instant at) {
        if (state == CaseState.FILED) {
            throw ProblemException.conflict("Institution " + institutionId + " was filed on " + filedOn + " already");
        }
        if (state != CaseState.CERTIFIED) {
            throw new RuleViolationException("ACC-12", "Case " + institutionId + " is " + state + "; filing"
                    + " (备案登记) follows the certificate signed by both heads (CERTIFIED)");
        }
        requireNoticeServed(at, "Filing");
    }

    /** ACC-12: filing registration (备案登记), with the gates passed again (ACC-02). */
    public AcceptanceCase file(AcceptanceGates.Report gates, Actor by, Instant at) {
        requireFileable(at);
        Objects.requireNonNull(gates, "gates").require("Filing");
        Next next = next();
        next.state = CaseState.FILED;
        next.filedOn = today(at);
        return next.done("FILED", by, at, "filed on " + next.filedOn);
    }

    // ---- ACC-13: deadline --------------------------------------------------------------------------------------

    /** ACC-13: past its deadline and neither filed nor closed by a failed outcome. */
    public boolean overdue(LocalDate today) {
        return today.isAfter(deadline) && state != CaseState.FILED && !state.closedByFailure();
    }

    // -----------------------------------------------------------------------------------------------------------

    private void requireOpen(String act) {
        if (state != CaseState.OPEN) {
            throw ProblemException.conflict("Case " + institutionId + " is " + state + "; " + act
                    + " only while it is OPEN");
        }
    }

    /** ACC-08/09: the notice has run its full term and no complaint is open. */
    private void requireNoticeServed(Instant at, String act) {
        if (openComplaints > 0) {
            throw new RuleViolationException("ACC-09", act + " while no complaint is unresolved; " + openComplaints
                    + " complaint(s) against the notice are open");
        }
        Notice notice = currentNotice().orElseThrow(() -> new RuleViolationException("ACC-08", "Case "
                + institutionId + " has had no public notice"));
        if (!notice.completed(today(at))) {
            throw new RuleViolationException("ACC-08", act + " after the public notice has run at least "
                    + Notice.FULL_DAYS + " full days: notice " + notice.number() + " started on " + notice.startedOn()
                    + " and runs until " + notice.earliestEndOn());
        }
    }

    private void requireChecksComplete() {
        List<CheckDeficiency> outstanding = outstandingChecks();
        if (outstanding.isEmpty()) {
            return;
        }
        CheckDeficiency first = outstanding.get(0);
        String rule = first.code().gateCheck() && first.problem().equals(CheckDeficiency.UNCONFIRMED) ? "ACC-03"
                : first.rule();
        List<Map<String, Object>> listed = outstanding.stream().map(d -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("code", d.code().name());
            line.put("name", d.name());
            line.put("problem", d.problem());
            return line;
        }).toList();
        throw new ProblemException(ProblemType.RULE_VIOLATION, "A passed conclusion needs every check recorded PASSED"
                + " and confirmed; " + outstanding.size() + " are not, the first " + first.code() + " ("
                + first.name() + "): " + first.problem(), Map.of("rule", rule, "checks", listed));
    }

    private Conclusion checkedConclusion(ConclusionRequest request) {
        if (request == null || request.outcome() == null) {
            throw new InvalidInputException("outcome", "is required: one of " + List.of(Outcome.values()), "ACC-07");
        }
        Outcome outcome = request.outcome();
        String reason = text("reason", request.reason(), MAX_TEXT, "ACC-07", true);
        if (outcome == Outcome.BANNING && request.ground() == null) {
            throw new InvalidInputException("ground", "is required for BANNING: one of "
                    + List.of(BanningGround.values()), "ACC-07");
        }
        if (outcome != Outcome.BANNING && request.ground() != null) {
            throw new InvalidInputException("ground", "is stated only for BANNING", "ACC-07");
        }
        boolean operating = Boolean.TRUE.equals(request.stillOperating());
        if (operating && !outcome.failed()) {
            throw new InvalidInputException("stillOperating", "is stated only for a failed outcome (GUIDED_EXIT,"
                    + " MERGER, BANNING)", "ACC-14");
        }
        return new Conclusion(outcome, reason, request.ground(), operating, null, null);
    }

    private Opinion opinion(String province) {
        return findOpinion(province).orElseThrow(() -> ProblemException.notFound("Opinion of province",
                province + " on case " + institutionId));
    }

    private TeamMember activeMember(String memberId, String member, String act) {
        if (memberId == null || memberId.isBlank()) {
            throw new InvalidInputException(member, "is required: the id of the team member who " + act + " it (m1,"
                    + " m2, …)", "ACC-03");
        }
        TeamMember found = member(memberId.strip()).orElseThrow(() -> new RuleViolationException("ACC-03",
                quote(memberId) + " is not a member of the joint team of case " + institutionId));
        if (!found.active()) {
            throw new RuleViolationException("ACC-03", found.id() + " " + found.name() + " left the joint team");
        }
        return found;
    }

    private List<Check> withCheck(Check check) {
        Map<CheckCode, Check> byCode = new LinkedHashMap<>();
        for (CheckCode code : CheckCode.values()) {
            check(code).ifPresent(c -> byCode.put(code, c));
        }
        byCode.put(check.code(), check);
        List<Check> ordered = new ArrayList<>();
        for (CheckCode code : CheckCode.values()) {
            if (byCode.containsKey(code)) {
                ordered.add(byCode.get(code));
            }
        }
        return ordered;
    }

    private List<Opinion> withOpinion(Opinion opinion) {
        return opinions.stream().map(o -> o.province().equals(opinion.province()) ? opinion : o).toList();
    }

    private static List<SplitEntity> checkedSplitEntities(List<SplitEntity> entities, String ownCode) {
        if (entities == null) {
            return List.of();
        }
        if (entities.size() > MAX_SPLIT_ENTITIES) {
            throw new InvalidInputException("splitEntities", "must list at most " + MAX_SPLIT_ENTITIES + " entities",
                    "ACC-06");
        }
        List<SplitEntity> checked = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < entities.size(); i++) {
            String member = "splitEntities[" + i + "]";
            SplitEntity entity = entities.get(i);
            if (entity == null) {
                throw new InvalidInputException(member, "must be an entity with name and creditCode", "ACC-06");
            }
            String name = text(member + ".name", entity.name(), MAX_NAME, "ACC-06", true);
            String code = entity.creditCode() == null ? "" : entity.creditCode().strip();
            if (!CREDIT_CODE.matcher(code).matches()) {
                throw new InvalidInputException(member + ".creditCode", "must be a unified social credit code"
                        + " (统一社会信用代码) of 18 digits and capital letters", "ACC-06");
            }
            if (code.equals(ownCode)) {
                throw new InvalidInputException(member + ".creditCode", "is the institution's own credit code",
                        "ACC-06");
            }
            if (!codes.add(code)) {
                throw new InvalidInputException(member + ".creditCode", "names an entity listed already", "ACC-06");
            }
            checked.add(new SplitEntity(name, code));
        }
        return checked;
    }

    private static List<String> documents(List<String> references, String rule) {
        if (references == null) {
            return List.of();
        }
        if (references.size() > MAX_DOCUMENTS) {
            throw new InvalidInputException("documents", "must hold at most " + MAX_DOCUMENTS + " references", rule);
        }
        List<String> documents = new ArrayList<>();
        for (int i = 0; i < references.size(); i++) {
            documents.add(text("documents[" + i + "]", references.get(i), MAX_REFERENCE, rule, true));
        }
        return documents;
    }

    /** Text by the input policy, stripped, at most {@code max} characters; blank counts as absent. */
    static String text(String member, String value, int max, String rule, boolean required) {
        return InputPolicy.statedText(member, value, max, rule, required);
    }

    private static String receipt(String receiptNumber) {
        if (receiptNumber == null || receiptNumber.isBlank()) {
            throw new InvalidInputException("receiptNumber", "is required: the complaint's receipt number", "ACC-09");
        }
        return receiptNumber.strip();
    }

    private static String other(String agency) {
        return Certificate.SIGNING_AGENCIES.stream().filter(a -> !a.equals(agency)).findFirst().orElse(agency);
    }

    private static String quote(String value) {
        String stripped = value.strip();
        return "\"" + (stripped.length() > 64 ? stripped.substring(0, 64) + "…" : stripped) + "\"";
    }

    private static LocalDate today(Instant at) {
        return LocalDate.ofInstant(at, CHINA);
    }

    private static <T> List<T> append(List<T> list, T element) {
        List<T> all = new ArrayList<>(list);
        all.add(element);
        return all;
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    private Next next() {
        return new Next(this);
    }

    /** The next version being made: a copy of this one that an act changes, then {@link #done}. */
    private static final class Next {

        private final AcceptanceCase from;
        List<SplitEntity> splitEntities;
        CaseState state;
        List<TeamMember> team;
        List<Check> checks;
        List<Opinion> opinions;
        Conclusion conclusion;
        List<Notice> notices;
        Certificate certificate;
        LocalDate filedOn;
        int openComplaints;

        Next(AcceptanceCase from) {
            this.from = from;
            splitEntities = from.splitEntities;
            state = from.state;
            team = from.team;
            checks = from.checks;
            opinions = from.opinions;
            conclusion = from.conclusion;
            notices = from.notices;
            certificate = from.certificate;
            filedOn = from.filedOn;
            openComplaints = from.openComplaints;
        }

        /** The next version, with the act appended to the history. */
        AcceptanceCase done(String what, Actor by, Instant at, String detail) {
            Objects.requireNonNull(at, "at");
            return new AcceptanceCase(from.institutionId, from.institutionName, from.creditCode,
                    from.registeredProvince, from.businessProvinces, splitEntities, from.complexity, from.deadline,
                    from.largeOrInfluential, from.crossRegion, state, team, checks, opinions, conclusion, notices,
                    certificate, filedOn, openComplaints, append(from.history, new HistoryEntry(at, what, by, detail)),
                    from.outbox, from.version + 1, from.openedBy, from.openedAt, at);
        }
    }
}
