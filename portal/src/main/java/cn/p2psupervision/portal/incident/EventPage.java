package cn.p2psupervision.portal.incident;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import cn.p2psupervision.portal.api.ApiProblemException;
import cn.p2psupervision.portal.api.PageOf;
import cn.p2psupervision.portal.api.ProblemMessages;
import cn.p2psupervision.portal.security.PortalUser;

/**
 * What the event's page shows: the event, the acts the user may do on it ({@link EventActs}) and, for those who set
 * the level, the platform's proposal (INC-03), which reads the registry; when it cannot be had, the page says why and
 * the level can still be set by the officer's own judgment. For the same users, the institution's signals not yet
 * linked to an event, which they may link to this one (INC-01); when they cannot be read, the page says why.
 */
@Component
class EventPage {

    private final IncidentApi api;
    private final ProblemMessages problems;

    EventPage(IncidentApi api, ProblemMessages problems) {
        this.api = api;
        this.problems = problems;
    }

    void addTo(Model model, Events.Event event, PortalUser user, Locale locale) {
        EventActs acts = EventActs.of(event, user);
        model.addAttribute("event", event);
        model.addAttribute("acts", acts);
        model.addAttribute("proposalProblem", List.of());
        model.addAttribute("unlinkedSignals", List.of());
        model.addAttribute("unlinkedProblem", List.of());
        if (acts.lead()) {
            try {
                model.addAttribute("proposal", api.levelProposal(event.id()));
            } catch (ApiProblemException unavailable) {
                model.addAttribute("proposalProblem", problems.describe(unavailable.problem(), locale));
            }
            try {
                PageOf<Signals.Signal> unlinked = api.signals(false, event.institutionId(), 0);
                model.addAttribute("unlinkedSignals", unlinked == null ? List.of() : unlinked.content());
            } catch (ApiProblemException unavailable) {
                model.addAttribute("unlinkedProblem", problems.describe(unavailable.problem(), locale));
            }
        }
    }
}
