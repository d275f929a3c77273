package cn.p2psupervision.portal.security;

import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;

/**
 * The platform's realm roles in an access token ({@code realm_access.roles}), as the API reads them; any other role
 * is dropped. The access token comes to the portal straight from Keycloak's token endpoint (the code exchange or a
 * refresh, authenticated with the client's secret), so its claims are read here without checking its signature: the
 * portal uses them only to choose what to show, and every API checks the token itself.
 */
public final class PlatformRoles {

    public static final String CENTRAL = "central-regulator";
    public static final String OFFICER = "provincial-officer";
    public static final String HEAD = "provincial-head";
    static final Set<String> KNOWN = Set.of(CENTRAL, OFFICER, HEAD, "agency-partner", "internal-service");

    private PlatformRoles() {
    }

    public static List<String> of(String accessToken) {
        JWTClaimsSet claims;
        try {
            claims = JWTParser.parse(accessToken).getJWTClaimsSet();
        } catch (ParseException e) {
            return List.of();
        }
        Object realmAccess = claims.getClaim("realm_access");
        if (!(realmAccess instanceof Map<?, ?> access) || !(access.get("roles") instanceof List<?> roles)) {
            return List.of();
        }
        return roles.stream().filter(String.class::isInstance).map(String.class::cast).filter(KNOWN::contains)
                .sorted().toList();
    }
}
