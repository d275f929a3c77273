package cn.p2psupervision.classification.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import cn.p2psupervision.platform.input.IfMatch;
import cn.p2psupervision.platform.security.Caller;

/** {@code /api/v1/classification/campaign-schedule}: the campaign schedule as central data (CLS-10). */
@RestController
@RequestMapping("/api/v1/classification/campaign-schedule")
class ScheduleController {

    private final CampaignScheduleService schedules;

    ScheduleController(CampaignScheduleService schedules) {
        this.schedules = schedules;
    }

    /** The schedule in force, {@code ETag: "<version>"}; any regulator. */
    @GetMapping
    ResponseEntity<ScheduleView> get(Caller caller, WebRequest request) {
        ScheduleVersion current = schedules.read(caller);
        String etag = IfMatch.etag(current.version());
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok().eTag(etag).body(ScheduleView.of(current));
    }

    /** CLS-10/AUTH-03: the central office sets a new schedule, based on the version in {@code If-Match}. */
    @PutMapping
    ResponseEntity<ScheduleView> change(@RequestBody ScheduleChange change, Caller caller,
                                        @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        ScheduleVersion next = schedules.change(caller, basedOn(ifMatch), change);
        return ResponseEntity.ok().eTag(IfMatch.etag(next.version())).body(ScheduleView.of(next));
    }

    /** Every version, oldest first; any regulator. */
    @GetMapping("/history")
    List<ScheduleView> history(Caller caller) {
        return schedules.history(caller).stream().map(ScheduleView::of).toList();
    }

    /** The version named in {@code If-Match}; null when absent (the service answers 428 once the caller may write). */
    static Long basedOn(String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : IfMatch.version(ifMatch);
    }

    /** A version of the schedule as the API shows it; {@code changedBy} is a username, null for the plan's default. */
    record ScheduleView(long version, List<MilestoneView> milestones, String changedBy, Instant changedAt,
                        String reason) {

        static ScheduleView of(ScheduleVersion version) {
            return new ScheduleView(version.version(), version.schedule().milestones().stream()
                    .map(m -> new MilestoneView(m.milestone(), m.milestone().label(), m.dueOn())).toList(),
                    version.changedBy() == null ? null : version.changedBy().username(), version.changedAt(),
                    version.reason());
        }
    }

    /** A milestone with its Chinese label and due date. */
    record MilestoneView(Milestone milestone, String label, LocalDate dueOn) {
    }
}
