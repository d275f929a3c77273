package cn.p2psupervision.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling: taken from the validated access token, never from the request body.
 *
 * @param userId   the token subject (Keycloak user id, or the service account's id for a client)
 * @param username preferred username ({@code service-account-<client>} for clients)
 * @param roles    platform roles only
 * @param province GB/T 2260 two-digit province code of a provincial user, else {@code null}
 * @param agency   agency code (FINANCIAL_OFFICE, BANKING_REGULATOR, PUBLIC_SECURITY, ...), else {@code null}
 */
public record Caller(String userId, String username, Set<PlatformRole> roles, String province, String agency) {

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        province = blankToNull(province);
        agency = blankToNull(agency);
    }

    public boolean has(PlatformRole role) {
        return roles.contains(role);
    }

    public boolean isCentral() {
        return has(PlatformRole.CENTRAL_REGULATOR);
    }

    /** A provincial officer or head with a province: the only callers who write provincial records (AUTH-02). */
    public boolean isProvincial() {
        return (has(PlatformRole.PROVINCIAL_OFFICER) || has(PlatformRole.PROVINCIAL_HEAD)) && province != null;
    }

    /** A provincial head (负责同志), needed to approve, co-sign and start or end plans (AUTH-04). */
    public boolean isProvincialHead() {
        return has(PlatformRole.PROVINCIAL_HEAD) && province != null;
    }

    /** Reads the caller from a token already validated by the resource server. */
    public static Caller fromJwt(Jwt jwt) {
        String username = jwt.getClaimAsString("preferred_username");
        if (username == null) {
            username = jwt.getClaimAsString("azp");
        }
        return new Caller(jwt.getSubject(), username, rolesOf(jwt.getClaims()),
                jwt.getClaimAsString("province"), jwt.getClaimAsString("agency"));
    }

    /** Platform roles from Keycloak's {@code realm_access.roles} claim; unknown roles are dropped. */
    public static Set<PlatformRole> rolesOf(Map<String, Object> claims) {
        Set<PlatformRole> roles = EnumSet.noneOf(PlatformRole.class);
        if (claims.get("realm_access") instanceof Map<?, ?> realmAccess
                && realmAccess.get("roles") instanceof Collection<?> names) {
            names.forEach(name -> PlatformRole.fromRoleName(String.valueOf(name)).ifPresent(roles::add));
        }
        return roles;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
