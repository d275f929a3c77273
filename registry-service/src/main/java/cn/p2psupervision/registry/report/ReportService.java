package cn.p2psupervision.registry.report;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import cn.p2psupervision.platform.audit.AuditTrail;
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

    static final String REPORTS = "operating_reports";

    private final MongoTemplate mongo;
    private final InstitutionService institutions;
    private final InstitutionStore files;
    private final AuditTrail audit;
    private final Clock clock;

    public ReportService(MongoTemplate mongo, InstitutionService institutions, InstitutionStore files, AuditTrail audit,
                         Clock clock) {
        this.mongo = mongo;
        this.institutions = institutions;
        this.files = files;
        this.audit = audit;
        this.clock = clock;
    }

    /** Submits a report; re-submitting the latest figures unchanged is recognised as a retry and changes nothing. */
    public Submitted submit(Caller caller, String idOrCode, ReportSubmission submission) {
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
            OperatingReport latest = latestRevision(id, figures.period());
            if (latest != null && latest.sameFiguresAs(figures, products, overdueAmount)) {
                files.recordFigures(id, latest.figures());
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
                mongo.insert(report, REPORTS);
            } catch (DuplicateKeyException concurrent) {
                if (attempt < 3) {
                    continue;
                }
                throw ProblemException.conflict("Concurrent submissions for " + figures.period() + "; retry");
            }
            files.recordFigures(id, report.figures());
            audit.record(caller, report.revision() == 1 ? "REPORT" : "CORRECT_REPORT", "institution", id,
                    latest == null ? null : latest.figures(), report.figures(), reason);
            return new Submitted(report, true);
        }
    }

    /** REG-03: the series of the latest revision per period, within [from, to]. */
    public List<OperatingReport> series(Caller caller, String idOrCode, YearMonth from, YearMonth to) {
        String id = institutions.read(caller, idOrCode).file().id();
        List<OperatingReport> series = new ArrayList<>();
        for (Map.Entry<String, Document> entry : files.figures(id).entrySet()) {
            YearMonth period = YearMonth.parse(entry.getKey());
            if ((from == null || !period.isBefore(from)) && (to == null || !period.isAfter(to))) {
                int revision = entry.getValue().getInteger("revision");
                OperatingReport report = mongo.findById(OperatingReport.idOf(id, entry.getKey(), revision),
                        OperatingReport.class, REPORTS);
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
            OperatingReport report = mongo.findById(OperatingReport.idOf(id, period.toString(), revision),
                    OperatingReport.class, REPORTS);
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

    private OperatingReport latestRevision(String id, String period) {
        OperatingReport latest = null;
        for (int revision = 1; ; revision++) {
            OperatingReport report = mongo.findById(OperatingReport.idOf(id, period, revision), OperatingReport.class,
                    REPORTS);
            if (report == null) {
                return latest;
            }
            latest = report;
        }
    }

    private static FactSource.Source defaultSource(Caller caller) {
        return caller.isCentral() ? FactSource.Source.INDUSTRY_DATABASE : FactSource.Source.INSTITUTION;
    }

    public record Submitted(OperatingReport report, boolean created) {
    }
}
