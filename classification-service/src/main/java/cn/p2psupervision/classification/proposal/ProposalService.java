package cn.p2psupervision.classification.proposal;

import java.util.List;

import org.springframework.stereotype.Service;

import cn.p2psupervision.classification.catalogue.ProblemCatalogue;
import cn.p2psupervision.classification.finding.Finding;
import cn.p2psupervision.classification.finding.FindingStore;
import cn.p2psupervision.classification.screening.MonthlyFigures;
import cn.p2psupervision.classification.screening.Screening;
import cn.p2psupervision.classification.screening.ScreeningFlag;
import cn.p2psupervision.classification.screening.ThresholdSettings;
import cn.p2psupervision.platform.registryfeed.InstitutionDirectory;
import cn.p2psupervision.platform.registryfeed.InstitutionReference;
import cn.p2psupervision.platform.registryfeed.MonthlyReport;
import cn.p2psupervision.platform.registryfeed.RegistryReports;
import cn.p2psupervision.platform.security.Caller;

/**
 * CLS-04..CLS-07: gathers what the proposal is made from — the institution's findings (this context), its operating
 * reports (read from the registry through {@link RegistryReports}: with the registry down, a 503 naming it and no
 * proposal at all, never one from missing figures), its registry facts (this context's projection) and the central
 * thresholds — and hands them to the pure {@link Proposal#propose}.
 */
@Service
public class ProposalService {

    private final InstitutionDirectory institutions;
    private final FindingStore findings;
    private final RegistryReports reports;
    private final ThresholdSettings thresholds;
    private final ProblemCatalogue catalogue;

    ProposalService(InstitutionDirectory institutions, FindingStore findings, RegistryReports reports,
                    ThresholdSettings thresholds, ProblemCatalogue catalogue) {
        this.institutions = institutions;
        this.findings = findings;
        this.reports = reports;
        this.thresholds = thresholds;
        this.catalogue = catalogue;
    }

    /** The proposal for an institution the caller may read (404 otherwise). */
    public Proposal propose(Caller caller, String institutionId) {
        return proposeFor(institutions.readableBy(caller, institutionId));
    }

    /** The proposal from the facts as they are now. */
    public Proposal proposeFor(InstitutionReference institution) {
        List<Finding> current = findings.ofInstitution(institution.id());
        List<MonthlyFigures> figures = reports.series(institution.id()).stream().map(ProposalService::figures)
                .toList();
        List<ScreeningFlag> flags = Screening.flags(figures, current, thresholds.current());
        return Proposal.propose(current, flags, facts(institution), catalogue);
    }

    static InstitutionFacts facts(InstitutionReference institution) {
        return new InstitutionFacts(institution.id(), institution.inScope(), institution.status(),
                institution.custodyBank(), institution.establishedOn(), institution.lendingStartedOn());
    }

    private static MonthlyFigures figures(MonthlyReport report) {
        return new MonthlyFigures(java.time.YearMonth.parse(report.period()), report.loanBalance(), report.lenders(),
                report.borrowers(), report.newLending(), report.highestYield());
    }
}
