package cn.p2psupervision.platform.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;

/** The stable problem types (RFC 9457 {@code type}) every service and the gateway answer with. */
public enum ProblemType {
    VALIDATION_FAILED(HttpStatus.BAD_REQUEST, "validation-failed", "The request is not valid"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "unauthenticated", "A valid access token is required"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Your role does not allow this"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable"),
    CONFLICT(HttpStatus.CONFLICT, "conflict", "Conflict with the current state"),
    PRECONDITION_FAILED(HttpStatus.PRECONDITION_FAILED, "stale-version", "The record changed since you read it"),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type"),
    RULE_VIOLATION(HttpStatus.UNPROCESSABLE_CONTENT, "rule-violation", "A regulatory rule refuses this"),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
            "The Idempotency-Key was already used for a different request"),
    PRECONDITION_REQUIRED(HttpStatus.PRECONDITION_REQUIRED, "version-required",
            "This update must carry the version it was based on (If-Match)"),
    TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error"),
    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "A service is unavailable"),
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "malformed-request", "The request is malformed"),
    URI_TOO_LONG(HttpStatus.URI_TOO_LONG, "uri-too-long", "The request URI is too long"),
    HEADERS_TOO_LARGE(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "headers-too-large",
            "The request headers are too large"),
    SERVICE_ERROR(HttpStatus.BAD_GATEWAY, "service-error", "A service failed"),
    GATEWAY_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, "gateway-timeout", "A service did not answer in time");

    /** Prefix of every problem type URI. */
    public static final String TYPE_PREFIX = "urn:p2p-supervision:problem:";

    private final HttpStatus status;
    private final URI type;
    private final String title;

    ProblemType(HttpStatus status, String slug, String title) {
        this.status = status;
        this.type = URI.create(TYPE_PREFIX + slug);
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    /** The problem type that stands for an HTTP status, for errors raised by the framework itself. */
    public static ProblemType forStatus(int status) {
        for (ProblemType candidate : values()) {
            if (candidate.status.value() == status) {
                return candidate;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : VALIDATION_FAILED;
    }
}
