package cn.p2psupervision.incident.watch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;

/**
 * INC-10: an institution on the list of zombie institutions (僵尸类) for shutdown, as stored (collection
 * {@value ZombieStore#COLLECTION}): the reasons the latest scan of the operating figures found, and a closure of
 * bidding an officer recorded, either of which lists it. The institution's names, provinces and status are copied
 * from this context's projection of the registry when a scan or an officer writes it.
 *
 * @param scanReasons  the figures rules the latest scan found to hold ({@link ZombieRule#BALANCE_ZERO},
 *                     {@link ZombieRule#NEW_LENDING_ZERO}) with their months; empty when none
 * @param latestPeriod the latest reported month at that scan; null when listed by a closure alone
 * @param scanned      whether the latest scan found a figures rule to hold
 * @param scanId       the scan that last changed its figures reasons, latest month, names or status
 * @param scannedAt    when that scan ran (the domain clock)
 * @param closure      the recorded closure of bidding, or null
 * @param detectedAt   when it was first listed (since it last left the list)
 */
public record Zombie(@Id String institutionId, String creditCode, String name, String registeredProvince,
                     List<String> businessProvinces, String status, List<ZombieReason> scanReasons,
                     String latestPeriod, boolean scanned, String scanId, Instant scannedAt, BiddingClosure closure,
                     Instant detectedAt) {

    public Zombie {
        businessProvinces = businessProvinces == null ? List.of() : List.copyOf(businessProvinces);
        scanReasons = scanReasons == null ? List.of() : List.copyOf(scanReasons);
    }

    /** Every reason it is listed: the figures rules of the latest scan, then the closure of bidding. */
    public List<ZombieReason> reasons() {
        List<ZombieReason> reasons = new ArrayList<>(scanned ? scanReasons : List.of());
        if (closure != null) {
            reasons.add(ZombieReason.ofClosure(closure));
        }
        return reasons;
    }
}
