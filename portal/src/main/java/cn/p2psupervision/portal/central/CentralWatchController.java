package cn.p2psupervision.portal.central;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import cn.p2psupervision.portal.acceptance.AcceptanceApi;
import cn.p2psupervision.portal.api.AgencyRequest;
import cn.p2psupervision.portal.api.ApiProblemException;
import cn.p2psupervision.portal.api.ConcurrentReads;
import cn.p2psupervision.portal.api.FieldErrors;
import cn.p2psupervision.portal.api.PageOf;
import cn.p2psupervision.portal.api.PagePart;
import cn.p2psupervision.portal.api.ProblemMessages;
import cn.p2psupervision.portal.classification.CampaignData;
import cn.p2psupervision.portal.classification.ClassificationApi;
import cn.p2psupervision.portal.incident.IncidentApi;
import cn.p2psupervision.portal.incident.Watch;
import cn.p2psupervision.portal.web.Formats;
import cn.p2psupervision.portal.web.Entered;

/**
 * What the central office watches (中央管理): the index of its screens; the provinces late with their summary reports
 * (CLS-10); what is overdue — acceptance cases past their deadline (ACC-13) and the agencies' requests not answered in
 * time in each context (AUTH-05); and the record of reads of incident records (查阅记录, AUTH-07). The API decides who
 * may read what: the summary reports and the read record are central's (403 for the others, shown as the error
 * page), the overdue lists are each user's scope.
 */
@Controller
class CentralWatchController {

    /** The contexts that send the agencies requests, in the campaign's order. */
    static final List<String> REQUEST_CONTEXTS = List.of("classification", "acceptance", "incidents");

    private final ClassificationApi classification;
    private final AcceptanceApi acceptance;
    private final IncidentApi incidents;
    private final ProblemMessages problems;
    private final ConcurrentReads reads;

    CentralWatchController(ClassificationApi classification, AcceptanceApi acceptance, IncidentApi incidents,
                           ProblemMessages problems, ConcurrentReads reads) {
        this.reads = reads;
        this.classification = classification;
        this.acceptance = acceptance;
        this.incidents = incidents;
        this.problems = problems;
    }

    @GetMapping("/central")
    String index() {
        return "central/index";
    }

    /** CLS-10: the 31 provinces as of a day (today when none is given); a day the API refuses shows at the form. */
    @GetMapping("/central/summary-reports")
    String summaryReports(@RequestParam(required = false) String asOf, Model model, Locale locale) {
        String day = Entered.text(asOf);
        model.addAttribute("asOf", day);
        model.addAttribute("fieldErrors", FieldErrors.NONE);
        try {
            List<CampaignData.ReportLateness> reports = classification.summaryReports(day);
            model.addAttribute("reports", reports);
            model.addAttribute("lateCount", reports.stream().filter(CampaignData.ReportLateness::late).count());
        } catch (ApiProblemException refused) {
            if (refused.status() != 400) {
                throw refused;
            }
            model.addAttribute("reports", List.of());
            model.addAttribute("lateCount", 0L);
            model.addAttribute("refusal", problems.describe(refused.problem(), locale));
            model.addAttribute("fieldErrors", FieldErrors.of(refused.problem()));
        }
        return "central/summary-reports";
    }

    /**
     * What is overdue in the user's scope, a section per context; a context that refuses or cannot be reached says so
     * in its section, the others still show.
     */
    @GetMapping("/central/overdue")
    String overdue(Model model, Locale locale) {
        var cases = reads.start(acceptance::overdueCases);
        var classificationRequests = reads.start(classification::overdueAgencyRequests);
        var acceptanceRequests = reads.start(acceptance::overdueAgencyRequests);
        var incidentRequests = reads.start(incidents::overdueAgencyRequests);
        model.addAttribute("cases", section(cases, locale));
        model.addAttribute("requests", List.of(
                new Requests("classification", section(classificationRequests, locale)),
                new Requests("acceptance", section(acceptanceRequests, locale)),
                new Requests("incidents", section(incidentRequests, locale))));
        return "central/overdue";
    }

    /** AUTH-07: the read record by the filters given; dates are days in Beijing time, both included. */
    @GetMapping("/central/read-audit")
    String readAudit(@RequestParam(required = false) String eventId,
                     @RequestParam(required = false) String institutionId,
                     @RequestParam(required = false) String username, @RequestParam(required = false) String from,
                     @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page,
                     Model model, Locale locale) {
        ReadAuditFilter filter = new ReadAuditFilter(Entered.text(eventId),
                Entered.text(institutionId), Entered.text(username),
                Entered.text(from), Entered.text(to));
        model.addAttribute("filter", filter);
        model.addAttribute("fieldErrors", FieldErrors.NONE);
        PageOf<Watch.Read> reads;
        try {
            reads = incidents.reads(filter.forApi(), Math.max(page, 0));
        } catch (ApiProblemException refused) {
            if (refused.status() != 400) {
                throw refused;
            }
            reads = new PageOf<>(List.of(), 0, 0, 0);
            model.addAttribute("refusal", problems.describe(refused.problem(), locale));
            model.addAttribute("fieldErrors", FieldErrors.of(refused.problem()));
        }
        model.addAttribute("reads", reads);
        model.addAttribute("pageUrl", filter.pageUrl());
        return "central/read-audit";
    }

    private <T> PagePart<List<T>> section(Supplier<List<T>> read, Locale locale) {
        return PagePart.read(read, List.of(), problems, locale);
    }

    /** A context's overdue requests to the agencies. */
    record Requests(String context, PagePart<List<AgencyRequest>> section) {
    }

    /** The read record's filters as entered; days {@code yyyy-MM-dd}. */
    record ReadAuditFilter(String eventId, String institutionId, String username, String from, String to) {

        /** The days as instants in Beijing time: from the start of {@code from} to the end of {@code to}. */
        IncidentApi.ReadFilter forApi() {
            return new IncidentApi.ReadFilter(eventId, institutionId, username, startOf(from, 0), startOf(to, 1));
        }

        /** A day as the start of it (or of the day after) in Beijing; anything else as entered, for the API to refuse. */
        private static String startOf(String day, int plusDays) {
            if (day == null) {
                return null;
            }
            try {
                return LocalDate.parse(day).plusDays(plusDays).atStartOfDay(Formats.BEIJING)
                        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            } catch (DateTimeParseException notADay) {
                return day;
            }
        }

        String pageUrl() {
            UriComponentsBuilder url = UriComponentsBuilder.fromPath("/central/read-audit");
            add(url, "eventId", eventId);
            add(url, "institutionId", institutionId);
            add(url, "username", username);
            add(url, "from", from);
            add(url, "to", to);
            String base = url.encode().build().toUriString();
            return base + (base.contains("?") ? "&" : "?") + "page=";
        }

        private static void add(UriComponentsBuilder url, String name, String value) {
            if (value != null) {
                url.queryParam(name, value);
            }
        }
    }
}
