package cn.p2psupervision.platform.agency;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.p2psupervision.platform.outbox.OutboxDelivery;
import cn.p2psupervision.platform.problem.InvalidInputException;

/**
 * Makes the agency request that a decision stored in its outbox (AUTH-05): the decision and the promise of its
 * request are one write, and this delivery creates the request in the context's {@value AgencyRequestStore#COLLECTION},
 * once, however often it runs. A context stores
 * {@code OutboxEntry.pending(entryId, AgencyRequestDelivery.KIND, AgencyRequestDelivery.payload(draft), now)}.
 */
public class AgencyRequestDelivery implements OutboxDelivery {

    /** The {@link cn.p2psupervision.platform.outbox.OutboxEntry#kind()} of agency requests. */
    public static final String KIND = "agency-request";

    private final AgencyRequestStore requests;

    public AgencyRequestDelivery(AgencyRequestStore requests) {
        this.requests = requests;
    }

    /** What the outbox entry carries: the request as it will be made, as plain values (absent ones left out). */
    public static Map<String, Object> payload(AgencyRequest.Draft draft) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", draft.id());
        payload.put("kind", draft.kind().name());
        payload.put("agency", draft.kind().agency().name());
        payload.put("institutionId", draft.institutionId());
        payload.put("institutionName", draft.institutionName());
        putIfPresent(payload, "creditCode", draft.creditCode());
        putIfPresent(payload, "registeredProvince", draft.registeredProvince());
        payload.put("businessProvinces", draft.businessProvinces());
        payload.put("origin", draft.origin());
        putIfPresent(payload, "originReference", draft.originReference());
        payload.put("reasons", draft.reasons());
        payload.put("requestedAt", draft.requestedAt().toString());
        putIfPresent(payload, "dueOn", draft.dueOn() == null ? null : draft.dueOn().toString());
        return payload;
    }

    /** The request a payload describes: the inverse of {@link #payload}. */
    public static AgencyRequest.Draft draftOf(Map<String, Object> payload) {
        try {
            String dueOn = string(payload, "dueOn");
            return new AgencyRequest.Draft(string(payload, "id"), AgencyRequestKind.valueOf(string(payload, "kind")),
                    string(payload, "institutionId"), string(payload, "institutionName"),
                    string(payload, "creditCode"), string(payload, "registeredProvince"),
                    strings(payload, "businessProvinces"), string(payload, "origin"),
                    string(payload, "originReference"), strings(payload, "reasons"),
                    Instant.parse(string(payload, "requestedAt")), dueOn == null ? null : LocalDate.parse(dueOn));
        } catch (InvalidInputException invalid) {
            throw new Refused("Not an agency request: " + invalid.describe());
        } catch (RuntimeException unreadable) {
            throw new Refused("Not an agency request: the payload lacks or misstates a kind, a time or a date");
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void deliver(String entryId, Map<String, Object> payload) {
        requests.insertIfAbsent(AgencyRequest.sent(draftOf(payload)));
    }

    private static void putIfPresent(Map<String, Object> payload, String key, String value) {
        if (value != null) {
            payload.put(key, value);
        }
    }

    private static String string(Map<String, Object> payload, String key) {
        Object value = payload.get(key);
        return value == null ? null : String.valueOf(value);
    }

    private static List<String> strings(Map<String, Object> payload, String key) {
        return payload.get(key) instanceof List<?> values ? values.stream().map(String::valueOf).toList() : List.of();
    }
}
