package cn.p2psupervision.portal.incident;

import java.util.List;
import java.util.Locale;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import cn.p2psupervision.portal.api.PageOf;
import cn.p2psupervision.portal.security.PortalUser;
import cn.p2psupervision.portal.web.Entered;

/**
 * 风险事件: the events the user may read with their level and, for an open especially major event, the 2-hour and
 * 4-hour reporting deadlines as time left or overdue (INC-06); an event with its deadlines, measures (INC-07/08) and
 * the business places' support (INC-09); and its timeline report (INC-12), fetched with the user's token and handed
 * on, so the browser never holds the token.
 */
@Controller
class IncidentController {

    static final List<String> STATUSES = List.of("OPEN", "CLOSED");
    static final List<String> LEVELS = List.of("ESPECIALLY_MAJOR", "MAJOR", "OTHER");

    private final IncidentApi api;
    private final EventPage page;

    IncidentController(IncidentApi api, EventPage page) {
        this.api = api;
        this.page = page;
    }

    /** The list, with the 2-hour and 4-hour deadlines of each open especially major event (INC-06). */
    @GetMapping("/incidents")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String level,
                @RequestParam(defaultValue = "0") int page, Model model) {
        String byStatus = Entered.text(status);
        String byLevel = Entered.text(level);
        PageOf<Events.Summary> events = api.events(byStatus, byLevel, Math.max(page, 0));
        model.addAttribute("status", byStatus);
        model.addAttribute("level", byLevel);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("levels", LEVELS);
        model.addAttribute("events", events);
        model.addAttribute("rows", events.content().stream()
                .map(e -> new Events.Row(e, e.reportsDue() ? e.firstReports() : List.of())).toList());
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/incidents");
        if (byStatus != null) {
            url.queryParam("status", byStatus);
        }
        if (byLevel != null) {
            url.queryParam("level", byLevel);
        }
        String base = url.encode().build().toUriString();
        model.addAttribute("pageUrl", base + (base.contains("?") ? "&" : "?") + "page=");
        return "incidents/events";
    }

    @GetMapping("/incidents/{id}")
    String event(@PathVariable String id, Authentication user, Model model, Locale locale) {
        page.addTo(model, api.event(id), PortalUser.of(user), locale);
        return "incidents/event";
    }

    /** INC-12: the service's PDF, as an attachment never kept by a cache (内部资料). */
    @GetMapping("/incidents/{id}/timeline.pdf")
    ResponseEntity<byte[]> timeline(@PathVariable String id) {
        byte[] report = api.timelinePdf(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("incident-timeline-" + id + ".pdf").build().toString())
                .cacheControl(CacheControl.noStore())
                .body(report);
    }

}
