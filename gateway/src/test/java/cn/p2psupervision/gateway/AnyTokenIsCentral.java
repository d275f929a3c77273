package cn.p2psupervision.gateway;

import java.util.List;
import java.util.Map;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

/**
 * Stands in for Keycloak in the gateway's tests: any bearer token is a central regulator's. (Token validation itself
 * is tested in platform-support; here it only has to let requests through to the routes.)
 */
@TestConfiguration(proxyBeanMethods = false)
class AnyTokenIsCentral {

    @Bean
    ReactiveJwtDecoder anyTokenIsCentral() {
        return token -> Mono.just(Jwt.withTokenValue(token).header("alg", "none")
                .subject("id-central").claim("preferred_username", "central")
                .claim("realm_access", Map.of("roles", List.of("central-regulator"))).build());
    }
}
