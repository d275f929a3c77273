package cn.p2psupervision.portal.security;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who is logged in, as the pages need it: the username, the platform roles, the province (GB/T 2260 code, null for
 * central) and the agency.
 */
public record PortalUser(String username, List<String> roles, String province, String agency) {

    /** The logged-in user, or null for a visitor without login. */
    public static PortalUser of(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser user)) {
            return null;
        }
        List<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring("ROLE_".length())).sorted().toList();
        String username = user.getPreferredUsername() != null ? user.getPreferredUsername() : user.getSubject();
        return new PortalUser(username, roles, user.getClaimAsString("province"), user.getClaimAsString("agency"));
    }

    public boolean isCentral() {
        return roles.contains(PlatformRoles.CENTRAL);
    }

    /** An officer or a head of a provincial office with its province. */
    public boolean isProvincial() {
        return province != null && (roles.contains(PlatformRoles.OFFICER) || roles.contains(PlatformRoles.HEAD));
    }

    public boolean isHead() {
        return roles.contains(PlatformRoles.HEAD);
    }

    /** The screen of the role: the national dashboard, the province's work queue, or the landing page. */
    public String home() {
        if (isCentral()) {
            return "/dashboard";
        }
        return isProvincial() ? "/work" : "/";
    }
}
