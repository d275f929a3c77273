package cn.p2psupervision.platform.input;

import cn.p2psupervision.platform.problem.InvalidInputException;
import cn.p2psupervision.platform.problem.ProblemException;

/**
 * Optimistic locking as every service speaks it: a record's ETag is its version in quotes ({@code "3"}), and a change
 * names the version it is based on in {@code If-Match}: absent 428, not an ETag of this API 400, stale 412 (by the
 * store that compares it).
 */
public final class IfMatch {

    public static final String HEADER = "If-Match";

    private IfMatch() {
    }

    /** The ETag of a record at {@code version}. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version a change is based on: {@code If-Match: "3"} (or {@code W/"3"}); 428 when absent. */
    public static long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.versionRequired();
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(HEADER, "must carry an ETag of this API, e.g. \"3\"");
        }
    }
}
