package cn.p2psupervision.portal.classification;

import java.util.List;
import java.util.Locale;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.p2psupervision.portal.api.ApiProblemException;
import cn.p2psupervision.portal.web.Entered;

/**
 * The findings of the investigation from an institution's file (排查发现的问题, CLS-01..03): the registration province
 * records a finding, amends it (its next version, the whole finding again) and withdraws it with a reason; an amendment
 * and a withdrawal send the version the page showed ({@code If-Match}). Done, the file comes back with a confirmation;
 * refused, the file is shown as it stands now with the refusal at the form, the refused fields marked and the entries
 * kept. The service decides who may (AUTH-02): the page offers the forms only to the registration province.
 */
@Controller
class FindingActsController {

    private final ClassificationApi api;
    private final FileActs acts;

    FindingActsController(ClassificationApi api, FileActs acts) {
        this.api = api;
        this.acts = acts;
    }

    @PostMapping("/institutions/{id}/findings")
    String record(@PathVariable String id, @RequestParam MultiValueMap<String, String> form,
                  Authentication authentication, Model model, Locale locale, RedirectAttributes redirect) {
        try {
            Classification.Finding recorded = api.recordFinding(id, finding(form));
            return done(redirect, "recorded", recorded);
        } catch (ApiProblemException refused) {
            return acts.refused(id, "finding", null, refused.problem(), form, authentication, model, locale);
        }
    }

    /** The finding's next version, based on the version the page showed. */
    @PostMapping("/institutions/{id}/findings/{findingId}")
    String amend(@PathVariable String id, @PathVariable String findingId, @RequestParam long version,
                 @RequestParam MultiValueMap<String, String> form, Authentication authentication, Model model,
                 Locale locale, RedirectAttributes redirect) {
        try {
            Classification.Finding amended = api.amendFinding(id, findingId, finding(form), version);
            return done(redirect, "amended", amended);
        } catch (ApiProblemException refused) {
            return acts.refused(id, "amend", findingId, refused.problem(), form, authentication, model, locale);
        }
    }

    /** Withdrawn with a reason (422 CLS-01 without); the finding stays readable and stops counting. */
    @PostMapping("/institutions/{id}/findings/{findingId}/withdrawal")
    String withdraw(@PathVariable String id, @PathVariable String findingId, @RequestParam long version,
                    @RequestParam MultiValueMap<String, String> form, Authentication authentication, Model model,
                    Locale locale, RedirectAttributes redirect) {
        try {
            Classification.Finding withdrawn = api.withdrawFinding(id, findingId, Entered.field(form, "reason"),
                    version);
            return done(redirect, "withdrawn", withdrawn);
        } catch (ApiProblemException refused) {
            return acts.refused(id, "withdraw", findingId, refused.problem(), form, authentication, model, locale);
        }
    }

    private static String done(RedirectAttributes redirect, String act, Classification.Finding finding) {
        redirect.addFlashAttribute("findingDone", act);
        redirect.addFlashAttribute("findingId", finding == null ? "" : finding.id());
        redirect.addFlashAttribute("findingVersion", finding == null ? "" : finding.version());
        return "redirect:/institutions/{id}";
    }

    /** The finding as entered; the evidence's documents one reference a line. */
    static ClassificationApi.FindingBody finding(MultiValueMap<String, String> form) {
        List<String> documents = FileActs.lines(form, "documents");
        return new ClassificationApi.FindingBody(Entered.field(form, "problemCode"),
                new ClassificationApi.EvidenceBody(Entered.field(form, "evidenceText"), documents),
                Entered.field(form, "source"), Entered.field(form, "foundOn"),
                FileActs.amount(form, "outstandingAmount"));
    }
}
