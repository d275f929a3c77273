package cn.p2psupervision.registry.report;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.p2psupervision.platform.input.InputPolicy;
import cn.p2psupervision.platform.problem.InvalidInputException;

/**
 * REG-03 operating data in bulk for the other contexts' scans (incidents: INC-10 zombie institutions, INC-11 off-site
 * monitoring), service to service: every institution's series of headline figures, a page of institutions at a time
 * in id order, one read of {@code report_figures} per page. Under {@code /internal/**}: only the
 * {@code internal-service} role, and never routed by the gateway; no province scope applies (the caller is the
 * platform itself; the contexts decide who of their users sees what they derive).
 */
@RestController
class InternalFiguresController {

    static final String PATH = "/internal/registry/report-figures";
    static final int DEFAULT_LIMIT = 500;
    static final int MAX_LIMIT = 1000;

    private final ReportStore reports;

    InternalFiguresController(ReportStore reports) {
        this.reports = reports;
    }

    /**
     * The institutions with an id after {@code after} (none: from the first), at most {@code limit} (1 to
     * {@value #MAX_LIMIT}, {@value #DEFAULT_LIMIT} by default) of them, each with its whole series the oldest month
     * first; {@code next} names the page's last institution while more follow.
     */
    @GetMapping(PATH)
    FiguresPage page(@RequestParam(required = false) String after, @RequestParam(required = false) Integer limit) {
        String from = after == null || after.isBlank() ? null : InputPolicy.text("after", after.strip(), 200);
        return reports.figuresAfter(from, limit(limit));
    }

    private static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }
}
