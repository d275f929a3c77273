package cn.p2psupervision.incident.watch;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import cn.p2psupervision.incident.events.BalanceRanking;
import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.registryfeed.InstitutionDirectory;
import cn.p2psupervision.platform.registryfeed.InstitutionFigures;
import cn.p2psupervision.platform.registryfeed.InstitutionReference;
import cn.p2psupervision.platform.registryfeed.MonthFigures;
import cn.p2psupervision.platform.registryfeed.RegistryFigures;

/**
 * One scan of every institution's operating figures (REG-03): this context's projection of the registry is paged
 * through in id order, and each page's figures are read from the registry in one call ({@link RegistryFigures#of}),
 * never one institution at a time. For each institution of the projection that has figures,
 * <ul>
 *   <li>INC-10, zombie institutions (僵尸类): whether its figures list it ({@link ZombieDetection}); those already out
 *       (banned, exited, transformed) are never listed;</li>
 *   <li>INC-11, off-site monitoring (非现场监测): for the remaining institutions (registry status operating or filed,
 *       {@link MonitoringCheck#MONITORED}) not listed as zombies, the thresholds in force their latest month
 *       breaks, each an alert;</li>
 *   <li>INC-03, the ranking by loan balance the level proposals use ({@link BalanceRanking}): every institution's
 *       latest month.</li>
 * </ul>
 * Everything is read and evaluated first and stored only then, in bulk: when the registry cannot be read to the end,
 * the scan is a 503 problem naming {@code registry-service} and stores nothing. Run by {@link WatchScanJob}, once at
 * a time across replicas.
 */
@Service
class RegistryFiguresScan {

    private static final Logger log = LoggerFactory.getLogger(RegistryFiguresScan.class);

    private final RegistryFigures registry;
    private final InstitutionDirectory institutions;
    private final MonitoringThresholdSettings thresholds;
    private final ZombieStore zombies;
    private final AlertStore alerts;
    private final BalanceRanking ranking;
    private final WatchProperties properties;
    private final Clock clock;

    RegistryFiguresScan(RegistryFigures registry, InstitutionDirectory institutions,
                        MonitoringThresholdSettings thresholds, ZombieStore zombies, AlertStore alerts,
                        BalanceRanking ranking, WatchProperties properties, Clock clock) {
        this.registry = registry;
        this.institutions = institutions;
        this.thresholds = thresholds;
        this.zombies = zombies;
        this.alerts = alerts;
        this.ranking = ranking;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Scans every institution's figures and stores the zombie list and the alerts found.
     *
     * @throws ProblemException 503 naming {@code registry-service} when the registry cannot be read to the end
     *                          (nothing is stored then)
     */
    ScanResult scan() {
        long started = System.nanoTime();
        Instant scannedAt = clock.instant();
        String scanId = UUID.randomUUID().toString();
        MonitoringThresholds limits = thresholds.current();
        Map<String, Zombie> listed = zombies.all();
        Set<String> closed = listed.values().stream().filter(zombie -> zombie.closure() != null)
                .map(Zombie::institutionId).collect(Collectors.toSet());

        List<String> scanned = new ArrayList<>();
        List<ZombieFinding> found = new ArrayList<>();
        List<InstitutionReference> closedOnly = new ArrayList<>();
        List<Alert> raised = new ArrayList<>();
        List<BalanceRanking.Latest> latest = new ArrayList<>();
        List<String> ids = institutions.ids();
        for (int from = 0; from < ids.size(); from += properties.pageSize()) {
            List<String> batch = ids.subList(from, Math.min(from + properties.pageSize(), ids.size()));
            List<InstitutionFigures> items = registry.of(batch);
            Map<String, InstitutionReference> known = items.isEmpty() ? Map.of() : institutions.findAll(
                    items.stream().map(InstitutionFigures::institutionId).toList());
            for (InstitutionFigures item : items) {
                InstitutionReference institution = known.get(item.institutionId());
                if (institution == null) {
                    continue; // left the projection since the ids were read: the next scan knows
                }
                scanned.add(institution.id());
                OperatingSeries series = OperatingSeries.of(item.figures());
                MonthFigures last = item.figures().isEmpty() ? null : item.figures().get(item.figures().size() - 1);
                if (last != null && last.loanBalance() != null) {
                    latest.add(new BalanceRanking.Latest(institution.id(), last.period(), last.loanBalance(),
                            last.lenders()));
                }
                List<ZombieReason> reasons = ZombieDetection.listable(institution.status())
                        ? ZombieDetection.reasons(series) : List.of();
                if (!reasons.isEmpty()) {
                    found.add(new ZombieFinding(institution, reasons, series.latest().period()));
                } else if (closed.contains(institution.id())) {
                    closedOnly.add(institution);
                }
                if (reasons.isEmpty() && !closed.contains(institution.id())
                        && MonitoringCheck.MONITORED.contains(institution.status())) {
                    for (MonitoringCheck.Breach breach : MonitoringCheck.breaches(series, limits)) {
                        raised.add(Alert.raise(institution, breach, scannedAt));
                    }
                }
            }
        }

        zombies.storeScan(scanId, scannedAt, listed, found, closedOnly);
        ranking.replace(scanId, latest);
        Set<String> newAlerts = alerts.raise(raised);
        long took = (System.nanoTime() - started) / 1_000_000;
        log.info("Scan {}: {} institutions with figures scanned in {} ms, {} zombies, {} alerts", scanId,
                scanned.size(), took, found.size(), raised.size());
        return new ScanResult(scanId, scannedAt, took, List.copyOf(scanned),
                found.stream().map(zombie -> zombie.institution().id()).toList(),
                raised.stream().map(alert -> new ScanResult.AlertFound(alert.id(), alert.institutionId())).toList(),
                Set.copyOf(newAlerts));
    }
}
