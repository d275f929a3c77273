package cn.p2psupervision.portal.incident;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The watch over institutions as the portal reads it (docs/api.md section 6, "Zombie institutions and off-site
 * monitoring"): the zombie institutions (僵尸类, INC-10) with the months or the closure of bidding that decide it,
 * and the off-site monitoring alerts (非现场监测预警, INC-11) with the figures behind them.
 */
public final class WatchList {

    /** INC-11: an alert's states, the open ones first. */
    static final List<String> ALERT_STATES = List.of("OPEN", "TURNED_INTO_SIGNAL", "DISMISSED");

    private WatchList() {
    }

    /** INC-10: a listed zombie; {@code latestPeriod} null when listed by a closure of bidding alone. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Zombie(String institutionId, String creditCode, String name, String registeredProvince,
                         List<String> businessProvinces, String status, List<ZombieReason> reasons,
                         String latestPeriod, Instant detectedAt) {

        public Zombie {
            businessProvinces = orEmpty(businessProvinces);
            reasons = orEmpty(reasons);
        }

        /** Listed (also) by a closure of bidding an officer recorded, which can be withdrawn. */
        public boolean biddingClosed() {
            return reasons.stream().anyMatch(r -> "BIDDING_CLOSED".equals(r.rule()));
        }
    }

    /**
     * INC-10: one reason: the consecutive months at zero ({@code BALANCE_ZERO}, {@code NEW_LENDING_ZERO}, the oldest
     * first), or the day and evidence of a closure of bidding ({@code BIDDING_CLOSED}).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ZombieReason(String rule, List<String> months, LocalDate observedOn, String evidence) {

        public ZombieReason {
            months = orEmpty(months);
        }

        public String firstMonth() {
            return months.isEmpty() ? null : months.get(0);
        }

        public String lastMonth() {
            return months.isEmpty() ? null : months.get(months.size() - 1);
        }
    }

    /** INC-10: what an officer of the registration province states of a closure of bidding. */
    public record ClosureDraft(String institutionId, String observedOn, String evidence) {
    }

    /** INC-10: a recorded closure of bidding; {@code recordedBy} is a username. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Closure(String institutionId, LocalDate observedOn, String evidence, String recordedBy,
                          Instant recordedAt) {
    }

    /**
     * INC-11: an alert, {@code threshold} and {@code value} in percent, with the months behind it (the month before
     * when the metric compares with it, then the month itself); {@code signalId} once turned into a signal,
     * {@code reason} once dismissed.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Alert(String id, String institutionId, String name, String creditCode, String registeredProvince,
                        String period, String metric, BigDecimal threshold, BigDecimal value,
                        List<MonthFigures> figures, Instant raisedAt, String state, String signalId,
                        String stateChangedBy, Instant stateChangedAt, String reason, long version) {

        public Alert {
            figures = orEmpty(figures);
        }

        public boolean open() {
            return "OPEN".equals(state);
        }
    }

    /** A month's operating figures (REG-03): money in yuan, the overdue rate in percent; null when not reported. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MonthFigures(String period, BigDecimal loanBalance, Long lenders, Long borrowers,
                               BigDecimal newLending, BigDecimal overdueRate) {
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
