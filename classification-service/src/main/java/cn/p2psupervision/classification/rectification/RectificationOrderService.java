package cn.p2psupervision.classification.rectification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import cn.p2psupervision.classification.catalogue.ProblemCatalogue;
import cn.p2psupervision.classification.decision.Decision;
import cn.p2psupervision.classification.decision.DecisionStore;
import cn.p2psupervision.classification.finding.Finding;
import cn.p2psupervision.classification.finding.FindingStore;
import cn.p2psupervision.classification.rectification.RectificationOrderStore.StoredOrder;
import cn.p2psupervision.platform.audit.AuditTrail;
import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.registryfeed.InstitutionDirectory;
import cn.p2psupervision.platform.registryfeed.InstitutionReference;
import cn.p2psupervision.platform.security.Actor;
import cn.p2psupervision.platform.security.Caller;

/**
 * CLS-08 with AUTH-02/03/07: officers of the registration province issue the rectification order of an approved
 * rectification decision, report the violating stock of its items and record their completion; they, business-place
 * provinces and central read it, with the rises of stock and the new violating business flagged, and central sees which
 * orders are overdue. Every write is in the audit trail.
 */
@Service
public class RectificationOrderService {

    static final String ENTITY = "rectification-order";

    private final RectificationOrderStore orders;
    private final DecisionStore decisions;
    private final FindingStore findings;
    private final InstitutionDirectory institutions;
    private final ProblemCatalogue catalogue;
    private final AuditTrail audit;
    private final Clock clock;

    RectificationOrderService(RectificationOrderStore orders, DecisionStore decisions, FindingStore findings,
                              InstitutionDirectory institutions, ProblemCatalogue catalogue, AuditTrail audit,
                              Clock clock) {
        this.orders = orders;
        this.decisions = decisions;
        this.findings = findings;
        this.institutions = institutions;
        this.catalogue = catalogue;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Issues the order of the current decision round: only an approved decision of category rectification gets one
     * (422 CLS-08), and only one per round (409).
     */
    public RectificationOrderView issue(Caller caller, String institutionId, LocalDate issuedOn, LocalDate deadline,
                                        List<OrderedItem> items) {
        InstitutionReference institution = institutions.writableBy(caller, institutionId);
        Decision decision = decisions.find(institutionId).map(DecisionStore.StoredDecision::current).orElse(null);
        RectificationOrder.requireRectification(institutionId, decision);
        String orderId = RectificationOrder.idOf(institutionId, decision.round());
        if (orders.find(orderId).isPresent()) {
            throw ProblemException.conflict("Rectification order " + orderId + " was issued already for round "
                    + decision.round() + " of the decision on " + institutionId + ": one order per decision round");
        }
        Instant now = clock.instant();
        List<Finding> current = findings.ofInstitution(institutionId);
        RectificationOrder order = RectificationOrder.issue(institutionId, institution.registeredProvince(), decision,
                issuedOn, deadline, items, current, catalogue, Actor.of(caller), now);
        orders.insert(order);
        audit.record(caller, "ISSUE_RECTIFICATION_ORDER", ENTITY, order.id(), null, order, null);
        return RectificationOrderView.of(order, current, catalogue, today());
    }

    /** The order of the institution's current decision round, with what is computed from it today. */
    public RectificationOrderView read(Caller caller, String institutionId) {
        institutions.readableBy(caller, institutionId);
        return view(current(institutionId).order());
    }

    /** Records a stock report, and the rises it shows, in one write based on version {@code basedOn}. */
    public RectificationOrderView report(Caller caller, String institutionId, long basedOn, LocalDate asOf,
                                         List<StockFigure> figures) {
        institutions.writableBy(caller, institutionId);
        StoredOrder stored = current(institutionId, basedOn);
        RectificationOrder before = stored.order();
        RectificationOrder next = before.report(asOf, figures, Actor.of(caller), clock.instant());
        orders.replace(stored, next);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("version", next.version());
        after.put("report", next.stockReports().get(next.stockReports().size() - 1));
        after.put("alerts", next.alerts().subList(before.alerts().size(), next.alerts().size()));
        audit.record(caller, "REPORT_RECTIFICATION_STOCK", ENTITY, next.id(), Map.of("version", before.version()),
                after, null);
        return view(next);
    }

    /** Records that item {@code number} is rectified, based on version {@code basedOn}. */
    public RectificationOrderView complete(Caller caller, String institutionId, int number, long basedOn,
                                           LocalDate completedOn, String note) {
        institutions.writableBy(caller, institutionId);
        StoredOrder stored = current(institutionId, basedOn);
        RectificationOrder before = stored.order();
        RectificationOrder next = before.complete(number, completedOn, note, Actor.of(caller), clock.instant());
        orders.replace(stored, next);
        audit.record(caller, "COMPLETE_RECTIFICATION_ITEM", ENTITY, next.id(),
                Map.of("version", before.version(), "item", before.find(number).orElseThrow()),
                Map.of("version", next.version(), "item", next.find(number).orElseThrow()), null);
        return view(next);
    }

    /** AUTH-02/03: the orders the caller may read, newest first; {@code overdue} filters as of today. */
    public Page list(Caller caller, Boolean overdue, int page, int size) {
        LocalDate today = today();
        RectificationOrderStore.Page stored = orders.list(institutions.readable(caller), overdue, today, page, size);
        Set<String> institutionIds = stored.content().stream().map(StoredOrder::institutionId)
                .collect(Collectors.toSet());
        Map<String, List<Finding>> byInstitution = institutionIds.isEmpty() ? Map.of()
                : findings.ofInstitutions(institutionIds).stream()
                        .collect(Collectors.groupingBy(Finding::institutionId));
        List<RectificationOrderView.Summary> content = stored.content().stream()
                .map(s -> RectificationOrderView.Summary.of(s.order(),
                        byInstitution.getOrDefault(s.institutionId(), List.of()), catalogue, today))
                .toList();
        return new Page(content, stored.totalElements());
    }

    public record Page(List<RectificationOrderView.Summary> content, long totalElements) {
    }

    private RectificationOrderView view(RectificationOrder order) {
        return RectificationOrderView.of(order, findings.ofInstitution(order.institutionId()), catalogue, today());
    }

    private StoredOrder current(String institutionId, long basedOn) {
        StoredOrder stored = current(institutionId);
        if (stored.version() != basedOn) {
            throw ProblemException.staleVersion(stored.version());
        }
        return stored;
    }

    /** The order of the current decision round; 404 when that round has none. */
    private StoredOrder current(String institutionId) {
        return decisions.find(institutionId)
                .flatMap(d -> orders.find(RectificationOrder.idOf(institutionId, d.current().round())))
                .orElseThrow(() -> ProblemException.notFound("Rectification order for institution", institutionId));
    }

    /** Today in the campaign's zone, from the injected clock. */
    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), Finding.CHINA);
    }
}
