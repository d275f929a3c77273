package cn.p2psupervision.registry.report;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.p2psupervision.platform.input.InputPolicy;
import cn.p2psupervision.platform.security.Caller;
import cn.p2psupervision.registry.institution.InstitutionPaths;

/** {@code /api/v1/registry/institutions/{id}/reports}: monthly operating data (REG-03). */
@RestController
@RequestMapping(InstitutionPaths.BASE + InstitutionPaths.FILE + "/reports")
class ReportController {

    private final ReportService reports;

    ReportController(ReportService reports) {
        this.reports = reports;
    }

    /** Submits the report of a month; a second report of the same month is a correction and needs a reason. */
    @PostMapping
    ResponseEntity<OperatingReport> submit(@PathVariable String idOrCode, @Valid @RequestBody ReportSubmission request,
                                           Caller caller) {
        ReportService.Submitted submitted = reports.submit(caller, idOrCode, request);
        OperatingReport report = submitted.report();
        if (!submitted.created()) {
            return ResponseEntity.ok(report);
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/registry/institutions/" + report.institutionId() + "/reports/"
                        + report.period()))
                .body(report);
    }

    /** The series: latest revision of each month, optionally between {@code from} and {@code to} (yyyy-MM). */
    @GetMapping
    List<OperatingReport> series(@PathVariable String idOrCode, Caller caller,
                                 @RequestParam(required = false) String from,
                                 @RequestParam(required = false) String to) {
        return reports.series(caller, idOrCode, InputPolicy.month("from", from), InputPolicy.month("to", to));
    }

    /** Every revision of one month. */
    @GetMapping("/{period}")
    List<OperatingReport> revisions(@PathVariable String idOrCode, @PathVariable String period, Caller caller) {
        return reports.revisions(caller, idOrCode, InputPolicy.month("period", period));
    }
}
