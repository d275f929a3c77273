package cn.p2psupervision.portal.incident;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The incident context's central data and record (docs/api.md section 6): monitoring thresholds, the read record. */
public final class Watch {

    private Watch() {
    }

    /**
     * INC-11: a version of the off-site monitoring thresholds, in percent ({@code "10.00"} = 10 %): the overdue rate
     * above {@code overdueRateMax}, the loan balance or the lenders fallen by more than the two others from the month
     * before. {@code changedBy} is null for the defaults.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MonitoringThresholds(long version, BigDecimal overdueRateMax, BigDecimal balanceFallMaxPercent,
                                       BigDecimal lendersFallMaxPercent, String changedBy, Instant changedAt,
                                       String reason) {
    }

    /** AUTH-07: one read of confidential incident records: who, when, by which action, which records. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Read(String id, Instant at, String username, List<String> roles, String province, String agency,
                       String action, List<String> eventIds, List<String> signalIds, List<String> institutionIds,
                       List<String> alertIds) {

        public Read {
            roles = orEmpty(roles);
            eventIds = orEmpty(eventIds);
            signalIds = orEmpty(signalIds);
            institutionIds = orEmpty(institutionIds);
            alertIds = orEmpty(alertIds);
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
