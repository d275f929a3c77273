package cn.p2psupervision.portal.acceptance;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.p2psupervision.portal.api.ApiProblem;
import cn.p2psupervision.portal.api.ApiProblemException;
import cn.p2psupervision.portal.security.PortalUser;
import cn.p2psupervision.portal.web.Entered;

/**
 * The acts on an acceptance case from its page (docs/api.md section 5): the joint team (ACC-03), checks and their
 * cross-verification (ACC-03..05, ACC-02e..h), the business places' opinions and central's waiver (ACC-16), the
 * conclusion and the resumption (ACC-07, ACC-14) and the resolution of a complaint (ACC-09). Each sends the version
 * the page showed ({@code If-Match}) and, done, goes back to the case with a confirmation; refused, the page is shown
 * again as the case stands now, the refusal in words at the form that was sent and what the user entered kept.
 */
@Controller
class CaseActsController {

    private final AcceptanceApi api;
    private final CasePage page;

    CaseActsController(AcceptanceApi api, CasePage page) {
        this.api = api;
        this.page = page;
    }

    /** ACC-03: a member joins the joint team. */
    @PostMapping("/acceptance/{id}/team")
    String addMember(@PathVariable String id, @RequestParam long version,
                     @RequestParam MultiValueMap<String, String> form, Authentication user, Model model,
                     Locale locale, RedirectAttributes redirect) {
        return act(id, "team", null, "memberAdded", form, user, model, locale, redirect, () -> api.act(
                HttpMethod.POST, "team", new MemberBody(Entered.field(form, "name"), Entered.field(form, "agency"),
                        Entered.field(form, "organisation")), version, id).version());
    }

    /** ACC-03: a member leaves the team; the checks they recorded still name them. */
    @PostMapping("/acceptance/{id}/team/{memberId}/removal")
    String removeMember(@PathVariable String id, @PathVariable String memberId, @RequestParam long version,
                        @RequestParam MultiValueMap<String, String> form, Authentication user, Model model,
                        Locale locale, RedirectAttributes redirect) {
        return act(id, "teamRemoval", memberId, "memberRemoved", form, user, model, locale, redirect,
                () -> api.act(HttpMethod.DELETE, "team/{memberId}", null, version, id, memberId).version());
    }

    /**
     * ACC-04, ACC-05, ACC-02e..h: a check recorded (again) by a current member; the custody bank is sent with the
     * custody check only, the field belonging to it.
     */
    @PostMapping("/acceptance/{id}/checks")
    String recordCheck(@PathVariable String id, @RequestParam long version,
                       @RequestParam MultiValueMap<String, String> form, Authentication user, Model model,
                       Locale locale, RedirectAttributes redirect) {
        String code = Entered.field(form, "code");
        return act(id, "check", null, "checkRecorded", form, user, model, locale, redirect, () -> api.act(
                HttpMethod.PUT, "checks/{code}", new CheckBody(Entered.field(form, "result"), Entered.field(form, "evidence"),
                        lines(form.getFirst("documents")), Entered.field(form, "note"), Entered.field(form, "recordedBy"),
                        CaseActs.CUSTODY_BANK.equals(code) ? Entered.field(form, "custodyBank") : null),
                version, id, required(code)).version());
    }

    /** ACC-03: cross-verification by a current member of another agency. */
    @PostMapping("/acceptance/{id}/checks/confirmation")
    String confirmCheck(@PathVariable String id, @RequestParam long version,
                        @RequestParam MultiValueMap<String, String> form, Authentication user, Model model,
                        Locale locale, RedirectAttributes redirect) {
        String code = Entered.field(form, "code");
        return act(id, "confirmation", null, "checkConfirmed", form, user, model, locale, redirect, () -> api.act(
                HttpMethod.POST, "checks/{code}/confirmation", new ConfirmationBody(Entered.field(form, "confirmedBy")),
                version, id, required(code)).version());
    }

    /** ACC-16: a business-place province answers its own opinion. */
    @PostMapping("/acceptance/{id}/opinions/{province}")
    String answerOpinion(@PathVariable String id, @PathVariable String province, @RequestParam long version,
                         @RequestParam MultiValueMap<String, String> form, Authentication user, Model model,
                         Locale locale, RedirectAttributes redirect) {
        return act(id, "opinion", province, "opinionAnswered", form, user, model, locale, redirect, () -> api.act(
                HttpMethod.POST, "opinions/{province}", new OpinionBody(yesOrNo(Entered.field(form, "agrees")),
                        Entered.field(form, "text")), version, id, province).version());
    }

    /** ACC-16, AUTH-03: central waives an opinion still asked. */
    @PostMapping("/acceptance/{id}/opinions/{province}/waiver")
    String waiveOpinion(@PathVariable String id, @PathVariable String province, @RequestParam long version,
                        @RequestParam MultiValueMap<String, String> form, Authentication user, Model model,
                        Locale locale, RedirectAttributes redirect) {
        return act(id, "waiver", province, "opinionWaived", form, user, model, locale, redirect, () -> api.act(
                HttpMethod.POST, "opinions/{province}/waiver", new ReasonBody(Entered.field(form, "reason")), version, id,
                province).version());
    }

    /**
     * ACC-07, ACC-14: the conclusion; the ground and "still operating" are sent only when given, so that the service
     * names a ground missing for a banning or stated for another outcome.
     */
    @PostMapping("/acceptance/{id}/conclusion")
    String conclude(@PathVariable String id, @RequestParam long version,
                    @RequestParam MultiValueMap<String, String> form, Authentication user, Model model, Locale locale,
                    RedirectAttributes redirect) {
        return act(id, "conclusion", null, "concluded", form, user, model, locale, redirect, () -> api.act(
                HttpMethod.POST, "conclusion", new ConclusionBody(Entered.field(form, "outcome"), Entered.field(form, "reason"),
                        Entered.field(form, "ground"), form.containsKey("stillOperating") ? Boolean.TRUE : null),
                version, id).version());
    }

    /** ACC-07: the institution resumed normal operation; the case is open again. */
    @PostMapping("/acceptance/{id}/resumption")
    String resume(@PathVariable String id, @RequestParam long version,
                  @RequestParam MultiValueMap<String, String> form, Authentication user, Model model, Locale locale,
                  RedirectAttributes redirect) {
        return act(id, "resumption", null, "resumed", form, user, model, locale, redirect, () -> api.act(
                HttpMethod.POST, "resumption", new NoteBody(Entered.field(form, "note")), version, id).version());
    }

    /** ACC-09: a complaint found true (the notice is revoked) or unfounded, with the reply; the case's version. */
    @PostMapping("/acceptance/{id}/complaints/{receiptNumber}/resolution")
    String resolve(@PathVariable String id, @PathVariable String receiptNumber, @RequestParam long version,
                   @RequestParam MultiValueMap<String, String> form, Authentication user, Model model, Locale locale,
                   RedirectAttributes redirect) {
        return act(id, "resolution", receiptNumber, "complaintResolved", form, user, model, locale, redirect,
                () -> api.resolve(id, receiptNumber, new ResolutionBody(yesOrNo(Entered.field(form, "foundTrue")),
                        Entered.field(form, "reply")), version).acceptanceCase().version());
    }

    private String act(String id, String name, String item, String done, MultiValueMap<String, String> form,
                       Authentication user, Model model, Locale locale, RedirectAttributes redirect,
                       LongSupplier call) {
        try {
            long after = call.getAsLong();
            redirect.addFlashAttribute("caseDone", done);
            redirect.addFlashAttribute("caseVersion", after);
            return "redirect:/acceptance/{id}";
        } catch (ApiProblemException refused) {
            return page.refused(id, name, item, entered(form), refused, PortalUser.of(user), model, locale);
        }
    }

    /** What the user entered, one value a field (the form has no field twice). */
    private static Map<String, String> entered(MultiValueMap<String, String> form) {
        return form.toSingleValueMap();
    }

    /** The check's code names the path: without it there is nothing to send. */
    private static String required(String code) {
        if (code == null) {
            throw new ApiProblemException(ApiProblem.ofStatus(400));
        }
        return code;
    }

    /** A radio's {@code true}/{@code false}; null when none was chosen, which the service refuses by name. */
    static Boolean yesOrNo(String value) {
        return value == null ? null : Boolean.valueOf(value);
    }

    /** The document references, one a line, blank lines left out. */
    static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
    }

    record MemberBody(String name, String agency, String organisation) {
    }

    record CheckBody(String result, String evidence, List<String> documents, String note, String recordedBy,
                     String custodyBank) {
    }

    record ConfirmationBody(String confirmedBy) {
    }

    record OpinionBody(Boolean agrees, String text) {
    }

    record ReasonBody(String reason) {
    }

    record ConclusionBody(String outcome, String reason, String ground, Boolean stillOperating) {
    }

    record NoteBody(String note) {
    }

    record ResolutionBody(Boolean foundTrue, String reply) {
    }
}
