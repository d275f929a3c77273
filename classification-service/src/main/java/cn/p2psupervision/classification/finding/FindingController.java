package cn.p2psupervision.classification.finding;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.p2psupervision.classification.finding.FindingStore.StoredFinding;
import cn.p2psupervision.platform.input.IfMatch;
import cn.p2psupervision.platform.security.Caller;

/** {@code /api/v1/classification/institutions/{institutionId}/findings}: CLS-01. */
@RestController
@RequestMapping("/api/v1/classification/institutions/{institutionId}/findings")
class FindingController {

    private final FindingService findings;

    FindingController(FindingService findings) {
        this.findings = findings;
    }

    @PostMapping
    ResponseEntity<Finding> record(@PathVariable String institutionId, @Valid @RequestBody FindingRequest request,
                                   Caller caller) {
        Finding finding = findings.record(caller, institutionId, request.details());
        return ResponseEntity.created(URI.create("/api/v1/classification/institutions/" + institutionId
                + "/findings/" + finding.id())).eTag(IfMatch.etag(finding.version())).body(finding);
    }

    /** The institution's findings, current versions (withdrawn ones included, marked so). */
    @GetMapping
    List<Finding> list(@PathVariable String institutionId, Caller caller) {
        return findings.list(caller, institutionId);
    }

    @GetMapping("/{findingId}")
    ResponseEntity<Finding> get(@PathVariable String institutionId, @PathVariable String findingId, Caller caller) {
        Finding current = findings.read(caller, institutionId, findingId).current();
        return ResponseEntity.ok().eTag(IfMatch.etag(current.version())).body(current);
    }

    /** Every version, oldest first. */
    @GetMapping("/{findingId}/versions")
    List<Finding> versions(@PathVariable String institutionId, @PathVariable String findingId, Caller caller) {
        StoredFinding stored = findings.read(caller, institutionId, findingId);
        return stored.versions();
    }

    /** The next version with new content, based on the version in {@code If-Match}. */
    @PutMapping("/{findingId}")
    ResponseEntity<Finding> amend(@PathVariable String institutionId, @PathVariable String findingId,
                                  @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                  @Valid @RequestBody FindingRequest request, Caller caller) {
        long basedOn = IfMatch.version(ifMatch);
        Finding next = findings.amend(caller, institutionId, findingId, basedOn, request.details());
        return ResponseEntity.ok().eTag(IfMatch.etag(next.version())).body(next);
    }

    /** Withdraws the finding with a reason (a new version; the finding stops counting). */
    @PostMapping("/{findingId}/withdrawal")
    ResponseEntity<Finding> withdraw(@PathVariable String institutionId, @PathVariable String findingId,
                                     @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                     @Valid @RequestBody WithdrawalRequest request, Caller caller) {
        long basedOn = IfMatch.version(ifMatch);
        Finding next = findings.withdraw(caller, institutionId, findingId, basedOn, request.reason());
        return ResponseEntity.status(HttpStatus.OK).eTag(IfMatch.etag(next.version())).body(next);
    }

    /** A finding as a client states it (CLS-01); the domain checks it against the catalogue and the day. */
    record FindingRequest(@NotNull String problemCode, @NotNull Evidence evidence, @NotNull FindingSource source,
                          @NotNull LocalDate foundOn, BigDecimal outstandingAmount) {

        FindingDetails details() {
            return new FindingDetails(problemCode, evidence, source, foundOn, outstandingAmount);
        }
    }

    record WithdrawalRequest(String reason) {
    }
}
