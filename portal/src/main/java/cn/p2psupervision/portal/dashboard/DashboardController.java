package cn.p2psupervision.portal.dashboard;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.p2psupervision.portal.web.Labels;
import tools.jackson.databind.json.JsonMapper;

/**
 * 全国概览, the central office's screen (AUTH-03: central reads every province): institutions per province from the
 * registry's statistics, as a bar chart and a table whose numbers lead to the institutions behind them.
 */
@Controller
class DashboardController {

    private final StatisticsApi statistics;
    private final Labels labels;
    private final JsonMapper json;

    DashboardController(StatisticsApi statistics, Labels labels, JsonMapper json) {
        this.statistics = statistics;
        this.labels = labels;
        this.json = json;
    }

    @GetMapping("/dashboard")
    String dashboard(@RequestParam(required = false) String asOf, Model model) {
        RegistryStatistics figures = statistics.statistics(asOf);
        model.addAttribute("statistics", figures);
        model.addAttribute("chartJson", json.writeValueAsString(chart(figures)));
        return "dashboard";
    }

    /** What the bar chart draws (read by dashboard.js from a JSON block, so no inline script is needed). */
    ChartData chart(RegistryStatistics figures) {
        List<RegistryStatistics.ProvinceRow> rows = figures.provinces();
        return new ChartData(rows.stream().map(row -> labels.province(row.province())).toList(),
                rows.stream().map(RegistryStatistics.ProvinceRow::province).toList(),
                rows.stream().map(row -> row.totals().institutions()).toList());
    }

    public record ChartData(List<String> labels, List<String> provinces, List<Long> institutions) {
    }
}
