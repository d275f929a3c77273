package cn.p2psupervision.portal.acceptance;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import cn.p2psupervision.portal.api.ApiProblemException;
import cn.p2psupervision.portal.api.ProblemMessages;
import cn.p2psupervision.portal.security.PortalUser;

/**
 * What the case's page shows: the case read now, its complaints once a notice has started, and the acts the user may
 * do on it ({@link CaseActs}); after a refusal, the refusal at the form that was sent with what the user entered.
 */
@Component
class CasePage {

    static final String VIEW = "acceptance/case";

    private final AcceptanceApi api;
    private final ProblemMessages problems;

    CasePage(AcceptanceApi api, ProblemMessages problems) {
        this.api = api;
        this.problems = problems;
    }

    String show(String id, PortalUser user, Model model) {
        Cases.Case acceptanceCase = api.acceptanceCase(id);
        List<Cases.Complaint> complaints = acceptanceCase.notices().isEmpty() ? List.of() : api.complaints(id);
        CaseActs acts = CaseActs.of(acceptanceCase, complaints, user);
        model.addAttribute("acceptanceCase", acceptanceCase);
        model.addAttribute("complaints", complaints);
        model.addAttribute("acts", acts);
        model.addAttribute("maySign", acts.maySign());
        model.addAttribute("mayFile", acts.mayFile());
        model.addAttribute("signingAgencies", CaseActs.SIGNING_AGENCIES);
        if (!model.containsAttribute("entered")) {
            model.addAttribute("entered", Map.of());
        }
        return VIEW;
    }

    /**
     * The page again as the case stands now, the refusal in words at {@code form} (about {@code item}: a member,
     * province or complaint), what the user entered kept.
     */
    String refused(String id, String form, String item, Map<String, String> entered, ApiProblemException refused,
                   PortalUser user, Model model, Locale locale) {
        model.addAttribute("refusedForm", form);
        model.addAttribute("refusedItem", item);
        model.addAttribute("refusal", problems.describe(refused.problem(), locale));
        model.addAttribute("entered", entered);
        return show(id, user, model);
    }
}
