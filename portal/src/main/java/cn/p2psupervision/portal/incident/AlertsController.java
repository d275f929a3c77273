package cn.p2psupervision.portal.incident;

import java.util.List;
import java.util.Locale;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import cn.p2psupervision.portal.api.ApiProblemException;
import cn.p2psupervision.portal.api.PageOf;
import cn.p2psupervision.portal.api.ProblemMessages;
import cn.p2psupervision.portal.security.PortalUser;
import cn.p2psupervision.portal.web.Entered;

/**
 * 非现场监测预警 (INC-11): the alerts the user may read in one state (the open ones unless another is chosen, all when
 * the choice is empty) with the metric, its threshold, the value and the months behind it; on an open alert of the
 * user's own province, the forms to dismiss it with a reason or to turn it into a risk signal (INC-01) of a chosen
 * type with a note, which, done, leads to the new signal. The API decides who may (the registration province).
 */
@Controller
class AlertsController {

    private final IncidentApi api;
    private final ProblemMessages problems;

    AlertsController(IncidentApi api, ProblemMessages problems) {
        this.api = api;
        this.problems = problems;
    }

    /** {@code state} absent: the open alerts; empty: every state. */
    @GetMapping("/incidents/alerts")
    String list(@RequestParam(required = false) String state, @RequestParam(defaultValue = "0") int page,
                Authentication user, Model model) {
        show(state == null ? "OPEN" : Entered.text(state), Math.max(page, 0), PortalUser.of(user),
                model);
        return "incidents/alerts";
    }

    @PostMapping("/incidents/alerts/{alertId}/dismissal")
    String dismiss(@PathVariable String alertId, @RequestParam MultiValueMap<String, String> form,
                   Authentication user, Model model, Locale locale, RedirectAttributes redirect) {
        try {
            WatchList.Alert dismissed = api.dismissAlert(alertId, Entered.field(form, "reason"));
            redirect.addFlashAttribute("alertDone", "dismissed");
            redirect.addFlashAttribute("alertName", dismissed.name());
            return "redirect:/incidents/alerts";
        } catch (ApiProblemException refusal) {
            return refused("dismiss", alertId, form, user, model, problems.describe(refusal.problem(), locale));
        }
    }

    /** INC-11 → INC-01: done, the new signal's page. */
    @PostMapping("/incidents/alerts/{alertId}/signal")
    String toSignal(@PathVariable String alertId, @RequestParam MultiValueMap<String, String> form,
                    Authentication user, Model model, Locale locale, RedirectAttributes redirect) {
        try {
            Signals.Signal signal = api.alertToSignal(alertId, Entered.field(form, "type"),
                    Entered.field(form, "note"));
            redirect.addFlashAttribute("signalDone", "fromAlert");
            return "redirect:/incidents/signals/" + signal.id();
        } catch (ApiProblemException refusal) {
            return refused("signal", alertId, form, user, model, problems.describe(refusal.problem(), locale));
        }
    }

    /**
     * The list again in the state it was shown in, the refusal at the alert's form; when the page shows no such form
     * (the alert was handled meanwhile, or is not the user's province's), above the list.
     */
    private String refused(String name, String alertId, MultiValueMap<String, String> form, Authentication user,
                           Model model, List<String> refusal) {
        String listState = form.containsKey("listState") ? Entered.text(form.getFirst("listState"))
                : "OPEN";
        PortalUser by = PortalUser.of(user);
        PageOf<WatchList.Alert> alerts = show(listState, 0, by, model);
        model.addAttribute("refusedForm", name);
        model.addAttribute("refusedAlert", alertId);
        model.addAttribute("refusal", refusal);
        model.addAttribute("entered", form.toSingleValueMap());
        String province = by != null && by.isProvincial() ? by.province() : null;
        model.addAttribute("refusalAbove", alerts.content().stream()
                .noneMatch(a -> a.id().equals(alertId) && a.open() && a.registeredProvince().equals(province)));
        return "incidents/alerts";
    }

    private PageOf<WatchList.Alert> show(String state, int page, PortalUser user, Model model) {
        PageOf<WatchList.Alert> alerts = api.alerts(state, page);
        model.addAttribute("alerts", alerts);
        model.addAttribute("state", state);
        model.addAttribute("states", WatchList.ALERT_STATES);
        model.addAttribute("signalTypes", Signals.TYPES);
        model.addAttribute("userProvince", user != null && user.isProvincial() ? user.province() : null);
        String base = UriComponentsBuilder.fromPath("/incidents/alerts").queryParam("state", state == null ? "" : state)
                .encode().build().toUriString();
        model.addAttribute("pageUrl", base + "&page=");
        return alerts;
    }
}
