package cn.p2psupervision.platform.problem;

import java.util.Map;
import java.util.regex.Pattern;

import org.slf4j.MDC;
import org.springframework.http.ProblemDetail;

import cn.p2psupervision.platform.requestid.RequestIds;

/** Builds problem details and writes them as JSON where no message converter is at hand (security filters). */
public final class Problems {

    /**
     * Text that names Java code: a package-qualified name or an exception or error class. Framework exceptions
     * sometimes put such names in their detail (e.g. the body type a codec could not read); a client must never see
     * them.
     */
    private static final Pattern JAVA_NAMES = Pattern.compile(
            "\\b(?:java|javax|jakarta|sun|com\\.sun|org\\.springframework|io\\.netty|reactor|tools\\.jackson"
                    + "|com\\.fasterxml|io\\.github|org\\.apache|org\\.bson|com\\.mongodb|cn\\.p2psupervision)\\.\\w"
                    + "|\\w(?:Exception|Error)\\b");

    private Problems() {
    }

    /** Whether {@code text} names Java code. */
    public static boolean namesJavaCode(String text) {
        return text != null && JAVA_NAMES.matcher(text).find();
    }

    /** The last guard before a problem is written: a detail naming Java code is replaced by the title. */
    public static ProblemDetail withoutJavaNames(ProblemDetail problem) {
        if (namesJavaCode(problem.getDetail())) {
            problem.setDetail(problem.getTitle());
        }
        return problem;
    }

    /** The identity provider a 503 names when a token could not be checked ({@link #tokenNotCheckable()}). */
    public static final String IDENTITY_PROVIDER = "keycloak";
    /** The {@code Retry-After} of that 503, in seconds. */
    public static final String TOKEN_NOT_CHECKABLE_RETRY_AFTER = "5";

    /**
     * 503 naming {@value #IDENTITY_PROVIDER}: a token that could not be checked at all because the realm's signing
     * keys could not be fetched (Keycloak down or too slow), in the services and at the gateway alike.
     */
    public static ProblemDetail tokenNotCheckable() {
        ProblemDetail problem = of(ProblemType.SERVICE_UNAVAILABLE, IDENTITY_PROVIDER
                + " is unavailable: the token could not be checked; try again shortly");
        problem.setProperty("service", IDENTITY_PROVIDER);
        return problem;
    }

    public static ProblemDetail of(ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.type());
        problem.setTitle(type.title());
        String requestId = MDC.get(RequestIds.MDC_KEY);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }

    /**
     * Minimal JSON for a problem whose members are strings, numbers, and lists of string maps ({@code errors}): no
     * JSON library needed in filters.
     */
    public static String toJson(ProblemDetail problem) {
        StringBuilder json = new StringBuilder("{");
        append(json, "type", String.valueOf(problem.getType()));
        append(json, "title", problem.getTitle());
        json.append("\"status\":").append(problem.getStatus()).append(',');
        append(json, "detail", problem.getDetail());
        if (problem.getInstance() != null) {
            append(json, "instance", problem.getInstance().toString());
        }
        Map<String, Object> properties = problem.getProperties();
        if (properties != null) {
            properties.forEach((name, value) -> {
                json.append('"').append(escape(name)).append("\":");
                value(json, value);
                json.append(',');
            });
        }
        json.setLength(json.length() - 1);
        return json.append('}').toString();
    }

    private static void value(StringBuilder json, Object value) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof Number number) {
            json.append(number);
        } else if (value instanceof Iterable<?> list) {
            json.append('[');
            int start = json.length();
            for (Object item : list) {
                value(json, item);
                json.append(',');
            }
            if (json.length() > start) {
                json.setLength(json.length() - 1);
            }
            json.append(']');
        } else if (value instanceof Map<?, ?> map) {
            json.append('{');
            int start = json.length();
            map.forEach((k, v) -> {
                json.append('"').append(escape(String.valueOf(k))).append("\":");
                value(json, v);
                json.append(',');
            });
            if (json.length() > start) {
                json.setLength(json.length() - 1);
            }
            json.append('}');
        } else {
            json.append('"').append(escape(String.valueOf(value))).append('"');
        }
    }

    private static void append(StringBuilder json, String name, String value) {
        json.append('"').append(escape(name)).append("\":");
        if (value == null) {
            json.append("null");
        } else {
            json.append('"').append(escape(value)).append('"');
        }
        json.append(',');
    }

    private static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
