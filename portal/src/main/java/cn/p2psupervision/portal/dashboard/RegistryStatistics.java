package cn.p2psupervision.portal.dashboard;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The registry's statistics (REG-09, REG-10; {@code GET /api/v1/registry/statistics}): for central the national
 * totals and one row per province, as of the end of a month.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegistryStatistics(String asOf, String scope, Totals national, List<ProvinceRow> provinces,
                          Long operatingHereRegisteredElsewhere) {

    public RegistryStatistics {
        provinces = provinces == null ? List.of() : List.copyOf(provinces);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Totals(long institutions, Map<String, Long> byStatus, long crossRegion, BigDecimal loanBalance,
                  long lenders, long withoutReport) {

        public Totals {
            byStatus = byStatus == null ? Map.of() : Map.copyOf(byStatus);
        }

        public long inStatus(String status) {
            return byStatus.getOrDefault(status, 0L);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProvinceRow(String province, String name, Totals totals) {
    }
}
