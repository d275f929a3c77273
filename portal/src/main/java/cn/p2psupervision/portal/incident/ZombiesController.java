package cn.p2psupervision.portal.incident;

import java.time.Clock;
import java.time.LocalDate;
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
import cn.p2psupervision.portal.institution.Institutions;
import cn.p2psupervision.portal.institution.InstitutionField;
import cn.p2psupervision.portal.security.PortalUser;
import cn.p2psupervision.portal.web.Formats;
import cn.p2psupervision.portal.web.Entered;

/**
 * 僵尸类机构 (INC-10): the zombie institutions the user may read with the months at zero or the closure of bidding
 * that list each one, central by registration province when it chooses; the form on which a provincial officer or
 * head records a closure of bidding (停止发标) of an institution named by credit code or id, and the withdrawal of a
 * recorded closure, offered on the rows of the user's own province. The API decides who may (only the registration
 * province); a refusal is shown in words at its form with what was entered kept.
 */
@Controller
class ZombiesController {

    static final List<String> PROVINCES = List.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33",
            "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63",
            "64", "65");

    private final IncidentApi api;
    private final InstitutionField institutions;
    private final ProblemMessages problems;
    private final Clock clock;

    ZombiesController(IncidentApi api, InstitutionField institutions, ProblemMessages problems, Clock clock) {
        this.api = api;
        this.institutions = institutions;
        this.problems = problems;
        this.clock = clock;
    }

    @GetMapping("/incidents/zombies")
    String list(@RequestParam(required = false) String province, @RequestParam(defaultValue = "0") int page,
                Authentication user, Model model) {
        show(Entered.text(province), Math.max(page, 0), PortalUser.of(user), model);
        return "incidents/zombies";
    }

    /** INC-10: a closure of bidding the officer observed; the institution is listed at once. */
    @PostMapping("/incidents/zombies/bidding-closures")
    String recordClosure(@RequestParam MultiValueMap<String, String> form, Authentication user, Model model,
                         Locale locale, RedirectAttributes redirect) {
        Institutions.File file = institutions.lookUp(form.getFirst("institution"), model, locale).orElse(null);
        if (file == null) {
            return refused("closure", null, form, user, model, List.of());
        }
        try {
            api.recordBiddingClosure(new WatchList.ClosureDraft(file.id(),
                    Entered.field(form, "observedOn"), Entered.field(form, "evidence")));
            redirect.addFlashAttribute("zombieDone", "closure");
            redirect.addFlashAttribute("zombieName", file.name());
            return "redirect:/incidents/zombies";
        } catch (ApiProblemException refusal) {
            model.addAttribute("institutionFile", file);
            return refused("closure", null, form, user, model, problems.describe(refusal.problem(), locale));
        }
    }

    /** INC-10: the closure withdrawn, with why; the institution stays listed only by its figures. */
    @PostMapping("/incidents/zombies/bidding-closures/{institutionId}/withdrawal")
    String withdrawClosure(@PathVariable String institutionId, @RequestParam MultiValueMap<String, String> form,
                           Authentication user, Model model, Locale locale, RedirectAttributes redirect) {
        try {
            api.withdrawBiddingClosure(institutionId, Entered.field(form, "reason"));
            redirect.addFlashAttribute("zombieDone", "withdrawal");
            redirect.addFlashAttribute("zombieName", form.getFirst("name"));
            return "redirect:/incidents/zombies";
        } catch (ApiProblemException refusal) {
            return refused("withdrawal", institutionId, form, user, model,
                    problems.describe(refusal.problem(), locale));
        }
    }

    /**
     * The list again as it stands now, the refusal at the form that was sent; when the page shows no such form (the
     * closure was withdrawn meanwhile, or the user may not record one), above the list.
     */
    private String refused(String name, String institutionId, MultiValueMap<String, String> form,
                           Authentication user, Model model, List<String> refusal) {
        PortalUser by = PortalUser.of(user);
        PageOf<WatchList.Zombie> zombies = show(null, 0, by, model);
        model.addAttribute("refusedForm", name);
        model.addAttribute("refusedInstitution", institutionId);
        model.addAttribute("refusal", refusal);
        model.addAttribute("entered", form.toSingleValueMap());
        boolean provincial = by != null && by.isProvincial();
        boolean atItsForm = provincial && (institutionId == null || zombies.content().stream()
                .anyMatch(z -> z.institutionId().equals(institutionId) && z.biddingClosed()
                        && z.registeredProvince().equals(by.province())));
        model.addAttribute("refusalAbove", !atItsForm && !refusal.isEmpty());
        return "incidents/zombies";
    }

    private PageOf<WatchList.Zombie> show(String province, int page, PortalUser user, Model model) {
        PageOf<WatchList.Zombie> zombies = api.zombies(province, page);
        model.addAttribute("zombies", zombies);
        model.addAttribute("province", province);
        model.addAttribute("provinces", PROVINCES);
        model.addAttribute("today", LocalDate.now(clock.withZone(Formats.BEIJING)));
        model.addAttribute("mayRecord", user != null && user.isProvincial());
        model.addAttribute("userProvince", user == null ? null : user.province());
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/incidents/zombies");
        if (province != null) {
            url.queryParam("province", province);
        }
        String base = url.encode().build().toUriString();
        model.addAttribute("pageUrl", base + (base.contains("?") ? "&" : "?") + "page=");
        return zombies;
    }
}
