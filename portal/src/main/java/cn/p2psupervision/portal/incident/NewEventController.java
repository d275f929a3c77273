package cn.p2psupervision.portal.incident;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.p2psupervision.portal.api.ApiProblemException;
import cn.p2psupervision.portal.api.ProblemMessages;
import cn.p2psupervision.portal.institution.Institutions;
import cn.p2psupervision.portal.institution.InstitutionField;
import cn.p2psupervision.portal.web.Entered;

/**
 * 登记风险事件 (INC-02): an officer of the institution's registration province records an event about it, from its
 * file or by its credit code; the 2-hour and 4-hour clocks of an especially major event run from this recording. The
 * institution is looked up first, so that one out of the officer's scope is refused at its field.
 */
@Controller
class NewEventController {

    private final IncidentApi api;
    private final InstitutionField institutions;
    private final ProblemMessages problems;
    private final MessageSource messages;

    NewEventController(IncidentApi api, InstitutionField institutions, ProblemMessages problems,
                       MessageSource messages) {
        this.api = api;
        this.institutions = institutions;
        this.problems = problems;
        this.messages = messages;
    }

    @GetMapping("/incidents/new")
    String form(@RequestParam(required = false) String institution, Model model, Locale locale) {
        Form form = new Form(institution, null, null, null, null);
        institutions.prefill(institution, model, locale);
        return show(form, model);
    }

    @PostMapping("/incidents")
    String record(@RequestParam(required = false) String institution, @RequestParam(required = false) String type,
                  @RequestParam(required = false) String title, @RequestParam(required = false) String description,
                  @RequestParam(required = false) String lendersAffected, Model model, Locale locale,
                  RedirectAttributes redirect) {
        Form form = new Form(institution, type, title, description, lendersAffected);
        Institutions.File file = institutions.lookUp(institution, model, locale).orElse(null);
        if (file == null) {
            return show(form, model);
        }
        Long lenders;
        try {
            lenders = lenders(lendersAffected);
        } catch (NumberFormatException notAWholeNumber) {
            model.addAttribute("refusal", List.of(messages.getMessage("inc.new.lendersNotANumber", null,
                    locale)));
            return show(form, model);
        }
        try {
            Events.Event recorded = api.record(new Events.Draft(file.id(), Entered.text(type), Entered.text(title),
                    Entered.text(description), lenders));
            redirect.addFlashAttribute("eventDone", "recorded");
            redirect.addFlashAttribute("eventVersion", recorded.version());
            return "redirect:/incidents/" + recorded.id();
        } catch (ApiProblemException refused) {
            model.addAttribute("refusal", problems.describe(refused.problem(), locale));
            return show(form, model);
        }
    }

    private String show(Form form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("eventTypes", EventActs.EVENT_TYPES);
        return "incidents/new";
    }

    /** The officer's estimate of lenders affected, when given; the service refuses a negative one. */
    private static Long lenders(String entered) {
        return entered == null || entered.isBlank() ? null : Long.valueOf(entered.strip());
    }

    /** What the officer entered, shown again after a refusal. */
    record Form(String institution, String type, String title, String description, String lendersAffected) {
    }
}
