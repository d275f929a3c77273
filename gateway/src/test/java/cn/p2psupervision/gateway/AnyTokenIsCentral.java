package cn.p2psupervision.gateway;

import java.util.List;
import java.util.Map;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

/**
 * Stands in for Keycloak in the gateway's tests: any bearer token is a central regulator's, except
 * {@value #KEYS_UNAVAILABLE}, which cannot be checked because the realm's signing keys cannot be fetched. (Token
 * validation itself is tested in platform-support; here it only has to let requests through to the routes.)
 */
@TestConfiguration(proxyBeanMethods = false)
class AnyTokenIsCentral {

    /** The token whose check fails as when Keycloak's keys cannot be read. */
    static final String KEYS_UNAVAILABLE = "keys-unavailable";

    @Bean
    ReactiveJwtDecoder anyTokenIsCentral() {
        return token -> token.equals(KEYS_UNAVAILABLE)
                ? Mono.error(new JwtException("An error occurred while attempting to decode the Jwt: Read timed out"))
                : Mono.just(Jwt.withTokenValue(token).header("alg", "none")
                .subject("id-central").claim("preferred_username", "central")
                .claim("realm_access", Map.of("roles", List.of("central-regulator"))).build());
    }
}
