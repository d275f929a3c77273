package cn.p2psupervision.portal.acceptance;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A version of the custody-bank whitelist (存管银行白名单, ACC-15): central data the acceptance gate ACC-02e reads;
 * {@code changedBy} is null for the list the campaign started with.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustodyBanks(long version, List<String> banks, String changedBy, Instant changedAt, String reason) {

    public CustodyBanks {
        banks = banks == null ? List.of() : List.copyOf(banks);
    }
}
