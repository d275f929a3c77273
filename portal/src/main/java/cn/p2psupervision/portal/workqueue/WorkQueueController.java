package cn.p2psupervision.portal.workqueue;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.p2psupervision.portal.api.PageOf;
import cn.p2psupervision.portal.classification.ClassificationApi;
import cn.p2psupervision.portal.classification.DecisionNames;
import cn.p2psupervision.portal.classification.Decisions;
import cn.p2psupervision.portal.institution.InstitutionQuery;
import cn.p2psupervision.portal.institution.RegistryApi;
import cn.p2psupervision.portal.security.PortalUser;

/**
 * 工作台, a provincial office's screen: the decisions waiting for a head's approval (CLS-07, AUTH-04) and the
 * institutions registered in the province (AUTH-02), a page at a time, each leading to its file.
 */
@Controller
class WorkQueueController {

    /** Decisions shown on the queue; the list's total says how many more wait. */
    static final int AWAITING_SHOWN = 10;

    private final RegistryApi registry;
    private final ClassificationApi classification;
    private final DecisionNames names;

    WorkQueueController(RegistryApi registry, ClassificationApi classification, DecisionNames names) {
        this.registry = registry;
        this.classification = classification;
        this.names = names;
    }

    @GetMapping("/work")
    String workQueue(@RequestParam(defaultValue = "0") int page, Authentication authentication, Model model) {
        PortalUser user = PortalUser.of(authentication);
        InstitutionQuery query = new InstitutionQuery(user.province(), null, null, null, null, page);
        PageOf<Decisions.Entry> awaiting = classification.decisions("RECORDED", 0, AWAITING_SHOWN);
        model.addAttribute("query", query);
        model.addAttribute("institutions", registry.list(query));
        model.addAttribute("awaiting", awaiting);
        model.addAttribute("awaitingShown", names.of(awaiting.content()));
        return "work";
    }

}
