package cn.p2psupervision.portal.institution;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.p2psupervision.portal.api.ApiProblemException;
import cn.p2psupervision.portal.api.ProblemMessages;
import cn.p2psupervision.portal.web.Entered;

/**
 * 逐一核实 and 签字确认 of a file (REG-06): its verifications and attestation, and for the registration province (the
 * registry answers {@code access: WRITE}; central and business places read only) the forms to record a verification
 * and the signed confirmation. Each act sends the version the page showed ({@code If-Match}); a refusal re-renders
 * the page with the file as it is now, the message at the form, what the registry refused at its fields, and the
 * entries kept.
 */
@Controller
class VerificationController {

    static final List<String> METHODS = List.of("PUBLIC_ANNOUNCEMENT", "PHONE_CONTACT", "ON_SITE_SURVEY",
            "EXECUTIVE_INTERVIEW", "ONLINE_CHECK");
    static final List<String> POSITIONS = List.of("LEGAL_REPRESENTATIVE", "SENIOR_EXECUTIVE");

    private final RegistryApi registry;
    private final ProblemMessages problems;
    private final FileChanges changes;
    private final Clock clock;

    VerificationController(RegistryApi registry, ProblemMessages problems, FileChanges changes, Clock clock) {
        this.registry = registry;
        this.problems = problems;
        this.changes = changes;
        this.clock = clock;
    }

    @GetMapping("/institutions/{id}/verification")
    String page(@PathVariable String id, Model model) {
        return page(registry.file(id), model);
    }

    @PostMapping("/institutions/{id}/verifications")
    String verify(@PathVariable String id, @RequestParam long version,
                  @ModelAttribute("verificationForm") VerificationForm form, Model model, Locale locale,
                  RedirectAttributes redirect) {
        try {
            Institutions.File verified = registry.verify(id, form.request(), version);
            redirect.addFlashAttribute("verificationDone", "verified");
            redirect.addFlashAttribute("verificationVersion", verified.version());
            return "redirect:/institutions/{id}/verification";
        } catch (ApiProblemException refused) {
            return refused(id, "verify", refused, model, locale);
        }
    }

    @PostMapping("/institutions/{id}/attestation")
    String attest(@PathVariable String id, @RequestParam long version,
                  @ModelAttribute("attestationForm") AttestationForm form, Model model, Locale locale,
                  RedirectAttributes redirect) {
        try {
            Institutions.File attested = registry.attest(id, form.request(), version);
            redirect.addFlashAttribute("verificationDone", "attested");
            redirect.addFlashAttribute("verificationVersion", attested.version());
            return "redirect:/institutions/{id}/verification";
        } catch (ApiProblemException refused) {
            return refused(id, "attest", refused, model, locale);
        }
    }

    private String page(Institutions.File file, Model model) {
        model.addAttribute("file", file);
        model.addAttribute("changes", changes);
        model.addAttribute("facts", FileChanges.FACTS);
        if (!model.containsAttribute("verifyErrors")) {
            model.addAttribute("verifyErrors", Map.of());
        }
        if (!model.containsAttribute("attestErrors")) {
            model.addAttribute("attestErrors", Map.of());
        }
        model.addAttribute("methods", METHODS);
        model.addAttribute("positions", POSITIONS);
        model.addAttribute("today", LocalDate.now(clock));
        return "institution-verification";
    }

    /** The page with the file read now (a stale version: the current one), the refusal at the form that was sent. */
    private String refused(String id, String form, ApiProblemException refused, Model model, Locale locale) {
        model.addAttribute("refusedForm", form);
        model.addAttribute("refusal", problems.describe(refused.problem(), locale));
        model.addAttribute(form + "Errors", ProblemMessages.byField(refused.problem()));
        return page(registry.file(id), model);
    }

    /**
     * What the officer entered for a verification: the facts confirmed, and corrections of the facts a form can
     * take as text (blank: not corrected).
     */
    record VerificationForm(String method, String date, String outcome, List<String> confirmed, String name,
                            String registeredAddress, String registeredCapital, String custodyBank,
                            String cooperatingBank) {

        VerificationForm {
            confirmed = confirmed == null ? List.of() : List.copyOf(confirmed);
        }

        RegistryApi.VerificationRequest request() {
            Map<String, Object> corrections = new LinkedHashMap<>();
            corrections.put("name", Entered.text(name));
            corrections.put("registeredAddress", Entered.text(registeredAddress));
            corrections.put("registeredCapital", Entered.text(registeredCapital));
            corrections.put("custodyBank", Entered.text(custodyBank));
            corrections.put("cooperatingBank", Entered.text(cooperatingBank));
            corrections.values().removeIf(Objects::isNull);
            return new RegistryApi.VerificationRequest(Entered.text(method), Entered.text(date), Entered.text(outcome), confirmed,
                    corrections);
        }
    }

    /** What the officer entered of the signed confirmation. */
    record AttestationForm(String signedBy, String position, String signedOn, String documentReference) {

        RegistryApi.AttestationRequest request() {
            return new RegistryApi.AttestationRequest(Entered.text(signedBy), Entered.text(position), Entered.text(signedOn),
                    Entered.text(documentReference));
        }
    }
}
