package cn.p2psupervision.portal.security;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The logged-in user: the ID token's claims ({@code preferred_username}, {@code province}, {@code agency}) with the
 * platform's realm roles from the access token as authorities {@code ROLE_<role>}, as the API maps them.
 */
final class PlatformOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService delegate = new OidcUserService();

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser user = delegate.loadUser(request);
        Set<GrantedAuthority> authorities = new LinkedHashSet<>(user.getAuthorities());
        for (String role : PlatformRoles.of(request.getAccessToken().getTokenValue())) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
        }
        return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), "preferred_username");
    }
}
