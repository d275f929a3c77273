package cn.p2psupervision.incident.events;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.p2psupervision.platform.input.IfMatch;
import cn.p2psupervision.platform.input.PageParameters;
import cn.p2psupervision.platform.security.Caller;

/**
 * Risk events (INC-02..09): {@code /api/v1/incidents/events} for the caller's list and the recording,
 * {@code /api/v1/incidents/events/{id}} for one event and its acts. Every change names the version it is based on in
 * {@code If-Match} and answers the event with its new {@code ETag}.
 */
@RestController
class EventController {

    static final String EVENTS = "/api/v1/incidents/events";
    private static final String ONE = EVENTS + "/{eventId}";

    private final EventService events;

    EventController(EventService events) {
        this.events = events;
    }

    /** INC-02: records an event; 201 with the event. */
    @PostMapping(EVENTS)
    ResponseEntity<EventView> record(@RequestBody EventService.Draft draft, Caller caller) {
        RiskEvent recorded = events.record(caller, draft);
        return ResponseEntity.created(URI.create(EVENTS + "/" + recorded.id())).eTag(IfMatch.etag(recorded.version()))
                .body(view(recorded, caller));
    }

    /** AUTH-02: the events the caller may read, newest change first. */
    @GetMapping(EVENTS)
    PageView list(Caller caller, @RequestParam(required = false) EventStatus status,
                  @RequestParam(required = false) Level level, @RequestParam(required = false) String institutionId,
                  @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        PageParameters paging = PageParameters.of(page, size, 200);
        EventStore.Page found = events.list(caller, new EventStore.Filter(status, level, institutionId),
                paging.page(), paging.size());
        Instant now = events.now();
        return new PageView(found.content().stream().map(e -> EventView.Summary.of(e, now)).toList(), paging.page(),
                paging.size(), found.totalElements());
    }

    @GetMapping(ONE)
    ResponseEntity<EventView> get(@PathVariable String eventId, Caller caller) {
        return answer(events.read(caller, eventId), caller);
    }

    /** INC-03: the level the platform proposes from the registry's figures now. */
    @GetMapping(ONE + "/level-proposal")
    LevelProposal proposal(@PathVariable String eventId, Caller caller) {
        return events.proposal(caller, eventId);
    }

    /** INC-03 */
    @PutMapping(ONE + "/level")
    ResponseEntity<EventView> level(@PathVariable String eventId, @RequestBody LevelRequest request,
                                    @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                    Caller caller) {
        long basedOn = IfMatch.version(ifMatch);
        return answer(events.setLevel(caller, eventId, basedOn, request.level(), request.reason()), caller);
    }

    /** INC-04 */
    @PutMapping(ONE + "/watcher")
    ResponseEntity<EventView> watcher(@PathVariable String eventId, @RequestBody WatcherRequest request,
                                      @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                      Caller caller) {
        long basedOn = IfMatch.version(ifMatch);
        return answer(events.nameWatcher(caller, eventId, basedOn, request.name(), request.position(),
                request.contact()), caller);
    }

    /** INC-05: a head starts the emergency plan. */
    @PostMapping(ONE + "/plan/start")
    ResponseEntity<EventView> startPlan(@PathVariable String eventId, @RequestBody ReasonRequest request,
                                        @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                        Caller caller) {
        long basedOn = IfMatch.version(ifMatch);
        return answer(events.startPlan(caller, eventId, basedOn, request.reason()), caller);
    }

    /** INC-05: a head ends the emergency plan. */
    @PostMapping(ONE + "/plan/end")
    ResponseEntity<EventView> endPlan(@PathVariable String eventId, @RequestBody ReasonRequest request,
                                      @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                      Caller caller) {
        long basedOn = IfMatch.version(ifMatch);
        return answer(events.endPlan(caller, eventId, basedOn, request.reason()), caller);
    }

    /** INC-06: the central offices notified (2 h). */
    @PostMapping(ONE + "/notification")
    ResponseEntity<EventView> notification(@PathVariable String eventId, @RequestBody NotificationRequest request,
                                           @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                           Caller caller) {
        long basedOn = IfMatch.version(ifMatch);
        return answer(events.notifyCentral(caller, eventId, basedOn, request.recipients(), request.reference(),
                request.note()), caller);
    }

    /** INC-06: the written report (4 h) and the follow-ups; 201 with the event. */
    @PostMapping(ONE + "/reports")
    ResponseEntity<EventView> report(@PathVariable String eventId, @RequestBody ReportRequest request,
                                     @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                     Caller caller) {
        long basedOn = IfMatch.version(ifMatch);
        RiskEvent changed = events.fileReport(caller, eventId, basedOn, request.kind(), request.text(),
                request.reference());
        return created(changed, caller);
    }

    /** INC-06: central sets the follow-up interval. */
    @PutMapping(ONE + "/follow-up-interval")
    ResponseEntity<EventView> followUpInterval(@PathVariable String eventId, @RequestBody IntervalRequest request,
                                               @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                               Caller caller) {
        long basedOn = IfMatch.version(ifMatch);
        return answer(events.setFollowUpInterval(caller, eventId, basedOn, request.hours(), request.reason()),
                caller);
    }

    /** INC-07/08: a measure taken; 201 with the event. */
    @PostMapping(ONE + "/measures")
    ResponseEntity<EventView> takeMeasure(@PathVariable String eventId, @RequestBody MeasureRequest request,
                                          @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                          Caller caller) {
        long basedOn = IfMatch.version(ifMatch);
        RiskEvent changed = events.takeMeasure(caller, eventId, basedOn, request.kind(), request.description(),
                request.status());
        return created(changed, caller);
    }

    /** INC-07/08: a measure progresses. */
    @PutMapping(ONE + "/measures/{measureId}")
    ResponseEntity<EventView> updateMeasure(@PathVariable String eventId, @PathVariable String measureId,
                                            @RequestBody MeasureUpdateRequest request,
                                            @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                            Caller caller) {
        long basedOn = IfMatch.version(ifMatch);
        return answer(events.updateMeasure(caller, eventId, basedOn, measureId, request.status(), request.note()),
                caller);
    }

    /** INC-09: a business-place province's support note; 201 with the event. */
    @PostMapping(ONE + "/support-notes")
    ResponseEntity<EventView> supportNote(@PathVariable String eventId, @RequestBody NoteRequest request,
                                          @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                          Caller caller) {
        long basedOn = IfMatch.version(ifMatch);
        RiskEvent changed = events.addSupportNote(caller, eventId, basedOn, request.text());
        return created(changed, caller);
    }

    /** INC-01: more signals linked to the event. */
    @PostMapping(ONE + "/signals")
    ResponseEntity<EventView> linkSignals(@PathVariable String eventId, @RequestBody SignalsRequest request,
                                          @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                          Caller caller) {
        long basedOn = IfMatch.version(ifMatch);
        return answer(events.linkSignals(caller, eventId, basedOn, request.signalIds()), caller);
    }

    /** REG-08: a registry status the event established (lost contact, absconded, …), sent through the outbox. */
    @PostMapping(ONE + "/institution-status")
    ResponseEntity<EventView> institutionStatus(@PathVariable String eventId, @RequestBody StatusRequest request,
                                                @RequestHeader(value = IfMatch.HEADER, required = false)
                                                String ifMatch, Caller caller) {
        long basedOn = IfMatch.version(ifMatch);
        return answer(events.findInstitutionStatus(caller, eventId, basedOn, request.status(), request.reason()),
                caller);
    }

    /** Closes the event (办结). */
    @PostMapping(ONE + "/closure")
    ResponseEntity<EventView> close(@PathVariable String eventId, @RequestBody ReasonRequest request,
                                    @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                    Caller caller) {
        long basedOn = IfMatch.version(ifMatch);
        return answer(events.close(caller, eventId, basedOn, request.reason()), caller);
    }

    private ResponseEntity<EventView> answer(RiskEvent event, Caller caller) {
        return ResponseEntity.ok().eTag(IfMatch.etag(event.version())).body(view(event, caller));
    }

    /** 201 for an act that added a part to the event (a report, a measure, a note): the event is where it lives. */
    private ResponseEntity<EventView> created(RiskEvent event, Caller caller) {
        return ResponseEntity.created(URI.create(EVENTS + "/" + event.id())).eTag(IfMatch.etag(event.version()))
                .body(view(event, caller));
    }

    private EventView view(RiskEvent event, Caller caller) {
        return EventView.of(event, events.now(), id -> events.mayRead(caller, id));
    }

    record LevelRequest(Level level, String reason) {
    }

    record WatcherRequest(String name, String position, String contact) {
    }

    record ReasonRequest(String reason) {
    }

    record NotificationRequest(List<CentralOffice> recipients, String reference, String note) {
    }

    record ReportRequest(RiskEvent.Report.Kind kind, String text, String reference) {
    }

    record IntervalRequest(Integer hours, String reason) {
    }

    record MeasureRequest(MeasureKind kind, String description, MeasureStatus status) {
    }

    record MeasureUpdateRequest(MeasureStatus status, String note) {
    }

    record NoteRequest(String text) {
    }

    record SignalsRequest(List<String> signalIds) {
    }

    record StatusRequest(String status, String reason) {
    }

    record PageView(List<EventView.Summary> content, int page, int size, long totalElements) {
    }
}
