package cn.p2psupervision.incident.watch;

import java.time.LocalDate;
import java.util.List;

/**
 * INC-10: one reason an institution is a zombie (僵尸类), with what decides it: the months at zero of a figures rule,
 * or the day and evidence of a recorded closure of bidding.
 *
 * @param rule       the rule
 * @param months     {@link ZombieRule#BALANCE_ZERO}, {@link ZombieRule#NEW_LENDING_ZERO}: the consecutive months
 *                   ({@code yyyy-MM}, the oldest first) at zero, ending at the latest reported month; null otherwise
 * @param observedOn {@link ZombieRule#BIDDING_CLOSED}: the day the closure was observed; null otherwise
 * @param evidence   {@link ZombieRule#BIDDING_CLOSED}: what the officer saw; null otherwise
 */
public record ZombieReason(ZombieRule rule, List<String> months, LocalDate observedOn, String evidence) {

    public ZombieReason {
        months = months == null ? null : List.copyOf(months);
    }

    static ZombieReason ofMonths(ZombieRule rule, List<String> months) {
        return new ZombieReason(rule, months, null, null);
    }

    static ZombieReason ofClosure(BiddingClosure closure) {
        return new ZombieReason(ZombieRule.BIDDING_CLOSED, null, closure.observedOn(), closure.evidence());
    }
}
