package cn.p2psupervision.acceptance.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import cn.p2psupervision.acceptance.cases.AcceptanceCase;
import cn.p2psupervision.acceptance.cases.CaseState;
import cn.p2psupervision.platform.input.IfMatch;
import cn.p2psupervision.platform.security.Actor;
import cn.p2psupervision.platform.security.Caller;

/**
 * The complaints against a case, for the regulators (ACC-09, ACC-10): {@code GET …/cases/{institutionId}/complaints}
 * for the case's readers, the complainant's contact details only for the registration province's office, which
 * handles them; {@code POST …/complaints/{receiptNumber}/resolution} {@code {foundTrue, reply}} by that office.
 *
 * <p>The resolution names the <b>case's</b> version in {@code If-Match} and answers the case's new {@code ETag}: it
 * changes the case (the count of open complaints; the notice, revoked, when the complaint is found true), like every
 * other act on the case, and a complaint is resolved once whatever its version.
 */
@RestController
class CaseComplaintController {

    private static final String COMPLAINTS = "/api/v1/acceptance/cases/{institutionId}/complaints";

    private final ComplaintService complaints;

    CaseComplaintController(ComplaintService complaints) {
        this.complaints = complaints;
    }

    /** The complaints against the case, oldest first. */
    @GetMapping(COMPLAINTS)
    List<ComplaintView> list(@PathVariable String institutionId, Caller caller) {
        return complaints.ofCase(caller, institutionId).stream()
                .map(handled -> ComplaintView.of(handled.complaint(), handled.handling())).toList();
    }

    /** ACC-09: found true (the notice is revoked, the case goes back to acceptance) or unfounded, with a reply. */
    @PostMapping(COMPLAINTS + "/{receiptNumber}/resolution")
    ResponseEntity<ResolutionView> resolve(@PathVariable String institutionId, @PathVariable String receiptNumber,
                                           @RequestBody ResolutionRequest request,
                                           @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                           Caller caller) {
        long basedOn = IfMatch.version(ifMatch);
        ComplaintService.Resolved resolved = complaints.resolve(caller, institutionId, receiptNumber, basedOn,
                request.foundTrue(), request.reply());
        AcceptanceCase after = resolved.acceptanceCase();
        return ResponseEntity.ok().eTag(IfMatch.etag(after.version()))
                .body(new ResolutionView(ComplaintView.of(resolved.complaint(), true),
                        new CaseAfter(after.state(), after.openComplaints(), after.version())));
    }

    record ResolutionRequest(Boolean foundTrue, String reply) {
    }

    /**
     * A complaint as an office reads it; {@code contact} is left out for every office but the one handling it
     * (ACC-10).
     */
    record ComplaintView(String receiptNumber, String institutionId, String noticeNumber, ComplaintState state,
                         String text, @JsonInclude(JsonInclude.Include.NON_NULL) String contact,
                         boolean contactWithheld, String reply, Instant submittedAt, LocalDate submittedOn,
                         Actor resolvedBy, Instant resolvedAt, LocalDate resolvedOn, long version) {

        static ComplaintView of(Complaint c, boolean handling) {
            return new ComplaintView(c.receiptNumber(), c.institutionId(), c.noticeNumber(), c.state(), c.text(),
                    handling ? c.contact() : null, !handling && c.contact() != null, c.reply(), c.submittedAt(),
                    c.submittedOn(), c.resolvedBy(), c.resolvedAt(), c.resolvedOn(), c.version());
        }
    }

    /** The case after a resolution: its state (OPEN again when the notice was revoked), open complaints, version. */
    record CaseAfter(CaseState state, int openComplaints, long version) {
    }

    record ResolutionView(ComplaintView complaint, CaseAfter acceptanceCase) {
    }
}
