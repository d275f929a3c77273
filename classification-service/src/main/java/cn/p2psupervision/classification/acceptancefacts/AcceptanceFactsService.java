package cn.p2psupervision.classification.acceptancefacts;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.p2psupervision.classification.acceptancefacts.AcceptanceFacts.ApprovedDecision;
import cn.p2psupervision.classification.acceptancefacts.AcceptanceFacts.GateFinding;
import cn.p2psupervision.classification.acceptancefacts.AcceptanceFacts.Rectification;
import cn.p2psupervision.classification.catalogue.ProblemCatalogue;
import cn.p2psupervision.classification.catalogue.ProblemDefinition;
import cn.p2psupervision.classification.decision.Decision;
import cn.p2psupervision.classification.decision.DecisionStore;
import cn.p2psupervision.classification.finding.Finding;
import cn.p2psupervision.classification.finding.FindingStore;
import cn.p2psupervision.classification.rectification.RectificationItem;
import cn.p2psupervision.classification.rectification.RectificationOrder;
import cn.p2psupervision.classification.rectification.RectificationOrderStore;
import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.registryfeed.InstitutionDirectory;

/**
 * ACC-01/ACC-02 for the acceptance context: an institution's classification as acceptance reads it (整改验收所需的分类处置
 * 情况). The caller is the platform itself ({@code internal-service}), so no province scope applies; an institution this
 * context's projection does not know is 404.
 */
@Service
class AcceptanceFactsService {

    private final InstitutionDirectory institutions;
    private final DecisionStore decisions;
    private final RectificationOrderStore orders;
    private final FindingStore findings;
    private final ProblemCatalogue catalogue;

    AcceptanceFactsService(InstitutionDirectory institutions, DecisionStore decisions,
                           RectificationOrderStore orders, FindingStore findings, ProblemCatalogue catalogue) {
        this.institutions = institutions;
        this.decisions = decisions;
        this.orders = orders;
        this.findings = findings;
        this.catalogue = catalogue;
    }

    AcceptanceFacts of(String institutionId) {
        if (institutions.find(institutionId).isEmpty()) {
            throw ProblemException.notFound("Institution", institutionId);
        }
        Decision current = decisions.find(institutionId).map(DecisionStore.StoredDecision::current).orElse(null);
        ApprovedDecision approved = current == null || !current.approved() ? null
                : new ApprovedDecision(current.category(), current.round(), current.approvedAt());
        Optional<RectificationOrder> order = current == null ? Optional.empty()
                : orders.find(RectificationOrder.idOf(institutionId, current.round()))
                        .map(RectificationOrderStore.StoredOrder::order);
        Rectification rectification = order.map(o -> new Rectification(true, o.id(), o.deadline(),
                o.openItems() == 0, o.openItems())).orElse(Rectification.none());
        List<GateFinding> gateFindings = findings.ofInstitution(institutionId).stream()
                .filter(Finding::isActive)
                .map(finding -> gateFinding(finding, order.orElse(null)))
                .sorted(Comparator.comparing(GateFinding::foundOn).thenComparing(GateFinding::findingId))
                .toList();
        return new AcceptanceFacts(institutionId, approved, current == null ? null : current.state(), rectification,
                gateFindings);
    }

    /** The finding with its stock now: an item's latest reported stock, else what the finding states. */
    private GateFinding gateFinding(Finding finding, RectificationOrder order) {
        Optional<ProblemDefinition> problem = catalogue.find(finding.problemCode());
        RectificationItem item = order == null ? null : order.items().stream()
                .filter(i -> i.findingId().equals(finding.id())).findFirst().orElse(null);
        BigDecimal stock = finding.outstandingAmount();
        if (item != null && item.hasStock()) {
            stock = order.latestReported(item.number()).map(RectificationOrder.Stock::amount)
                    .orElse(item.baselineStock());
        }
        return new GateFinding(finding.id(), finding.problemCode(), problem.map(ProblemDefinition::name)
                .orElse(finding.problemCode()), problem.map(ProblemDefinition::kind).orElse(null), finding.foundOn(),
                stock, problem.map(ProblemDefinition::violatingBusiness).orElse(stock != null),
                item == null ? null : item.number(), item != null && item.completed());
    }
}
