package cn.p2psupervision.incident.timeline;

import java.time.Instant;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.p2psupervision.incident.events.EventService;
import cn.p2psupervision.incident.events.RiskEvent;
import cn.p2psupervision.incident.events.TimelineEntry;
import cn.p2psupervision.platform.province.Province;
import cn.p2psupervision.platform.security.Actor;
import cn.p2psupervision.platform.security.Caller;

/**
 * INC-12: {@code GET /api/v1/incidents/events/{eventId}/timeline.pdf}, the event's timeline as a report a head can
 * sign off, for the event's readers (404 otherwise); the export is itself a recorded read (AUTH-07) and shows on the
 * next export's timeline.
 */
@RestController
class TimelinePdfController {

    private final EventService events;
    private final TimelineReportRenderer renderer;

    TimelinePdfController(EventService events, TimelineReportRenderer renderer) {
        this.events = events;
        this.renderer = renderer;
    }

    @GetMapping("/api/v1/incidents/events/{eventId}/timeline.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String eventId, Caller caller) {
        EventService.Timeline timeline = events.timeline(caller, eventId, "EXPORT_TIMELINE_PDF");
        byte[] pdf = renderer.pdf(report(timeline, caller));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename("incident-timeline-" + eventId + ".pdf").build().toString())
                .header("Cache-Control", "no-store")
                .body(pdf);
    }

    static TimelineReport report(EventService.Timeline timeline, Caller caller) {
        RiskEvent e = timeline.event();
        Instant now = timeline.readAt();
        List<TimelineReport.Deadline> deadlines = e.deadlines(now).stream().map(d -> new TimelineReport.Deadline(
                d.kind().name() + (d.sequence() > 0 ? "-" + d.sequence() : ""), d.kind().chinese()
                + (d.sequence() > 0 ? "（第 " + d.sequence() + " 次）" : ""), d.dueAt(), d.metAt(), d.missed()))
                .toList();
        List<TimelineReport.Entry> entries = timeline.entries().stream().map(TimelinePdfController::entry).toList();
        return new TimelineReport(e.id(), e.title(), e.type().name(), e.type().chinese(),
                e.level() == null ? null : e.level().name(), e.level() == null ? "未定级" : e.level().chinese(),
                e.status().chinese(), e.institutionName(), e.creditCode(), e.registeredProvince(),
                Province.ofCode(e.registeredProvince()).map(Province::chineseName).orElse(e.registeredProvince()),
                e.recordedAt(), e.recordedBy() == null ? null : e.recordedBy().username(),
                e.watcher() == null ? null : e.watcher().name() + (e.watcher().position() == null ? ""
                        : "（" + e.watcher().position() + "）"),
                e.plan() == null ? null : e.plan().startedAt(), e.plan() == null ? null : e.plan().endedAt(),
                deadlines, entries, now, caller.username());
    }

    private static TimelineReport.Entry entry(TimelineEntry line) {
        Actor by = line.by();
        String actor = by == null ? "平台" : by.username();
        String province = by == null ? null : by.province() != null ? by.province() : by.agency();
        return new TimelineReport.Entry(line.at(), line.kind().name(), line.kind().chinese(), actor, province,
                line.kind() == TimelineEntry.Kind.READ ? "查阅（" + line.summary() + "）" : line.summary());
    }
}
