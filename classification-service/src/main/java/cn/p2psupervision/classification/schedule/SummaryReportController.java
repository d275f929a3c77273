package cn.p2psupervision.classification.schedule;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.databind.node.ObjectNode;

import cn.p2psupervision.platform.input.IfMatch;
import cn.p2psupervision.platform.input.InputPolicy;
import cn.p2psupervision.platform.province.Province;
import cn.p2psupervision.platform.security.Caller;

/**
 * {@code /api/v1/classification/summary-reports}: the provinces' summary reports (检查、查处、整改情况总结) and, for the
 * central office, which provinces are late (CLS-10).
 */
@RestController
@RequestMapping(SummaryReportController.BASE)
class SummaryReportController {

    static final String BASE = "/api/v1/classification/summary-reports";

    private final SummaryReportService reports;

    SummaryReportController(SummaryReportService reports) {
        this.reports = reports;
    }

    /** CLS-10: the central office's table of all 31 provinces, latest first, as of {@code asOf} (default today). */
    @GetMapping
    List<ReportLateness> lateness(Caller caller, @RequestParam(required = false) String asOf) {
        return reports.lateness(caller, InputPolicy.date("asOf", asOf));
    }

    /**
     * CLS-10/AUTH-04: the province's head files its report: {@code 201} for the first version, {@code 200} for the
     * next one (based on the version in {@code If-Match}).
     */
    @PutMapping("/{province}")
    ResponseEntity<SummaryReportView> file(@PathVariable String province, @RequestBody ObjectNode body, Caller caller,
                                           @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        SummaryReportFiling filing = SummaryReportFiling.read(body);
        SummaryReportService.Filed filed = reports.file(caller, province, ScheduleController.basedOn(ifMatch),
                filing.text(), filing.documents());
        SummaryReport report = filed.report();
        ResponseEntity.BodyBuilder response = filed.first()
                ? ResponseEntity.created(URI.create(BASE + "/" + report.province())) : ResponseEntity.ok();
        return response.eTag(IfMatch.etag(report.version())).body(SummaryReportView.of(report));
    }

    /** The province's current report, {@code ETag: "<version>"}. */
    @GetMapping("/{province}")
    ResponseEntity<SummaryReportView> get(@PathVariable String province, Caller caller, WebRequest request) {
        SummaryReport report = reports.read(caller, province);
        String etag = IfMatch.etag(report.version());
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok().eTag(etag).body(SummaryReportView.of(report));
    }

    /** Every version of the province's report, oldest first. */
    @GetMapping("/{province}/history")
    List<SummaryReportView> history(@PathVariable String province, Caller caller) {
        return reports.history(caller, province).stream().map(SummaryReportView::of).toList();
    }

    /** A version of a summary report as the API shows it; {@code filedBy} is a username. */
    record SummaryReportView(String province, String provinceName, long version, String text, List<String> documents,
                             String filedBy, Instant filedAt) {

        static SummaryReportView of(SummaryReport report) {
            return new SummaryReportView(report.province(),
                    Province.ofCode(report.province()).map(Province::chineseName).orElse(null), report.version(),
                    report.text(), report.documents(), report.filedBy().username(), report.filedAt());
        }
    }
}
