package cn.p2psupervision.platform.security;

import java.util.Collection;
import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/** How the platform validates Keycloak access tokens and turns them into authorities; one definition for both stacks. */
public final class PlatformJwt {

    private PlatformJwt() {
    }

    /** Expiry (real time, not the domain clock), issuer of realm {@code p2p-supervision}, and audience {@code p2p-api}. */
    public static OAuth2TokenValidator<Jwt> validator(PlatformSecurityProperties properties) {
        String audience = properties.audience();
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtIssuerValidator(properties.issuerUri()),
                new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                        aud -> aud != null && aud.contains(audience))));
    }

    /** Keycloak realm roles ({@code realm_access.roles}) to {@code ROLE_<name>} authorities, platform roles only. */
    public static Collection<GrantedAuthority> authorities(Jwt jwt) {
        return Caller.rolesOf(jwt.getClaims()).stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
                .toList();
    }

    public static Converter<Jwt, AbstractAuthenticationToken> authenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(PlatformJwt::authorities);
        converter.setPrincipalClaimName("preferred_username");
        return converter;
    }
}
