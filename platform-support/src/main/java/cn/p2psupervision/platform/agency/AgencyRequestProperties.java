package cn.p2psupervision.platform.agency;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a context opens its agencies' door ({@code platform.agency-requests.*}, AUTH-05); none: no door.
 *
 * @param path          the agencies' path, e.g. {@code /api/v1/classification/agency-requests}: {@code GET path},
 *                      {@code GET path/{id}}, {@code POST path/{id}/acknowledgement}, {@code POST path/{id}/answers}.
 *                      It and {@code path/**} must be in {@code platform.security.partner-paths}.
 * @param regulatorPath the context's regulator API, e.g. {@code /api/v1/classification}:
 *                      {@code GET regulatorPath/institutions/{institutionId}/agency-requests} and
 *                      {@code GET regulatorPath/overdue-agency-requests}; outside the partner paths
 */
@ConfigurationProperties("platform.agency-requests")
public record AgencyRequestProperties(String path, String regulatorPath) {

    /** Below {@code regulatorPath}: the requests about one institution. */
    public static final String OF_INSTITUTION = "/institutions/{institutionId}/agency-requests";
    /** Below {@code regulatorPath}: the overdue requests in the caller's scope. */
    public static final String OVERDUE = "/overdue-agency-requests";

    public AgencyRequestProperties {
        path = checked("platform.agency-requests.path", path);
        regulatorPath = checked("platform.agency-requests.regulator-path", regulatorPath);
        if (regulatorPath.equals(path) || regulatorPath.startsWith(path + "/")) {
            throw new IllegalArgumentException("platform.agency-requests.regulator-path (" + regulatorPath
                    + ") must not lie under platform.agency-requests.path (" + path + "), which only agencies reach");
        }
    }

    private static String checked(String property, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(property + " must be set, e.g. /api/v1/classification"
                    + (property.endsWith(".path") ? "/agency-requests" : ""));
        }
        String path = value.strip();
        if (!path.startsWith("/api/") || path.endsWith("/") || !path.matches("[A-Za-z0-9/_.-]+")) {
            throw new IllegalArgumentException(property + " must be a plain path under /api/ without a trailing"
                    + " slash, e.g. /api/v1/classification/agency-requests; it is '" + value + "'");
        }
        return path;
    }
}
