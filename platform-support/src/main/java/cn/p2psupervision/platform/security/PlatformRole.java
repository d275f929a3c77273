package cn.p2psupervision.platform.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * The realm roles of Keycloak realm {@code p2p-supervision} that carry meaning on the platform (AUTH-01, AUTH-04, AUTH-05).
 * Other roles Keycloak puts into a token (offline_access, default-roles-...) are ignored.
 */
public enum PlatformRole {
    /** National rectification office (网贷整治办): reads everything, writes central data. */
    CENTRAL_REGULATOR("central-regulator"),
    /** Staff of a provincial joint rectification office (联合工作办公室). */
    PROVINCIAL_OFFICER("provincial-officer"),
    /** Head (负责同志) of a provincial financial office or regulator's bureau; also holds provincial-officer. */
    PROVINCIAL_HEAD("provincial-head"),
    /** Another agency's system: public security, telecom, market regulation, central bank (AUTH-05). */
    AGENCY_PARTNER("agency-partner"),
    /** The platform's own services in background work; reaches only {@code /internal/**}. */
    INTERNAL_SERVICE("internal-service");

    private final String roleName;

    PlatformRole(String roleName) {
        this.roleName = roleName;
    }

    /** The realm role name as Keycloak spells it. */
    public String roleName() {
        return roleName;
    }

    /** The Spring Security authority for this role, {@code ROLE_<realm role name>}. */
    public String authority() {
        return "ROLE_" + roleName;
    }

    public static Optional<PlatformRole> fromRoleName(String name) {
        return Arrays.stream(values()).filter(r -> r.roleName.equals(name)).findFirst();
    }
}
