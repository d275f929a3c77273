package cn.p2psupervision.portal.classification;

import java.util.Locale;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.p2psupervision.portal.api.ApiProblemException;
import cn.p2psupervision.portal.api.ProblemMessages;
import cn.p2psupervision.portal.institution.RegistryApi;
import cn.p2psupervision.portal.security.PortalUser;
import cn.p2psupervision.portal.web.Entered;

/**
 * The acts of CLS-07 from an institution's file: an officer of the registration province records the category,
 * a head of it approves (AUTH-04), central reopens an approved decision with a written reason (AUTH-03). Each sends the version the page showed ({@code If-Match}); a refusal re-renders the
 * file with the message at the form (a stale version naming the current one, which the page now shows), the user's
 * entries kept.
 */
@Controller
class DecisionController {

    private final ClassificationApi api;
    private final RegistryApi registry;
    private final ClassificationSection section;
    private final ProblemMessages problems;

    DecisionController(ClassificationApi api, RegistryApi registry, ClassificationSection section,
                       ProblemMessages problems) {
        this.api = api;
        this.registry = registry;
        this.section = section;
        this.problems = problems;
    }

    @PostMapping("/institutions/{id}/decision")
    String record(@PathVariable String id, @RequestParam(required = false) String category,
                  @RequestParam(required = false) String reason, @RequestParam(required = false) Long version,
                  Authentication authentication, Model model, Locale locale, RedirectAttributes redirect) {
        String written = Entered.text(reason);
        try {
            Decisions.Entry recorded = api.record(id, category, written, version);
            redirect.addFlashAttribute("decisionDone", "recorded");
            redirect.addFlashAttribute("decisionVersion", recorded.version());
            return "redirect:/institutions/{id}";
        } catch (ApiProblemException refused) {
            model.addAttribute("recordForm", new RecordForm(category, reason));
            return refused(id, "record", refused, authentication, model, locale);
        }
    }

    @PostMapping("/institutions/{id}/decision/approval")
    String approve(@PathVariable String id, @RequestParam long version, Authentication authentication, Model model,
                   Locale locale, RedirectAttributes redirect) {
        try {
            Decisions.Entry approved = api.approve(id, version);
            redirect.addFlashAttribute("decisionDone", "approved");
            redirect.addFlashAttribute("decisionVersion", approved.version());
            return "redirect:/institutions/{id}";
        } catch (ApiProblemException refused) {
            return refused(id, "approve", refused, authentication, model, locale);
        }
    }

    @PostMapping("/institutions/{id}/decision/reopening")
    String reopen(@PathVariable String id, @RequestParam(required = false) String reason, @RequestParam long version,
                  Authentication authentication, Model model, Locale locale, RedirectAttributes redirect) {
        try {
            Decisions.Entry reopened = api.reopen(id, Entered.text(reason),
                    version);
            redirect.addFlashAttribute("decisionDone", "reopened");
            redirect.addFlashAttribute("decisionVersion", reopened.version());
            return "redirect:/institutions/{id}";
        } catch (ApiProblemException refused) {
            model.addAttribute("reopenReason", reason);
            return refused(id, "reopen", refused, authentication, model, locale);
        }
    }

    /** The file again, read now, with the refusal at the form that was sent. */
    private String refused(String id, String form, ApiProblemException refused, Authentication authentication,
                           Model model, Locale locale) {
        var file = registry.file(id);
        model.addAttribute("file", file);
        section.addTo(model, file, PortalUser.of(authentication), locale);
        model.addAttribute("refusedForm", form);
        model.addAttribute("refusal", problems.describe(refused.problem(), locale));
        return "institution";
    }

    /** What the officer entered, shown again after a refusal. */
    record RecordForm(String category, String reason) {
    }
}
