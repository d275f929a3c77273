package cn.p2psupervision.incident.deadlines;

import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.p2psupervision.incident.events.EventService;

/**
 * INC-06: records every missed reporting deadline of the open especially major events as a breach, on the event's
 * timeline and thereby on the central office's breach list, within one scan delay of the deadline (15 s by default,
 * {@code incident.deadlines.scan-delay}); once at a time across replicas (ShedLock). Overdue itself needs no scan: it
 * is computed from the campaign clock on every read.
 */
@Component
public class DeadlineScan {

    static final String LOCK = "incident-deadline-scan";
    /** Events handled per round; a scan runs rounds until no event is due. */
    static final int ROUND = 500;
    private static final Logger log = LoggerFactory.getLogger(DeadlineScan.class);

    private final EventService events;

    DeadlineScan(EventService events) {
        this.events = events;
    }

    @Scheduled(fixedDelayString = "${incident.deadlines.scan-delay:15s}",
            initialDelayString = "${incident.deadlines.scan-delay:15s}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "5m")
    public void scheduled() {
        try {
            scan();
        } catch (RuntimeException failure) {
            log.warn("Deadline scan failed; trying again at the next run: {}", failure.toString());
        }
    }

    /** One scan: every breach due by now recorded; answers how many. */
    public int scan() {
        int recorded = 0;
        for (int round = 0; round < 1000; round++) {
            List<EventService.RecordedBreach> breaches = events.recordDueBreaches(ROUND);
            recorded += breaches.size();
            breaches.forEach(b -> log.info("Deadline breached: event {} ({}), {} due at {}", b.event().id(),
                    b.event().registeredProvince(), b.breach().kind(), b.breach().dueAt()));
            if (breaches.isEmpty()) {
                break;
            }
        }
        return recorded;
    }
}
