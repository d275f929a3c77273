package cn.p2psupervision.platform.requestid;

import java.util.UUID;
import java.util.regex.Pattern;

/** The request id carried through gateway, services and logs in the {@code X-Request-Id} header. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {
    }

    /** Keeps a well-formed incoming id, otherwise makes a new one (never trust arbitrary header text into logs). */
    public static String acceptOrCreate(String incoming) {
        if (incoming != null && ACCEPTABLE.matcher(incoming).matches()) {
            return incoming;
        }
        return UUID.randomUUID().toString();
    }
}
