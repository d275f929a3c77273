package cn.p2psupervision.portal.acceptance;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import cn.p2psupervision.portal.api.ApiProblemException;
import cn.p2psupervision.portal.security.PortalUser;
import cn.p2psupervision.portal.web.Entered;

/**
 * 整改验收: the cases the user may read (ACC-13: deadline, overdue; ACC-08: days of notice left) and a case with its
 * team, checks, opinions, notice, complaints, certificate and filing, with the forms of the acts the user may do
 * ({@link CaseActs}). Here are a head's signature of the certificate (ACC-11, AUTH-04) and the filing (ACC-12), each
 * based on the version the page showed; a refusal shows at the form on the case read again. The other acts are in
 * {@link CaseActsController}.
 */
@Controller
class AcceptanceController {

    /** The states the list filters by, in the order a case goes through them. */
    static final List<String> STATES = List.of("OPEN", "ON_NOTICE", "CERTIFIED", "FILED", "AWAITING_RESUMPTION",
            "GUIDED_EXIT", "MERGER", "BANNED");

    private final AcceptanceApi api;
    private final CasePage page;

    AcceptanceController(AcceptanceApi api, CasePage page) {
        this.api = api;
        this.page = page;
    }

    @GetMapping("/acceptance")
    String list(@RequestParam(required = false) String state, @RequestParam(defaultValue = "0") int page,
                Model model) {
        String filter = Entered.text(state);
        model.addAttribute("state", filter);
        model.addAttribute("states", STATES);
        model.addAttribute("cases", api.cases(filter, Math.max(page, 0)));
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/acceptance");
        if (filter != null) {
            url.queryParam("state", filter);
        }
        model.addAttribute("pageUrl", url.encode().build().toUriString() + (filter == null ? "?" : "&") + "page=");
        return "acceptance/cases";
    }

    @GetMapping("/acceptance/{id}")
    String acceptanceCase(@PathVariable String id, Authentication authentication, Model model) {
        return page.show(id, PortalUser.of(authentication), model);
    }

    @PostMapping("/acceptance/{id}/signature")
    String sign(@PathVariable String id, @RequestParam long version, Authentication authentication, Model model,
                Locale locale, RedirectAttributes redirect) {
        try {
            Cases.Case signed = api.sign(id, version);
            redirect.addFlashAttribute("caseDone", "CERTIFIED".equals(signed.state()) ? "certified" : "signed");
            redirect.addFlashAttribute("caseVersion", signed.version());
            return "redirect:/acceptance/{id}";
        } catch (ApiProblemException refused) {
            return refused(id, "sign", refused, authentication, model, locale);
        }
    }

    @PostMapping("/acceptance/{id}/filing")
    String file(@PathVariable String id, @RequestParam long version, Authentication authentication, Model model,
                Locale locale, RedirectAttributes redirect) {
        try {
            Cases.Case filed = api.file(id, version);
            redirect.addFlashAttribute("caseDone", "filed");
            redirect.addFlashAttribute("caseVersion", filed.version());
            return "redirect:/acceptance/{id}";
        } catch (ApiProblemException refused) {
            return refused(id, "filing", refused, authentication, model, locale);
        }
    }

    private String refused(String id, String form, ApiProblemException refused, Authentication authentication,
                           Model model, Locale locale) {
        return page.refused(id, form, null, Map.of(), refused, PortalUser.of(authentication), model, locale);
    }
}
