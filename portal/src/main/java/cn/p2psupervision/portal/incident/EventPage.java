package cn.p2psupervision.portal.incident;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import cn.p2psupervision.portal.api.ApiProblemException;
import cn.p2psupervision.portal.api.ConcurrentReads;
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
    private final ConcurrentReads reads;

    EventPage(IncidentApi api, ProblemMessages problems, ConcurrentReads reads) {
        this.api = api;
        this.reads = reads;
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
            Supplier<Events.LevelProposal> proposal = reads.start(() -> api.levelProposal(event.id()));
            Supplier<PageOf<Signals.Signal>> unlinked = reads.start(
                    () -> api.signals(false, event.institutionId(), 0));
            try {
                model.addAttribute("proposal", proposal.get());
            } catch (ApiProblemException unavailable) {
                model.addAttribute("proposalProblem", problems.describe(unavailable.problem(), locale));
            }
            try {
                PageOf<Signals.Signal> signals = unlinked.get();
                model.addAttribute("unlinkedSignals", signals == null ? List.of() : signals.content());
            } catch (ApiProblemException unavailable) {
                model.addAttribute("unlinkedProblem", problems.describe(unavailable.problem(), locale));
            }
        }
    }
}
