package cn.p2psupervision.portal.dashboard;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.p2psupervision.portal.api.ConcurrentReads;
import cn.p2psupervision.portal.api.PagePart;
import cn.p2psupervision.portal.api.ProblemMessages;
import cn.p2psupervision.portal.classification.CampaignData;
import cn.p2psupervision.portal.classification.ClassificationApi;
import cn.p2psupervision.portal.classification.Decisions;
import cn.p2psupervision.portal.web.Formats;
import cn.p2psupervision.portal.web.Labels;
import tools.jackson.databind.json.JsonMapper;

/**
 * 全国概览, the central office's screen (AUTH-03: central reads every province): institutions per province from the
 * registry's statistics; institutions by approved category and the most common red lines (CLS-09); filing progress
 * against the three deadlines (ACC-13); the especially major events and their deadlines missed now (INC-06); the
 * provinces late with their summary reports (CLS-10). Charts and figures lead to the lists behind them. Each context
 * is read on its own: one that cannot answer darkens only its part of the page.
 */
@Controller
class DashboardController {

    private final StatisticsApi statistics;
    private final ClassificationApi classification;
    private final ProblemMessages problems;
    private final Labels labels;
    private final Formats formats;
    private final JsonMapper json;
    private final ConcurrentReads reads;

    DashboardController(StatisticsApi statistics, ClassificationApi classification, ProblemMessages problems,
                        Labels labels, Formats formats, JsonMapper json, ConcurrentReads reads) {
        this.reads = reads;
        this.statistics = statistics;
        this.classification = classification;
        this.problems = problems;
        this.labels = labels;
        this.formats = formats;
        this.json = json;
    }

    @GetMapping("/dashboard")
    String dashboard(@RequestParam(required = false) String asOf, Model model, Locale locale) {
        Supplier<RegistryStatistics> registryFigures = reads.start(() -> statistics.statistics(asOf));
        Supplier<CampaignFigures.Classification> classified = reads.start(
                () -> statistics.classification(endOf(asOf)));
        Supplier<CampaignFigures.Filing> filed = reads.start(statistics::filing);
        Supplier<CampaignFigures.IncidentBoard> board = reads.start(statistics::incidentBoard);
        Supplier<Long> lateReports = reads.start(() -> classification.summaryReports(null).stream()
                .filter(CampaignData.ReportLateness::late).count());

        RegistryStatistics figures = registryFigures.get();
        model.addAttribute("statistics", figures);
        model.addAttribute("chartJson", json.writeValueAsString(provinceChart(figures)));
        PagePart<CampaignFigures.Classification> categories = PagePart.read(classified, null, problems, locale);
        model.addAttribute("categories", categories);
        if (categories.value() != null) {
            model.addAttribute("categoryChartJson", json.writeValueAsString(categoryChart(categories.value())));
            model.addAttribute("redLineChartJson", json.writeValueAsString(redLineChart(categories.value())));
        }
        PagePart<CampaignFigures.Filing> filing = PagePart.read(filed, null, problems, locale);
        model.addAttribute("filing", filing);
        if (filing.value() != null) {
            model.addAttribute("filingChartJson", json.writeValueAsString(filingChart(filing.value())));
        }
        model.addAttribute("board", PagePart.read(board, null, problems, locale));
        model.addAttribute("summaryReports", PagePart.read(lateReports, null, problems, locale));
        return "dashboard";
    }

    /** The last day of the month asked for, as classification's statistics take it; null (today) otherwise. */
    static String endOf(String month) {
        if (month == null || month.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(month.strip()).atEndOfMonth().toString();
        } catch (DateTimeParseException notAMonth) {
            return null;
        }
    }

    /** Institutions per province; a bar leads to that province's institutions. */
    Chart provinceChart(RegistryStatistics figures) {
        List<RegistryStatistics.ProvinceRow> rows = figures.provinces();
        return new Chart("bar", false, false, rows.stream().map(row -> labels.province(row.province())).toList(),
                List.of(new Chart.Dataset(labels.message("dashboard.chart.label"),
                        rows.stream().map(row -> (Number) row.totals().institutions()).toList(), Chart.RED)),
                rows.stream().map(row -> "/institutions?province=" + row.province()).toList());
    }

    /** Institutions by approved category, then those awaiting approval and those undecided (CLS-09). */
    Chart categoryChart(CampaignFigures.Classification figures) {
        List<String> names = new ArrayList<>();
        List<Number> counts = new ArrayList<>();
        List<String> links = new ArrayList<>();
        for (String category : Decisions.CATEGORIES) {
            names.add(labels.of("category", category));
            counts.add(figures.in(category));
            links.add("/decisions?state=APPROVED&category=" + category);
        }
        names.add(labels.message("dashboard.awaiting"));
        counts.add(figures.awaiting());
        links.add("/decisions?state=RECORDED");
        names.add(labels.message("dashboard.undecided"));
        counts.add(figures.undecided());
        links.add(null);
        return new Chart("doughnut", false, false, names, List.of(new Chart.Dataset(
                labels.message("dashboard.categories.label"), counts, null)), links);
    }

    /** The most common red lines, as the share of institutions with an active finding of each (CLS-09). */
    Chart redLineChart(CampaignFigures.Classification figures) {
        return new Chart("bar", true, false, figures.topRedLines().stream().map(CampaignFigures.ProblemShare::name)
                .toList(), List.of(new Chart.Dataset(labels.message("dashboard.redLines.label"), figures.topRedLines()
                .stream().map(share -> (Number) share.share().movePointRight(2)).toList(), Chart.RED)), List.of());
    }

    /** Each deadline's cases: filed on time, filed late, on track, overdue, closed by a failed outcome (ACC-13). */
    Chart filingChart(CampaignFigures.Filing filing) {
        List<CampaignFigures.DeadlineLine> lines = filing.deadlines();
        return new Chart("bar", false, true, lines.stream().map(line -> labels.of("complexity", line.complexity())
                + " " + formats.date(line.deadline())).toList(), List.of(
                dataset("dashboard.filing.filedOnTime", lines.stream().map(l -> (Number) l.filedOnTime()).toList(),
                        "#1e7b45"),
                dataset("dashboard.filing.filedLate", lines.stream().map(l -> (Number) (l.filed() - l.filedOnTime()))
                        .toList(), "#7fbf8f"),
                dataset("dashboard.filing.onTrack", lines.stream().map(l -> (Number) l.onTrack()).toList(), "#0a58ca"),
                dataset("dashboard.filing.overdue", lines.stream().map(l -> (Number) l.overdue()).toList(), Chart.RED),
                dataset("dashboard.filing.closed", lines.stream().map(l -> (Number) l.closed()).toList(), "#6c757d")),
                List.of());
    }

    private Chart.Dataset dataset(String label, List<Number> data, String color) {
        return new Chart.Dataset(labels.message(label), data, color);
    }

    /**
     * A chart as {@code dashboard.js} draws it (its data travel in an attribute: no inline script, as the content
     * security policy wants).
     *
     * @param links for each label the list behind it (null: none), or empty
     */
    public record Chart(String type, boolean horizontal, boolean stacked, List<String> labels,
                        List<Dataset> datasets, List<String> links) {

        static final String RED = "rgba(155, 28, 28, 0.75)";

        /** @param color null: the chart's palette, one colour per label */
        public record Dataset(String label, List<Number> data, String color) {
        }
    }
}
