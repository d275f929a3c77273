package cn.p2psupervision.platform.security;

/**
 * Which roles reach which paths, the same in every service (defence in depth, AUTH-01..05).
 * The servlet and reactive security configurations both apply these constants.
 */
public final class AccessRules {

    /** Open to everyone: health probes, API descriptions, the public notice and complaint API (AUTH-06). */
    public static final String[] PUBLIC_PATHS = {
            "/actuator/health", "/actuator/health/**", "/actuator/info",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**",
            "/api/v1/public/**"};

    /** Service-to-service endpoints; the gateway never routes them. */
    public static final String INTERNAL_PATHS = "/internal/**";

    /** Who am I: every platform role except the internal service account. */
    public static final String[] ME_PATHS = {"/api/v1/me", "/api/v1/*/me"};

    /** Everything else under the API: the regulators, central and provincial. */
    public static final String API_PATHS = "/api/**";

    /**
     * Never let through as a page of the portal ({@code platform.security.pass-through-paths}): the actuator's other
     * endpoints and the gateway's breaker fallbacks, which only the gateway itself forwards to.
     */
    public static final String[] NEVER_PASSED_THROUGH = {"/actuator/**", "/fallback/**"};

    public static final String[] ME_ROLES = {
            PlatformRole.CENTRAL_REGULATOR.roleName(), PlatformRole.PROVINCIAL_OFFICER.roleName(),
            PlatformRole.PROVINCIAL_HEAD.roleName(), PlatformRole.AGENCY_PARTNER.roleName()};

    public static final String[] REGULATOR_ROLES = {
            PlatformRole.CENTRAL_REGULATOR.roleName(), PlatformRole.PROVINCIAL_OFFICER.roleName(),
            PlatformRole.PROVINCIAL_HEAD.roleName()};

    private AccessRules() {
    }
}
