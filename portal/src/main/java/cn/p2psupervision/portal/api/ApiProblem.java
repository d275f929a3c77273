package cn.p2psupervision.portal.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An RFC 9457 problem as the platform answers a refusal ({@code application/problem+json}, docs/api.md): the stable
 * {@code type} ({@code urn:p2p-supervision:problem:<slug>}), the status, and the members some problems add: the
 * failed gates of ACC-02 ({@code gates}), the checks keeping a case from passing ({@code checks}) and the provinces
 * whose opinion is outstanding ({@code provinces}, ACC-16). Those three are empty when the problem has none.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiProblem(String type, String title, int status, String detail, String rule, String service,
                         String requestId, List<FieldError> errors, Long retryAfter, Long currentVersion,
                         List<Gate> gates, List<Deficiency> checks, List<String> provinces) {

    static final String TYPE_PREFIX = "urn:p2p-supervision:problem:";

    @JsonCreator
    public ApiProblem {
        errors = errors == null ? List.of() : List.copyOf(errors);
        gates = gates == null ? List.of() : List.copyOf(gates);
        checks = checks == null ? List.of() : List.copyOf(checks);
        provinces = provinces == null ? List.of() : List.copyOf(provinces);
    }

    /** A problem without gates, checks or provinces. */
    public ApiProblem(String type, String title, int status, String detail, String rule, String service,
                      String requestId, List<FieldError> errors, Long retryAfter, Long currentVersion) {
        this(type, title, status, detail, rule, service, requestId, errors, retryAfter, currentVersion, List.of(),
                List.of(), List.of());
    }

    /** A refusal that came without a problem body: only its status is known. */
    public static ApiProblem ofStatus(int status) {
        return new ApiProblem(null, null, status, null, null, null, null, List.of(), null, null);
    }

    /** The same problem with another status (the one the answer carried), every member kept. */
    public ApiProblem withStatus(int answered) {
        return new ApiProblem(type, title, answered, detail, rule, service, requestId, errors, retryAfter,
                currentVersion, gates, checks, provinces);
    }

    /** The same problem naming other refused fields, every other member kept. */
    public ApiProblem withErrors(List<FieldError> refused) {
        return new ApiProblem(type, title, status, detail, rule, service, requestId, refused, retryAfter,
                currentVersion, gates, checks, provinces);
    }

    /** The type's last part, e.g. {@code not-found}; null when the answer was no platform problem. */
    public String slug() {
        return type != null && type.startsWith(TYPE_PREFIX) ? type.substring(TYPE_PREFIX.length()) : null;
    }

    /** One refused member, parameter or header of a {@code validation-failed} problem. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FieldError(String field, String message) {
    }

    /** ACC-02: a failed gate ({@code ACC-02a}..{@code ACC-02h}) with the service's reason. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Gate(String gate, String reason) {
    }

    /** ACC-03..05: a check keeping a case from passing: {@code MISSING}, {@code FAILED} or {@code UNCONFIRMED}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Deficiency(String code, String name, String problem) {
    }
}
