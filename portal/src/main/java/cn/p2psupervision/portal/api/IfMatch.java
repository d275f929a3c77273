package cn.p2psupervision.portal.api;

/**
 * The {@code If-Match} header every act on a versioned record sends (docs/api.md, "Versions"): the version the page
 * was rendered from, so that a change made meanwhile is refused (412) rather than overwritten.
 */
public final class IfMatch {

    public static final String HEADER = "If-Match";

    private IfMatch() {
    }

    /** {@code "3"}, quoted as an entity tag. */
    public static String of(long version) {
        return "\"" + version + "\"";
    }
}
