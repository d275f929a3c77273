package cn.p2psupervision.incident.watch;

import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.p2psupervision.platform.problem.ProblemException;

/**
 * Runs the scan of the operating figures ({@link RegistryFiguresScan}, INC-10, INC-11) once at a time across replicas
 * (ShedLock lock {@value #LOCK} in this service's database): on schedule, {@code incident.watch.initial-delay} (1 min)
 * after start and then {@code incident.watch.scan-delay} (6 h) after the end of each scan; and on demand
 * ({@link #now()}). A scheduled scan that fails (the registry down) says so at WARN and stores nothing; the next one
 * tries again.
 */
@Component
class WatchScanJob {

    static final String LOCK = "incident-watch-scan";
    private static final Logger log = LoggerFactory.getLogger(WatchScanJob.class);

    private final RegistryFiguresScan scan;

    WatchScanJob(RegistryFiguresScan scan) {
        this.scan = scan;
    }

    /** The scheduled scan. */
    @Scheduled(fixedDelayString = "${incident.watch.scan-delay:6h}",
            initialDelayString = "${incident.watch.initial-delay:1m}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "${incident.watch.lock-at-most-for:30m}")
    public void scheduled() {
        try {
            ScanResult result = scan.scan();
            log.info("Registry figures scanned: {} institutions, {} zombies by their figures, {} alerts ({} new) in"
                            + " {} ms", result.scanned().size(), result.zombies().size(), result.alerts().size(),
                    result.newAlertIds().size(), result.tookMillis());
        } catch (ProblemException unavailable) {
            log.warn("Registry figures not scanned: {}; the next scan tries again", unavailable.getMessage());
        } catch (RuntimeException failure) {
            log.warn("Registry figures not scanned; the next scan tries again", failure);
        }
    }

    /**
     * A scan now, unless one is running (on this or another replica).
     *
     * @return the scan's result; empty when another scan holds the lock
     * @throws ProblemException 503 naming {@code registry-service} when the registry cannot be read to the end
     */
    @SchedulerLock(name = LOCK, lockAtMostFor = "${incident.watch.lock-at-most-for:30m}")
    public Optional<ScanResult> now() {
        return Optional.of(scan.scan());
    }
}
