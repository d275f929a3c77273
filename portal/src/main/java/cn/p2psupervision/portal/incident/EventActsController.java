package cn.p2psupervision.portal.incident;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.p2psupervision.portal.api.ApiProblemException;
import cn.p2psupervision.portal.api.ProblemMessages;
import cn.p2psupervision.portal.security.PortalUser;
import cn.p2psupervision.portal.web.Entered;

/**
 * The acts on a risk event from its page (INC-01, INC-03..09): signals linked, level, watcher, emergency plan,
 * notification of the central offices, reports, measures and their progress, support notes, closure. Each sends the
 * version the page showed ({@code If-Match}) and, done, goes back to the event with a confirmation; refused, the page
 * is shown again as the event stands now, the refusal in words at the form that was sent and what the user entered
 * kept.
 */
@Controller
class EventActsController {

    private final IncidentApi api;
    private final EventPage page;
    private final ProblemMessages problems;

    EventActsController(IncidentApi api, EventPage page, ProblemMessages problems) {
        this.api = api;
        this.page = page;
        this.problems = problems;
    }

    /** INC-03: the level with the officer's reason; the platform's proposal is kept beside it. */
    @PostMapping("/incidents/{id}/level")
    String level(@PathVariable String id, @RequestParam long version, @RequestParam MultiValueMap<String, String> form,
                 Authentication user, Model model, Locale locale, RedirectAttributes redirect) {
        return act(id, "level", form, user, model, locale, redirect, () -> api.act(HttpMethod.PUT, "level",
                new LevelBody(Entered.field(form, "level"), Entered.field(form, "reason")), version, id));
    }

    /** INC-04 */
    @PostMapping("/incidents/{id}/watcher")
    String watcher(@PathVariable String id, @RequestParam long version,
                   @RequestParam MultiValueMap<String, String> form, Authentication user, Model model, Locale locale,
                   RedirectAttributes redirect) {
        return act(id, "watcher", form, user, model, locale, redirect, () -> api.act(HttpMethod.PUT, "watcher",
                new WatcherBody(Entered.field(form, "name"), Entered.field(form, "position"), Entered.field(form, "contact")),
                version, id));
    }

    /** INC-05, AUTH-04: a head starts the emergency plan. */
    @PostMapping("/incidents/{id}/plan/start")
    String startPlan(@PathVariable String id, @RequestParam long version,
                     @RequestParam MultiValueMap<String, String> form, Authentication user, Model model,
                     Locale locale, RedirectAttributes redirect) {
        return act(id, "planStart", form, user, model, locale, redirect, () -> api.act(HttpMethod.POST,
                "plan/start", new ReasonBody(Entered.field(form, "reason")), version, id));
    }

    @PostMapping("/incidents/{id}/plan/end")
    String endPlan(@PathVariable String id, @RequestParam long version,
                   @RequestParam MultiValueMap<String, String> form, Authentication user, Model model, Locale locale,
                   RedirectAttributes redirect) {
        return act(id, "planEnd", form, user, model, locale, redirect, () -> api.act(HttpMethod.POST, "plan/end",
                new ReasonBody(Entered.field(form, "reason")), version, id));
    }

    /** INC-06: the three central offices notified within 2 hours. */
    @PostMapping("/incidents/{id}/notification")
    String notification(@PathVariable String id, @RequestParam long version,
                        @RequestParam MultiValueMap<String, String> form, Authentication user, Model model,
                        Locale locale, RedirectAttributes redirect) {
        List<String> recipients = form.getOrDefault("recipients", List.of());
        return act(id, "notification", form, user, model, locale, redirect, () -> api.act(HttpMethod.POST,
                "notification", new NotificationBody(recipients, Entered.field(form, "reference")), version, id));
    }

    /** INC-06: the written report within 4 hours, then follow-ups. */
    @PostMapping("/incidents/{id}/reports")
    String report(@PathVariable String id, @RequestParam long version,
                  @RequestParam MultiValueMap<String, String> form, Authentication user, Model model, Locale locale,
                  RedirectAttributes redirect) {
        return act(id, "report", form, user, model, locale, redirect, () -> api.act(HttpMethod.POST, "reports",
                new ReportBody(Entered.field(form, "kind"), Entered.field(form, "text"), Entered.field(form, "reference")), version,
                id));
    }

    /** INC-07, INC-08 */
    @PostMapping("/incidents/{id}/measures")
    String measure(@PathVariable String id, @RequestParam long version,
                   @RequestParam MultiValueMap<String, String> form, Authentication user, Model model, Locale locale,
                   RedirectAttributes redirect) {
        return act(id, "measure", form, user, model, locale, redirect, () -> api.act(HttpMethod.POST, "measures",
                new MeasureBody(Entered.field(form, "kind"), Entered.field(form, "description"), Entered.field(form, "status")),
                version, id));
    }

    /** INC-07: a measure's progress; a finished one does not change. */
    @PostMapping("/incidents/{id}/measures/{measureId}")
    String measureProgress(@PathVariable String id, @PathVariable String measureId, @RequestParam long version,
                           @RequestParam MultiValueMap<String, String> form, Authentication user, Model model,
                           Locale locale, RedirectAttributes redirect) {
        form.set("measureId", measureId);
        return act(id, "progress", form, user, model, locale, redirect, () -> api.act(HttpMethod.PUT,
                "measures/{measureId}", new ProgressBody(Entered.field(form, "status"), Entered.field(form, "note")), version,
                id, measureId));
    }

    /** INC-09: a business-place province's support. */
    @PostMapping("/incidents/{id}/support-notes")
    String supportNote(@PathVariable String id, @RequestParam long version,
                       @RequestParam MultiValueMap<String, String> form, Authentication user, Model model,
                       Locale locale, RedirectAttributes redirect) {
        return act(id, "support", form, user, model, locale, redirect, () -> api.act(HttpMethod.POST,
                "support-notes", new TextBody(Entered.field(form, "text")), version, id));
    }

    /** INC-01: signals of the event's institution, not linked to an event yet, linked to this one. */
    @PostMapping("/incidents/{id}/signals")
    String linkSignals(@PathVariable String id, @RequestParam long version,
                       @RequestParam MultiValueMap<String, String> form, Authentication user, Model model,
                       Locale locale, RedirectAttributes redirect) {
        List<String> signalIds = form.getOrDefault("signalIds", List.of());
        return act(id, "signals", form, user, model, locale, redirect, () -> api.act(HttpMethod.POST, "signals",
                new SignalsBody(signalIds), version, id));
    }

    /** INC-06: central sets the hours between follow-up reports (1..720) with a reason. */
    @PostMapping("/incidents/{id}/follow-up-interval")
    String followUpInterval(@PathVariable String id, @RequestParam long version,
                            @RequestParam MultiValueMap<String, String> form, Authentication user, Model model,
                            Locale locale, RedirectAttributes redirect) {
        return act(id, "interval", form, user, model, locale, redirect, () -> api.act(HttpMethod.PUT,
                "follow-up-interval", new IntervalBody(Entered.wholeNumber(form.getFirst("hours")), Entered.field(form, "reason")),
                version, id));
    }

    /** 办结: once no emergency plan runs (INC-05). */
    @PostMapping("/incidents/{id}/closure")
    String close(@PathVariable String id, @RequestParam long version,
                 @RequestParam MultiValueMap<String, String> form, Authentication user, Model model, Locale locale,
                 RedirectAttributes redirect) {
        return act(id, "closure", form, user, model, locale, redirect, () -> api.act(HttpMethod.POST, "closure",
                new ReasonBody(Entered.field(form, "reason")), version, id));
    }

    private String act(String id, String name, MultiValueMap<String, String> form, Authentication user, Model model,
                       Locale locale, RedirectAttributes redirect, Supplier<Events.Event> call) {
        try {
            Events.Event after = call.get();
            redirect.addFlashAttribute("eventDone", name);
            redirect.addFlashAttribute("eventVersion", after.version());
            return "redirect:/incidents/{id}";
        } catch (ApiProblemException refused) {
            page.addTo(model, api.event(id), PortalUser.of(user), locale);
            model.addAttribute("refusedForm", name);
            model.addAttribute("refusal", problems.describe(refused.problem(), locale));
            model.addAttribute("entered", form.toSingleValueMap());
            model.addAttribute("enteredRecipients", form.getOrDefault("recipients", List.of()));
            model.addAttribute("enteredSignalIds", form.getOrDefault("signalIds", List.of()));
            return "incidents/event";
        }
    }

    record LevelBody(String level, String reason) {
    }

    record WatcherBody(String name, String position, String contact) {
    }

    record ReasonBody(String reason) {
    }

    record NotificationBody(List<String> recipients, String reference) {
    }

    record ReportBody(String kind, String text, String reference) {
    }

    record MeasureBody(String kind, String description, String status) {
    }

    record ProgressBody(String status, String note) {
    }

    record TextBody(String text) {
    }

    record IntervalBody(Object hours, String reason) {
    }

    record SignalsBody(List<String> signalIds) {
    }
}
