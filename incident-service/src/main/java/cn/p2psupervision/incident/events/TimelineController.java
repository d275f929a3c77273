package cn.p2psupervision.incident.events;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.p2psupervision.platform.security.Actor;
import cn.p2psupervision.platform.security.Caller;

/** INC-12: an event's timeline, in order, as JSON ({@code …/timeline}). */
@RestController
class TimelineController {

    private final EventService events;

    TimelineController(EventService events) {
        this.events = events;
    }

    @GetMapping(EventController.EVENTS + "/{eventId}/timeline")
    TimelineView timeline(@PathVariable String eventId, Caller caller) {
        EventService.Timeline timeline = events.timeline(caller, eventId, "READ_TIMELINE");
        return new TimelineView(eventId, timeline.event().version(), timeline.readAt(), timeline.entries().stream()
                .map(e -> new Line(e.at(), e.kind(), e.kind().chinese(), e.by(), e.summary())).toList());
    }

    record TimelineView(String eventId, long version, Instant readAt, List<Line> entries) {
    }

    record Line(Instant at, TimelineEntry.Kind kind, String kindChinese, Actor by, String summary) {
    }
}
