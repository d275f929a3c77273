package cn.p2psupervision.portal.incident;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 报告时限看板 (INC-06): the reporting deadlines of especially major events overdue now, the counts by registration
 * province (central sees every province, a province its own scope), the events still without their watcher (INC-04),
 * and the breaches recorded, the latest first.
 */
@Controller
class BoardController {

    private final IncidentApi api;

    BoardController(IncidentApi api) {
        this.api = api;
    }

    @GetMapping("/incidents/board")
    String board(Model model) {
        model.addAttribute("board", api.board());
        model.addAttribute("breaches", api.breaches());
        return "incidents/board";
    }
}
