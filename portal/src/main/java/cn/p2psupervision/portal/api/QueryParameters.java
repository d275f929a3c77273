package cn.p2psupervision.portal.api;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import org.springframework.web.util.UriBuilder;

/**
 * Query parameters given as URI variables, so that every value is encoded whole ({@code &}, {@code +}, {@code =} and
 * Chinese in a name search included); a null value is no parameter.
 */
public final class QueryParameters {

    private final UriBuilder uri;
    private final Map<String, Object> values = new HashMap<>();

    private QueryParameters(UriBuilder uri) {
        this.uri = uri;
    }

    public static QueryParameters on(UriBuilder uri) {
        return new QueryParameters(uri);
    }

    public QueryParameters with(String name, Object value) {
        if (value != null) {
            uri.queryParam(name, "{" + name + "}");
            values.put(name, value);
        }
        return this;
    }

    public URI build() {
        return uri.build(values);
    }
}
