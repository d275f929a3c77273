package cn.p2psupervision.incident.deadlines;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.p2psupervision.incident.events.Deadline;
import cn.p2psupervision.incident.events.EventService;
import cn.p2psupervision.incident.events.RiskEvent;
import cn.p2psupervision.platform.security.Caller;

/**
 * INC-06 for the central office (and each province for its own scope): the board of the deadlines missed right now,
 * computed from the campaign clock at each read, so a missed deadline shows at once; and the list of the breaches the
 * deadline scan recorded.
 */
@RestController
class BoardController {

    private final EventService events;

    BoardController(EventService events) {
        this.events = events;
    }

    /** The board: every deadline overdue now, the longest overdue first, and the counts by province. */
    @GetMapping("/api/v1/incidents/board")
    Board board(Caller caller) {
        Instant now = events.now();
        List<RiskEvent> open = events.openEspeciallyMajor(caller);
        List<Overdue> overdue = new ArrayList<>();
        Map<String, int[]> byProvince = new TreeMap<>();
        List<String> watcherMissing = new ArrayList<>();
        for (RiskEvent event : open) {
            int[] counts = byProvince.computeIfAbsent(event.registeredProvince(), p -> new int[3]);
            counts[0]++;
            counts[2] += event.breaches().size();
            boolean late = false;
            for (Deadline deadline : event.deadlines(now)) {
                if (deadline.overdue()) {
                    late = true;
                    overdue.add(new Overdue(event.id(), event.institutionId(), event.institutionName(),
                            event.registeredProvince(), event.title(), deadline.kind(), deadline.kind().chinese(),
                            deadline.sequence(), deadline.dueAt(), Duration.between(deadline.dueAt(), now)
                            .toMinutes()));
                }
            }
            if (late) {
                counts[1]++;
            }
            if (event.watcherMissing()) {
                watcherMissing.add(event.id());
            }
        }
        overdue.sort(Comparator.comparing(Overdue::dueAt).thenComparing(Overdue::eventId));
        List<ProvinceCount> provinces = byProvince.entrySet().stream().map(e -> new ProvinceCount(e.getKey(),
                e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList();
        return new Board(now, open.size(), overdue, provinces, watcherMissing);
    }

    /** The breaches recorded, the latest first. */
    @GetMapping("/api/v1/incidents/breaches")
    List<BreachLine> breaches(Caller caller) {
        List<BreachLine> lines = new ArrayList<>();
        for (RiskEvent event : events.withBreaches(caller)) {
            for (RiskEvent.Breach breach : event.breaches()) {
                lines.add(new BreachLine(event.id(), event.institutionId(), event.institutionName(),
                        event.registeredProvince(), breach.kind(), breach.kind().chinese(), breach.sequence(),
                        breach.dueAt(), breach.recordedAt()));
            }
        }
        lines.sort(Comparator.comparing(BreachLine::recordedAt).reversed().thenComparing(BreachLine::eventId));
        return lines;
    }

    /**
     * @param openEspeciallyMajor the open especially major events the caller may read
     * @param overdue             each deadline overdue now
     * @param provinces           per registration province: open especially major events, those overdue now, and
     *                            breaches recorded
     * @param watcherMissing      especially major events without their dedicated watcher (INC-04)
     */
    record Board(Instant at, int openEspeciallyMajor, List<Overdue> overdue, List<ProvinceCount> provinces,
                 List<String> watcherMissing) {
    }

    record Overdue(String eventId, String institutionId, String institutionName, String registeredProvince,
                   String title, Deadline.Kind kind, String kindChinese, int sequence, Instant dueAt,
                   long overdueMinutes) {
    }

    record ProvinceCount(String province, int openEspeciallyMajor, int overdueNow, int breachesRecorded) {
    }

    record BreachLine(String eventId, String institutionId, String institutionName, String registeredProvince,
                      Deadline.Kind kind, String kindChinese, int sequence, Instant dueAt, Instant recordedAt) {
    }
}
