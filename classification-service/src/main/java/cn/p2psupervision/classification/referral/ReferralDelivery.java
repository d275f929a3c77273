package cn.p2psupervision.classification.referral;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.p2psupervision.platform.outbox.OutboxDelivery;

/**
 * Makes the referral to public security that an approved banning decision stored in its outbox (AUTH-05): the
 * decision and the promise of its referral are one write, and this delivery creates the referral, once, however often
 * it runs.
 */
@Component
public class ReferralDelivery implements OutboxDelivery {

    public static final String KIND = "public-security-referral";

    private final ReferralStore referrals;

    ReferralDelivery(ReferralStore referrals) {
        this.referrals = referrals;
    }

    /** What the outbox entry carries: the referral as it will be made. */
    public static Map<String, Object> payload(String institutionId, String name, String creditCode,
                                              String registeredProvince, int round, String category,
                                              List<String> reasons, Instant at) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", Referral.idOf(institutionId, round));
        payload.put("institutionId", institutionId);
        payload.put("institutionName", name);
        payload.put("creditCode", creditCode);
        payload.put("registeredProvince", registeredProvince);
        payload.put("round", round);
        payload.put("category", category);
        payload.put("reasons", List.copyOf(reasons));
        payload.put("referredAt", at.toString());
        return payload;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void deliver(String entryId, Map<String, Object> payload) {
        List<String> reasons = ((List<?>) payload.getOrDefault("reasons", List.of())).stream().map(String::valueOf)
                .toList();
        referrals.insertIfAbsent(new Referral((String) payload.get("id"), Referral.PUBLIC_SECURITY,
                (String) payload.get("institutionId"), (String) payload.get("institutionName"),
                (String) payload.get("creditCode"), (String) payload.get("registeredProvince"),
                ((Number) payload.get("round")).intValue(), (String) payload.get("category"), reasons,
                Instant.parse((String) payload.get("referredAt")), null, List.of(), 1));
    }
}
