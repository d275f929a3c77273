package cn.p2psupervision.registry.report;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import cn.p2psupervision.platform.audit.AuditTrail;
import cn.p2psupervision.platform.input.InputPolicy;
import cn.p2psupervision.platform.problem.InvalidInputException;
import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.problem.RuleViolationException;
import cn.p2psupervision.platform.security.Caller;
import cn.p2psupervision.registry.institution.FactSource;
import cn.p2psupervision.registry.institution.InstitutionService;
import cn.p2psupervision.registry.institution.InstitutionStore;
import cn.p2psupervision.registry.institution.ReportFigures;

/**
 * Monthly operating reports (REG-03). The registration province submits them; central may append figures from its
 * industry and statistics sources (REG-05) — appending a sourced revision overwrites nothing (AUTH-03).
 */
@Service
public class ReportService {

    private final ReportStore reports;
    private final InstitutionService institutions;
    private final InstitutionStore files;
    private final AuditTrail audit;
    private final Clock clock;

    public ReportService(ReportStore reports, InstitutionService institutions, InstitutionStore files, AuditTrail audit,
                         Clock clock) {
        this.reports = reports;
        this.institutions = institutions;
        this.files = files;
        this.audit = audit;
        this.clock = clock;
    }

    /** Submits a report; re-submitting the latest figures unchanged is recognised as a retry and changes nothing. */
    public Submitted submit(Caller caller, String idOrCode, ReportSubmission submission) {
        InputPolicy.month("period", submission.period());
        if (submission.source() != null && !submission.source().claimable()) {
            throw new InvalidInputException("source", "must be one of " + Arrays.stream(FactSource.Source.values())
                    .filter(FactSource.Source::claimable).toList() + " (" + submission.source()
                    + " is recorded by its own endpoint)");
        }
        return submit(caller, idOrCode, submission.figures(), submission.toProducts(), submission.overdueAmount(),
                submission.source(), submission.reason());
    }

    private Submitted submit(Caller caller, String idOrCode, ReportFigures figures, List<OperatingReport.Product> products,
                             BigDecimal overdueAmount, FactSource.Source source, String reason) {
        InstitutionService.ScopedFile file = institutions.read(caller, idOrCode);
        if (!file.access().canWrite() && !caller.isCentral()) {
            throw ProblemException.forbidden("Only the registration province (or central, from its own sources) "
                    + "submits operating reports (AUTH-02)");
        }
        String id = file.file().id();
        for (int attempt = 0; ; attempt++) {
            OperatingReport latest = reports.latestRevision(id, figures.period());
            if (latest != null && latest.sameFiguresAs(figures, products, overdueAmount)) {
                // a retry: complete whatever a crash after the insert left undone (figures, audit), once
                derive(latest, caller);
                return new Submitted(latest, false);
            }
            if (caller.isCentral() && latest != null && latest.submittedProvince() != null) {
                throw new RuleViolationException("AUTH-03", "Province " + latest.submittedProvince() + " reported "
                        + figures.period() + ": central does not supersede a province's figures");
            }
            OperatingReport report = OperatingReport.submit(id, figures, products, overdueAmount,
                    source == null ? defaultSource(caller) : source, reason, caller.username(),
                    caller.isProvincial() ? caller.province() : null, latest, YearMonth.now(clock), clock.instant());
            try {
                reports.insert(report);
            } catch (DuplicateKeyException concurrent) {
                if (attempt < 3) {
                    continue;
                }
                throw ProblemException.conflict("Concurrent submissions for " + figures.period() + "; retry");
            }
            derive(report, caller);
            return new Submitted(report, true);
        }
    }

    /**
     * What follows from an inserted revision, each step idempotent so that a retry after a crash completes it: the
     * period's figures in the series, the latest figures on the file and its line, and one audit entry per revision
     * (AUTH-07), keyed by the revision's id, in the name of its submitter.
     */
    private void derive(OperatingReport report, Caller caller) {
        reports.recordFigures(report.institutionId(), report.figures());
        files.recordLatestReport(report.institutionId(), report.figures());
        OperatingReport previous = report.revision() == 1 ? null
                : reports.revision(report.institutionId(), report.period(), report.revision() - 1);
        Caller submitter = caller.username().equals(report.submittedBy()) ? caller
                : new Caller(report.submittedBy(), report.submittedBy(), Set.of(), report.submittedProvince(), null);
        audit.recordOnce("report:" + report.id(), submitter, report.revision() == 1 ? "REPORT" : "CORRECT_REPORT",
                "institution", report.institutionId(), previous == null ? null : previous.figures(), report.figures(),
                report.reason());
    }

    /** REG-03: the series of the latest revision per period, within [from, to]. */
    public List<OperatingReport> series(Caller caller, String idOrCode, YearMonth from, YearMonth to) {
        return seriesOf(institutions.read(caller, idOrCode).file().id(), from, to);
    }

    /**
     * REG-03, issue 7: the same series for the platform's own services (the other contexts' screening reads, through
     * {@code /internal/**}): no caller and no province scope, which a service identity does not have. 404 when the
     * institution does not exist.
     */
    public List<OperatingReport> internalSeries(String idOrCode, YearMonth from, YearMonth to) {
        return seriesOf(institutions.readForService(idOrCode).id(), from, to);
    }

    /** The latest revision of each period of the file {@code id} within [from, to], the oldest period first. */
    private List<OperatingReport> seriesOf(String id, YearMonth from, YearMonth to) {
        List<OperatingReport> series = new ArrayList<>();
        for (Map.Entry<String, ReportFigures> entry : reports.series(id).entrySet()) {
            YearMonth period = YearMonth.parse(entry.getKey());
            if ((from == null || !period.isBefore(from)) && (to == null || !period.isAfter(to))) {
                OperatingReport report = reports.revision(id, entry.getKey(), entry.getValue().revision());
                if (report != null) {
                    series.add(report);
                }
            }
        }
        return series;
    }

    /** REG-03: every revision of one period, the first first. */
    public List<OperatingReport> revisions(Caller caller, String idOrCode, YearMonth period) {
        String id = institutions.read(caller, idOrCode).file().id();
        List<OperatingReport> revisions = new ArrayList<>();
        for (int revision = 1; ; revision++) {
            OperatingReport report = reports.revision(id, period.toString(), revision);
            if (report == null) {
                break;
            }
            revisions.add(report);
        }
        if (revisions.isEmpty()) {
            throw ProblemException.notFound("Report", idOrCode + "/" + period);
        }
        return revisions;
    }

    private static FactSource.Source defaultSource(Caller caller) {
        return caller.isCentral() ? FactSource.Source.INDUSTRY_DATABASE : FactSource.Source.INSTITUTION;
    }

    public record Submitted(OperatingReport report, boolean created) {
    }
}
