package cn.p2psupervision.incident.watch;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What one scan of the operating figures did (INC-10, INC-11).
 *
 * @param scanId       the scan's id (the zombies it found carry it)
 * @param scannedAt    when it started (the domain clock)
 * @param tookMillis   how long it took, reading and storing (real time)
 * @param scanned      the institutions whose figures it evaluated (those known to this context's projection)
 * @param zombies      the institutions it found to be zombies by their figures
 * @param alerts       the alerts it found (raised now or before), by id, with their institution
 * @param newAlertIds  the alerts raised by this scan
 */
record ScanResult(String scanId, Instant scannedAt, long tookMillis, List<String> scanned, List<String> zombies,
                  List<AlertFound> alerts, Set<String> newAlertIds) {

    record AlertFound(String alertId, String institutionId) {
    }
}
