package cn.p2psupervision.acceptance.cases;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.p2psupervision.platform.input.IfMatch;
import cn.p2psupervision.platform.input.PageParameters;
import cn.p2psupervision.platform.security.Caller;

/**
 * Acceptance cases (整改验收, ACC-01..13, ACC-16): {@code /api/v1/acceptance/cases} for the caller's list and the
 * opening, {@code /api/v1/acceptance/cases/{institutionId}} for one case and its acts. Every change names the version
 * it is based on in {@code If-Match} and answers the case with its new {@code ETag}.
 */
@RestController
class CaseController {

    static final String CASES = "/api/v1/acceptance/cases";
    private static final String ONE = CASES + "/{institutionId}";

    private final CaseService cases;

    CaseController(CaseService cases) {
        this.cases = cases;
    }

    /** ACC-01: opens the institution's case. */
    @PostMapping(CASES)
    ResponseEntity<CaseView> open(@RequestBody OpenRequest request, Caller caller) {
        AcceptanceCase opened = cases.open(caller, request.institutionId(), request.complexity(),
                request.largeOrInfluential(), request.splitEntities());
        return ResponseEntity.created(URI.create(CASES + "/" + opened.institutionId()))
                .eTag(IfMatch.etag(opened.version())).body(view(opened));
    }

    /** AUTH-02: the cases the caller may read, newest change first. */
    @GetMapping(CASES)
    PageView list(Caller caller, @RequestParam(required = false) CaseState state,
                  @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        PageParameters paging = PageParameters.of(page, size, 200);
        CaseStore.Page result = cases.list(caller, state, paging.page(), paging.size());
        LocalDate today = cases.today();
        return new PageView(result.content().stream().map(c -> CaseView.Summary.of(c, today)).toList(),
                paging.page(), paging.size(), result.totalElements());
    }

    /** ACC-13: the overdue cases the caller may read, the longest overdue first. */
    @GetMapping(CASES + "/overdue")
    List<CaseView.Summary> overdue(Caller caller) {
        LocalDate today = cases.today();
        return cases.overdue(caller).stream().map(c -> CaseView.Summary.of(c, today)).toList();
    }

    @GetMapping(ONE)
    ResponseEntity<CaseView> get(@PathVariable String institutionId, Caller caller) {
        return answer(cases.read(caller, institutionId));
    }

    /** ACC-02: the gates evaluated now, as a passed conclusion or the filing would. */
    @GetMapping(ONE + "/gates")
    GatesView gates(@PathVariable String institutionId, Caller caller) {
        AcceptanceGates.Report report = cases.gates(caller, institutionId);
        return new GatesView(institutionId, report.stage(), report.passed(), report.gates());
    }

    /** ACC-06 */
    @PutMapping(ONE + "/split-entities")
    ResponseEntity<CaseView> splitEntities(@PathVariable String institutionId,
                                           @RequestBody SplitEntitiesRequest request,
                                           @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                           Caller caller) {
        long basedOn = IfMatch.version(ifMatch);
        return answer(cases.replaceSplitEntities(caller, institutionId, basedOn, request.splitEntities()));
    }

    /** ACC-03: a member joins the joint team; 201 with the case. */
    @PostMapping(ONE + "/team")
    ResponseEntity<CaseView> addMember(@PathVariable String institutionId, @RequestBody MemberRequest request,
                                       @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                       Caller caller) {
        long basedOn = IfMatch.version(ifMatch);
        AcceptanceCase changed = cases.addMember(caller, institutionId, basedOn, request.name(), request.agency(),
                request.organisation());
        String memberId = changed.team().get(changed.team().size() - 1).id();
        return ResponseEntity.created(URI.create(CASES + "/" + institutionId + "/team/" + memberId))
                .eTag(IfMatch.etag(changed.version())).body(view(changed));
    }

    /** ACC-03: a member leaves the joint team. */
    @DeleteMapping(ONE + "/team/{memberId}")
    ResponseEntity<CaseView> removeMember(@PathVariable String institutionId, @PathVariable String memberId,
                                          @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                          Caller caller) {
        long basedOn = IfMatch.version(ifMatch);
        return answer(cases.removeMember(caller, institutionId, basedOn, memberId));
    }

    /** ACC-04/05: records (or records again) a check. */
    @PutMapping(ONE + "/checks/{code}")
    ResponseEntity<CaseView> recordCheck(@PathVariable String institutionId, @PathVariable CheckCode code,
                                         @RequestBody CheckRecording request,
                                         @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                         Caller caller) {
        long basedOn = IfMatch.version(ifMatch);
        return answer(cases.recordCheck(caller, institutionId, basedOn, code, request));
    }

    /** ACC-03: cross-verification of a check. */
    @PostMapping(ONE + "/checks/{code}/confirmation")
    ResponseEntity<CaseView> confirmCheck(@PathVariable String institutionId, @PathVariable CheckCode code,
                                          @RequestBody ConfirmationRequest request,
                                          @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                          Caller caller) {
        long basedOn = IfMatch.version(ifMatch);
        return answer(cases.confirmCheck(caller, institutionId, basedOn, code, request.confirmedBy()));
    }

    /** ACC-16: a business-place province answers. */
    @PostMapping(ONE + "/opinions/{province}")
    ResponseEntity<CaseView> answerOpinion(@PathVariable String institutionId, @PathVariable String province,
                                           @RequestBody OpinionRequest request,
                                           @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                           Caller caller) {
        long basedOn = IfMatch.version(ifMatch);
        return answer(cases.answerOpinion(caller, institutionId, basedOn, province, request.agrees(),
                request.text()));
    }

    /** ACC-16: central waives a province's opinion. */
    @PostMapping(ONE + "/opinions/{province}/waiver")
    ResponseEntity<CaseView> waiveOpinion(@PathVariable String institutionId, @PathVariable String province,
                                          @RequestBody ReasonRequest request,
                                          @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                          Caller caller) {
        long basedOn = IfMatch.version(ifMatch);
        return answer(cases.waiveOpinion(caller, institutionId, basedOn, province, request.reason()));
    }

    /** ACC-07 */
    @PostMapping(ONE + "/conclusion")
    ResponseEntity<CaseView> conclude(@PathVariable String institutionId, @RequestBody ConclusionRequest request,
                                      @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                      Caller caller) {
        long basedOn = IfMatch.version(ifMatch);
        return answer(cases.conclude(caller, institutionId, basedOn, request));
    }

    /** ACC-07 (4): the institution resumed normal operation; an optional note says how it was seen. */
    @PostMapping(ONE + "/resumption")
    ResponseEntity<CaseView> resume(@PathVariable String institutionId,
                                    @RequestBody(required = false) NoteRequest request,
                                    @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                    Caller caller) {
        long basedOn = IfMatch.version(ifMatch);
        return answer(cases.resume(caller, institutionId, basedOn, request == null ? null : request.note()));
    }

    /** ACC-11: a head signs the certificate. */
    @PostMapping(ONE + "/certificate/signatures")
    ResponseEntity<CaseView> sign(@PathVariable String institutionId,
                                  @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                  Caller caller) {
        long basedOn = IfMatch.version(ifMatch);
        return answer(cases.sign(caller, institutionId, basedOn));
    }

    /** ACC-12 */
    @PostMapping(ONE + "/filing")
    ResponseEntity<CaseView> file(@PathVariable String institutionId,
                                  @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                  Caller caller) {
        long basedOn = IfMatch.version(ifMatch);
        return answer(cases.file(caller, institutionId, basedOn));
    }

    private ResponseEntity<CaseView> answer(AcceptanceCase c) {
        return ResponseEntity.ok().eTag(IfMatch.etag(c.version())).body(view(c));
    }

    private CaseView view(AcceptanceCase c) {
        return CaseView.of(c, cases.today());
    }

    record OpenRequest(String institutionId, Complexity complexity, Boolean largeOrInfluential,
                       List<SplitEntity> splitEntities) {
    }

    record SplitEntitiesRequest(List<SplitEntity> splitEntities) {
    }

    record MemberRequest(String name, TeamAgency agency, String organisation) {
    }

    record ConfirmationRequest(String confirmedBy) {
    }

    record OpinionRequest(Boolean agrees, String text) {
    }

    record ReasonRequest(String reason) {
    }

    record NoteRequest(String note) {
    }

    record PageView(List<CaseView.Summary> content, int page, int size, long totalElements) {
    }

    record GatesView(String institutionId, AcceptanceGates.Stage stage, boolean passed,
                     List<AcceptanceGates.Gate> gates) {
    }
}
