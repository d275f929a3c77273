package cn.p2psupervision.portal.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An RFC 9457 problem as the platform answers a refusal ({@code application/problem+json}, docs/api.md): the stable
 * {@code type} ({@code urn:p2p-supervision:problem:<slug>}), the status, and the members some problems add.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiProblem(String type, String title, int status, String detail, String rule, String service,
                         String requestId, List<FieldError> errors, Long retryAfter, Long currentVersion) {

    static final String TYPE_PREFIX = "urn:p2p-supervision:problem:";

    public ApiProblem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** A refusal that came without a problem body: only its status is known. */
    public static ApiProblem ofStatus(int status) {
        return new ApiProblem(null, null, status, null, null, null, null, List.of(), null, null);
    }

    /** The type's last part, e.g. {@code not-found}; null when the answer was no platform problem. */
    public String slug() {
        return type != null && type.startsWith(TYPE_PREFIX) ? type.substring(TYPE_PREFIX.length()) : null;
    }

    /** One refused member, parameter or header of a {@code validation-failed} problem. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FieldError(String field, String message) {
    }
}
