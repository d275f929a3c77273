package cn.p2psupervision.registry.report;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.p2psupervision.platform.input.InputPolicy;

/**
 * REG-03 operating data for the other contexts (issue 7: the screening flags of classification read an institution's
 * monthly series here, never from the registry's database), service to service. Under {@code /internal/**}: only the
 * {@code internal-service} role, and never routed by the gateway. The caller is the platform itself, so no province
 * scope applies; the contexts decide who of their users may see what they derive.
 */
@RestController
@RequestMapping("/internal/registry/institutions/{idOrCode}/reports")
class InternalReportController {

    private final ReportService reports;

    InternalReportController(ReportService reports) {
        this.reports = reports;
    }

    /**
     * The series: the latest revision of each month, the oldest first, optionally between {@code from} and {@code to}
     * (yyyy-MM, both included); 404 when the institution does not exist.
     */
    @GetMapping
    List<OperatingReport> series(@PathVariable String idOrCode, @RequestParam(required = false) String from,
                                 @RequestParam(required = false) String to) {
        return reports.internalSeries(idOrCode, InputPolicy.month("from", from), InputPolicy.month("to", to));
    }
}
