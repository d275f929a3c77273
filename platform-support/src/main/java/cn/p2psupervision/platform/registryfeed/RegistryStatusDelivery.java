package cn.p2psupervision.platform.registryfeed;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import feign.FeignException;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;

import cn.p2psupervision.platform.outbox.OutboxDelivery;
import cn.p2psupervision.platform.outbox.OutboxEntry;
import cn.p2psupervision.platform.outbox.OutboxRelay;

/**
 * REG-08: delivers a status decided in this context (banning 取缔 in classification, filing 备案 in acceptance,
 * suspension, loss of contact 失联 or absconding 跑路 in incidents) to the institution's file in the registry, as the
 * {@link OutboxDelivery} of kind {@value #KIND}. The deciding context stores the decision and an
 * {@link OutboxEntry} with {@link #payload} in one write; the {@link OutboxRelay} calls this afterwards, with the
 * platform's own {@code platform-services} identity, {@code PUT /internal/registry/institutions/{id}/status}.
 *
 * <p>Each call goes through the Spring Cloud circuit breaker {@value #NAME} (Resilience4j breaker, time limiter 6 s
 * above the 5 s read timeout; a breaker of its own, so that background deliveries and the screening reads on users'
 * requests ({@link RegistryReports}) do not open each other's breaker), but no retry of its own: the relay is the
 * retry, with its doubling backoff. The registry is idempotent (the same decision again changes nothing), so a
 * delivery repeated after an unseen outcome is harmless. Outcomes:
 * <ul>
 *   <li>2xx: delivered;</li>
 *   <li>a refusal for good (a 4xx other than 408, 409 and 429: an unknown institution, a decision dated in the future,
 *       an invalid status): {@link OutboxDelivery.Refused}, with the registry's words;</li>
 *   <li>anything else (unreachable, too slow, 5xx, 408, 429, the breaker open, and 409, which the registry answers
 *       when the file kept changing while the status was recorded and asks to retry): a failure the relay tries
 *       again.</li>
 * </ul>
 */
public class RegistryStatusDelivery implements OutboxDelivery {

    /** The {@link OutboxEntry#kind()} this delivers. */
    public static final String KIND = "registry-status";
    /** Name of the Feign client, the breaker and the time limiter. */
    public static final String NAME = "registry-status";

    /** Payload key: the registry's id of the institution (or its credit code). */
    public static final String INSTITUTION_ID = "institutionId";
    /** Payload key: the registry's status name ({@code BANNED}, {@code FILED}, {@code SUSPENDED}, ...). */
    public static final String STATUS = "status";
    /** Payload key: the deciding context ({@code CLASSIFICATION}, {@code ACCEPTANCE}, {@code INCIDENT}). */
    public static final String CONTEXT = "context";
    /** Payload key: the deciding context's reference of the decision; with context and status, the registry's key. */
    public static final String REFERENCE = "reference";
    /** Payload key: the date of the decision, ISO {@code yyyy-MM-dd}; absent: the registry's today. */
    public static final String DECIDED_ON = "decidedOn";
    /** Payload key: why, in the deciding context's words; optional. */
    public static final String REASON = "reason";

    private static final List<String> REQUIRED = List.of(INSTITUTION_ID, STATUS, CONTEXT, REFERENCE);
    private static final List<String> BODY = List.of(STATUS, CONTEXT, REFERENCE, DECIDED_ON, REASON);

    private final RegistryStatusClient client;
    private final CircuitBreaker breaker;

    RegistryStatusDelivery(RegistryStatusClient client, CircuitBreakerFactory<?, ?> breakers) {
        this.client = client;
        this.breaker = breakers.create(NAME);
    }

    /**
     * The payload of an entry of kind {@value #KIND}: plain strings, absent members left out.
     *
     * @param institutionId the registry's id of the institution (or its credit code)
     * @param status        the registry's status name, e.g. {@code BANNED}
     * @param context       the deciding context: {@code CLASSIFICATION}, {@code ACCEPTANCE} or {@code INCIDENT}
     * @param reference     this context's reference of the decision (a decision id, a filing number, an event id)
     * @param decidedOn     the date of the decision, or null for the registry's today; never in the future
     * @param reason        why, or null
     * @throws IllegalArgumentException when the institution, status, context or reference is missing
     */
    public static Map<String, Object> payload(String institutionId, String status, String context, String reference,
                                              LocalDate decidedOn, String reason) {
        Map<String, Object> payload = new LinkedHashMap<>();
        put(payload, INSTITUTION_ID, institutionId);
        put(payload, STATUS, status);
        put(payload, CONTEXT, context);
        put(payload, REFERENCE, reference);
        put(payload, DECIDED_ON, decidedOn == null ? null : decidedOn.toString());
        put(payload, REASON, reason);
        for (String member : REQUIRED) {
            if (!payload.containsKey(member)) {
                throw new IllegalArgumentException("A registry status change needs " + member);
            }
        }
        return payload;
    }

    private static void put(Map<String, Object> payload, String member, String value) {
        if (value != null && !value.isBlank()) {
            payload.put(member, value);
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void deliver(String entryId, Map<String, Object> payload) {
        for (String member : REQUIRED) {
            if (!(payload.get(member) instanceof String value) || value.isBlank()) {
                throw new Refused("The entry names no " + member + ": nothing to send to " + RegistryCalls.SERVICE);
            }
        }
        String institutionId = (String) payload.get(INSTITUTION_ID);
        Map<String, Object> change = new LinkedHashMap<>();
        for (String member : BODY) {
            if (payload.get(member) != null) {
                change.put(member, payload.get(member));
            }
        }
        Optional<String> refusal;
        try {
            refusal = breaker.run(() -> send(institutionId, change), RegistryCalls::rethrow);
        } catch (RuntimeException failure) {
            throw new IllegalStateException("The status change was not delivered: " + RegistryCalls.describe(failure),
                    failure);
        }
        if (refusal.isPresent()) {
            throw new Refused(refusal.get());
        }
    }

    /**
     * One call; the registry's refusal for good, if it refused. A refusal is an answer, not a failure of the
     * registry: the breaker does not count it.
     */
    private Optional<String> send(String institutionId, Map<String, Object> change) {
        try {
            client.change(institutionId, change);
            return Optional.empty();
        } catch (FeignException.FeignClientException refused) {
            int status = refused.status();
            if (status == 408 || status == 409 || status == 429) {
                throw refused;
            }
            return Optional.of(RegistryCalls.SERVICE + " refused the status change (" + status + ")"
                    + RegistryCalls.problemText(refused).map(text -> ": " + text).orElse(""));
        }
    }
}
