package cn.p2psupervision.platform.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.ProblemDetail;

/**
 * A refusal that answers as an RFC 9457 problem. Domain code and application services throw these;
 * the platform's handlers turn them into {@code application/problem+json}.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType problemType;
    private final Map<String, Object> properties;

    public ProblemException(ProblemType problemType, String detail) {
        this(problemType, detail, Map.of());
    }

    public ProblemException(ProblemType problemType, String detail, Map<String, ?> properties) {
        super(detail);
        this.problemType = problemType;
        this.properties = new LinkedHashMap<>(properties);
    }

    /** 404: absent, or outside the caller's scope — the two must look the same (AUTH-02). */
    public static ProblemException notFound(String what, String id) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " " + id + " was not found");
    }

    /** 409: a duplicate or a state conflict. */
    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }

    /** 412: the {@code If-Match} version is not the current one. */
    public static ProblemException staleVersion(long current) {
        return new ProblemException(ProblemType.PRECONDITION_FAILED,
                "The record is now at version " + current + "; read it again and re-apply your change",
                Map.of("currentVersion", current));
    }

    /** 428: an update came without {@code If-Match}. */
    public static ProblemException versionRequired() {
        return new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                "Send the ETag you read in an If-Match header");
    }

    /** 422: a regulatory rule refuses the act; {@code rule} is the requirement id, e.g. {@code ACC-02a}. */
    public static ProblemException ruleViolation(String rule, String detail) {
        return new ProblemException(ProblemType.RULE_VIOLATION, detail, Map.of("rule", rule));
    }

    /** 400: invalid input that bean validation could not express. */
    public static ProblemException invalid(String detail) {
        return new ProblemException(ProblemType.VALIDATION_FAILED, detail);
    }

    /** 403: the caller's role does not allow the act. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail);
    }

    /** 503: a downstream service could not be reached. */
    public static ProblemException unavailable(String service) {
        return new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                service + " is unavailable; try again shortly", Map.of("service", service));
    }

    public ProblemType problemType() {
        return problemType;
    }

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }

    public ProblemDetail toProblemDetail() {
        ProblemDetail problem = Problems.of(problemType, getMessage());
        properties.forEach(problem::setProperty);
        return problem;
    }
}
