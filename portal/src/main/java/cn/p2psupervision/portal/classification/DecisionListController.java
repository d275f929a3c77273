package cn.p2psupervision.portal.classification;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import cn.p2psupervision.portal.api.PageOf;

/**
 * 分类处置决定: the decisions the user may read by category and state (CLS-07, CLS-09), the latest change first, each
 * leading to its institution's file; where the dashboard's category figures lead.
 */
@Controller
class DecisionListController {

    static final int PAGE_SIZE = 20;
    static final List<String> STATES = List.of("RECORDED", "APPROVED", "REOPENED");

    private final ClassificationApi api;
    private final DecisionNames names;

    DecisionListController(ClassificationApi api, DecisionNames names) {
        this.api = api;
        this.names = names;
    }

    @GetMapping("/decisions")
    String list(@RequestParam(required = false) String category, @RequestParam(required = false) String state,
                @RequestParam(defaultValue = "0") int page, Model model) {
        String byCategory = category != null && Decisions.CATEGORIES.contains(category) ? category : null;
        String byState = state != null && STATES.contains(state) ? state : null;
        PageOf<Decisions.Entry> decisions = api.decisions(byCategory, byState, Math.max(page, 0), PAGE_SIZE);
        model.addAttribute("category", byCategory);
        model.addAttribute("state", byState);
        model.addAttribute("categories", Decisions.CATEGORIES);
        model.addAttribute("states", STATES);
        model.addAttribute("decisions", decisions);
        model.addAttribute("rows", names.of(decisions.content()));
        String base = UriComponentsBuilder.fromPath("/decisions").queryParamIfPresent("category",
                Optional.ofNullable(byCategory)).queryParamIfPresent("state",
                Optional.ofNullable(byState)).encode().build().toUriString();
        model.addAttribute("pageUrl", base + (base.contains("?") ? "&" : "?") + "page=");
        return "decisions";
    }
}
