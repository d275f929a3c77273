package cn.p2psupervision.portal.workqueue;

import java.util.Locale;
import java.util.function.Supplier;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.p2psupervision.portal.acceptance.AcceptanceApi;
import cn.p2psupervision.portal.acceptance.Cases;
import cn.p2psupervision.portal.api.ConcurrentReads;
import cn.p2psupervision.portal.api.PageOf;
import cn.p2psupervision.portal.api.PagePart;
import cn.p2psupervision.portal.api.ProblemMessages;
import cn.p2psupervision.portal.classification.ClassificationApi;
import cn.p2psupervision.portal.classification.DecisionNames;
import cn.p2psupervision.portal.classification.Decisions;
import cn.p2psupervision.portal.incident.Events;
import cn.p2psupervision.portal.incident.IncidentApi;
import cn.p2psupervision.portal.institution.InstitutionQuery;
import cn.p2psupervision.portal.institution.Institutions;
import cn.p2psupervision.portal.institution.RegistryApi;
import cn.p2psupervision.portal.security.PortalUser;

/**
 * 工作台, a provincial office's screen: what waits for the province, each part read from its own context (one that
 * cannot answer darkens only its part): the files still to verify (REG-06), the decisions waiting for a head's
 * approval (CLS-07, AUTH-04), the notices running with their days left and the complaints to handle (ACC-08..10),
 * the open especially major events with their 2-hour and 4-hour clocks (INC-06), the agency requests not answered in
 * time (AUTH-05), and the institutions registered in the province (AUTH-02), a page at a time.
 */
@Controller
class WorkQueueController {

    /** Rows shown of each part; each says how many there are in all. */
    static final int AWAITING_SHOWN = 10;
    static final int SHOWN = 5;

    private final RegistryApi registry;
    private final ClassificationApi classification;
    private final AcceptanceApi acceptance;
    private final IncidentApi incidents;
    private final DecisionNames names;
    private final ProblemMessages problems;
    private final ConcurrentReads reads;

    WorkQueueController(RegistryApi registry, ClassificationApi classification, AcceptanceApi acceptance,
                        IncidentApi incidents, DecisionNames names, ProblemMessages problems,
                        ConcurrentReads reads) {
        this.reads = reads;
        this.registry = registry;
        this.classification = classification;
        this.acceptance = acceptance;
        this.incidents = incidents;
        this.names = names;
        this.problems = problems;
    }

    @GetMapping("/work")
    String workQueue(@RequestParam(defaultValue = "0") int page, Authentication authentication, Model model,
                     Locale locale) {
        PortalUser user = PortalUser.of(authentication);
        InstitutionQuery query = new InstitutionQuery(user.province(), null, null, null, null, page);
        Supplier<PageOf<Decisions.Entry>> awaiting = reads.start(
                () -> classification.decisions("RECORDED", 0, AWAITING_SHOWN));
        Supplier<PageOf<Institutions.Summary>> institutions = reads.start(() -> registry.list(query));
        Supplier<PageOf<Institutions.Summary>> toVerify = reads.start(
                () -> registry.unverified(user.province(), SHOWN));
        Supplier<PageOf<Cases.Summary>> notices = reads.start(() -> acceptance.cases("ON_NOTICE", 0));
        Supplier<PageOf<Events.Summary>> events = reads.start(
                () -> incidents.events("OPEN", "ESPECIALLY_MAJOR", 0));
        Supplier<Integer> classificationRequests = reads.start(() -> classification.overdueAgencyRequests().size());
        Supplier<Integer> acceptanceRequests = reads.start(() -> acceptance.overdueAgencyRequests().size());
        Supplier<Integer> incidentRequests = reads.start(() -> incidents.overdueAgencyRequests().size());

        model.addAttribute("query", query);
        model.addAttribute("institutions", institutions.get());
        model.addAttribute("awaiting", awaiting.get());
        model.addAttribute("awaitingShown", names.of(awaiting.get().content()));
        model.addAttribute("toVerify", part(toVerify, locale));
        model.addAttribute("notices", part(notices, locale));
        model.addAttribute("events", part(events, locale));
        model.addAttribute("requests", PagePart.read(() -> classificationRequests.get() + acceptanceRequests.get()
                + incidentRequests.get(), null, problems, locale));
        return "work";
    }

    private <T> PagePart<PageOf<T>> part(Supplier<PageOf<T>> read, Locale locale) {
        return PagePart.read(read, null, problems, locale);
    }
}
