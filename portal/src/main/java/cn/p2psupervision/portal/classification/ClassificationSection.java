package cn.p2psupervision.portal.classification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.client.ResourceAccessException;

import cn.p2psupervision.portal.api.ApiProblem;
import cn.p2psupervision.portal.api.ApiProblemException;
import cn.p2psupervision.portal.api.ConcurrentReads;
import cn.p2psupervision.portal.api.FieldErrors;
import cn.p2psupervision.portal.api.ProblemMessages;
import cn.p2psupervision.portal.institution.Institutions;
import cn.p2psupervision.portal.security.PortalUser;

/**
 * 分类处置 on an institution's file (CLS-01..08): its findings, the platform's proposal with the five standards, the
 * current decision, the rectification order of an approved rectification decision, and which acts the user may do. The buttons follow the API's rules (AUTH-02..04) only
 * to spare the user a refusal: the API decides. Classification being unavailable does not hide the file: the
 * section says so instead.
 */
@Component
public class ClassificationSection {

    /** CLS-01: where a finding comes from, in the service's order. */
    static final List<String> SOURCES = List.of("ON_SITE_INSPECTION", "OFF_SITE_ANALYSIS", "PUBLIC_COMPLAINT",
            "OTHER_AGENCY", "REGISTRY_DATA");

    private final ClassificationApi api;
    private final ProblemMessages problems;
    private final Clock clock;
    private final ConcurrentReads reads;

    ClassificationSection(ClassificationApi api, ProblemMessages problems, Clock clock, ConcurrentReads reads) {
        this.reads = reads;
        this.api = api;
        this.problems = problems;
        this.clock = clock;
    }

    /** Adds the section ({@code classification}) for the file, as the user may act on it. */
    public void addTo(Model model, Institutions.File file, PortalUser user, Locale locale) {
        model.addAttribute("classification", of(file, user, locale));
        model.addAttribute("categories", Decisions.CATEGORIES);
        model.addAttribute("findingSources", SOURCES);
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", FieldErrors.NONE);
        }
        if (!model.containsAttribute("entered")) {
            model.addAttribute("entered", Map.of());
        }
    }

    View of(Institutions.File file, PortalUser user, Locale locale) {
        Supplier<List<Classification.Finding>> foundNow = reads.start(() -> api.findings(file.id()));
        Supplier<Classification.Catalogue> catalogueNow = reads.start(api::catalogue);
        Supplier<Decisions.Entry> decisionNow = reads.start(() -> api.decision(file.id()));
        Supplier<Classification.Proposal> proposalNow = reads.start(() -> api.proposal(file.id()));
        List<Classification.Finding> findings;
        Classification.Catalogue catalogue;
        Decisions.Entry decision;
        List<Decisions.Decision> versions;
        Supplier<Rectification.Order> orderNow = null;
        try {
            decision = decisionNow.get();
            Supplier<List<Decisions.Decision>> versionsNow = decision == null ? List::of
                    : reads.start(() -> api.decisionVersions(file.id()));
            if (decision != null && "RECTIFICATION".equals(decision.decision().category())) {
                orderNow = reads.start(() -> api.rectificationOrder(file.id()));
            }
            findings = foundNow.get();
            catalogue = catalogueNow.get();
            versions = versionsNow.get();
        } catch (ApiProblemException refused) {
            return View.unavailable(problems.describe(refused.problem(), locale));
        } catch (ResourceAccessException unreachable) {
            return View.unavailable(problems.describe(ApiProblem.ofStatus(503), locale));
        }
        if (catalogue == null) {
            catalogue = new Classification.Catalogue(List.of());
        }
        Rectification.Order order = null;
        List<String> orderProblem = List.of();
        if (orderNow != null) {
            try {
                order = orderNow.get();
            } catch (ApiProblemException refused) {
                orderProblem = problems.describe(refused.problem(), locale);
            } catch (ResourceAccessException unreachable) {
                orderProblem = problems.describe(ApiProblem.ofStatus(503), locale);
            }
        }
        Classification.Proposal proposal = null;
        List<String> proposalProblem = List.of();
        try {
            proposal = proposalNow.get();
        } catch (ApiProblemException refused) {
            proposalProblem = problems.describe(refused.problem(), locale);
        }
        boolean registrationOffice = user != null && user.isProvincial()
                && user.province().equals(file.registeredProvince());
        String state = decision == null ? null : decision.decision().state();
        boolean mayRecord = registrationOffice && !"APPROVED".equals(state);
        boolean ownRecord = decision != null && decision.decision().recordedBy() != null && user != null
                && user.username().equals(decision.decision().recordedBy().username());
        boolean mayApprove = registrationOffice && user.isHead() && "RECORDED".equals(state) && !ownRecord;
        boolean mayReopen = user != null && user.isCentral() && "APPROVED".equals(state);
        boolean approvedRectification = decision != null && "APPROVED".equals(state)
                && "RECTIFICATION".equals(decision.decision().category());
        Orders orders = new Orders(order, orderProblem, registrationOffice && approvedRectification && order == null
                && orderProblem.isEmpty(), registrationOffice && order != null && !order.itemsToReport().isEmpty(),
                registrationOffice && order != null && !order.openItemList().isEmpty());
        return new View(findings, catalogue, catalogue.names(), proposal, proposalProblem, decision, versions,
                mayRecord, mayApprove, mayReopen,
                registrationOffice && user.isHead() && "RECORDED".equals(state) && ownRecord, registrationOffice,
                orders, LocalDate.now(clock), List.of());
    }

    /**
     * @param catalogue       the problems a finding may name, grouped by kind in the finding forms (CLS-02/03)
     * @param versions        every version of the decision, oldest first (CLS-07: every version is kept)
     * @param mayReopen       central may reopen the approved decision (AUTH-03)
     * @param ownRecordNote   a head sees why there is no approval button: the decision is their own (AUTH-04)
     * @param mayWriteFindings the registration province records, amends and withdraws findings (CLS-01, AUTH-02)
     * @param orders          the rectification order and what the user may do with it (CLS-08)
     * @param today           the campaign's day, the latest a date field offers
     * @param unavailable     why the section cannot be shown (classification refused or unreachable); empty otherwise
     */
    public record View(List<Classification.Finding> findings, Classification.Catalogue catalogue,
                       Map<String, String> problemNames, Classification.Proposal proposal,
                       List<String> proposalProblem, Decisions.Entry decision, List<Decisions.Decision> versions,
                       boolean mayRecord, boolean mayApprove, boolean mayReopen, boolean ownRecordNote,
                       boolean mayWriteFindings, Orders orders, LocalDate today, List<String> unavailable) {

        static View unavailable(List<String> why) {
            return new View(List.of(), new Classification.Catalogue(List.of()), Map.of(), null, List.of(), null,
                    List.of(), false, false, false, false, false, Orders.NONE, null, why);
        }

        public String problemName(String code) {
            return problemNames.getOrDefault(code, code);
        }

        public long activeFindings() {
            return findings.stream().filter(f -> !f.withdrawn()).count();
        }

        /** Whether the finding is listed and active: its amendment and withdrawal forms are shown. */
        public boolean hasActiveFinding(String findingId) {
            return activeFindingList().stream().anyMatch(f -> f.id().equals(findingId));
        }

        /** The active findings, in the list's order: those an order may name (CLS-08). */
        public List<Classification.Finding> activeFindingList() {
            return findings.stream().filter(f -> !f.withdrawn()).toList();
        }
    }

    /**
     * The rectification order of the current round (CLS-08), shown once the decision is of category rectification.
     *
     * @param order       null while none is issued
     * @param problem     why the order could not be read; empty otherwise
     * @param mayIssue    the registration province issues the order of an approved rectification decision
     * @param mayReport   it reports the stock of the open items of violating business
     * @param mayComplete it records an open item's completion
     */
    public record Orders(Rectification.Order order, List<String> problem, boolean mayIssue, boolean mayReport,
                         boolean mayComplete) {

        static final Orders NONE = new Orders(null, List.of(), false, false, false);
    }
}
