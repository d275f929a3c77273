package cn.p2psupervision.platform.security.reactive;

import java.time.Clock;
import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodParameter;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.springframework.web.server.ServerWebExchange;

import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.problem.ProblemType;
import cn.p2psupervision.platform.security.AccessRules;
import cn.p2psupervision.platform.security.Caller;
import cn.p2psupervision.platform.security.HeaderCharacters;
import cn.p2psupervision.platform.security.PlatformJwt;
import cn.p2psupervision.platform.security.PlatformSecurityProperties;
import cn.p2psupervision.platform.security.VerifiedTokens;
import reactor.core.publisher.Mono;

/**
 * Resource-server security for the reactive gateway: it validates every token itself (signature, expiry, issuer,
 * audience) before routing; the services then check roles and scope again.
 */
@AutoConfiguration(before = ReactiveWebSecurityAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(PlatformSecurityProperties.class)
@EnableWebFluxSecurity
public class ReactiveSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ReactiveJwtDecoder platformReactiveJwtDecoder(PlatformSecurityProperties properties) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
        OAuth2TokenValidator<Jwt> validator = PlatformJwt.validator(properties);
        decoder.setJwtValidator(validator);
        VerifiedTokens verified = new VerifiedTokens(validator, VerifiedTokens.DEFAULT_CAPACITY, Clock.systemUTC());
        return token -> {
            Jwt known;
            try {
                known = verified.lookUp(token);
            } catch (JwtException e) {
                return Mono.error(e);
            }
            return known != null ? Mono.just(known)
                    : decoder.decode(token).doOnNext(jwt -> verified.remember(token, jwt));
        };
    }

    /**
     * The strict firewall with the same header rule, checked without a regular expression ({@link HeaderCharacters});
     * {@code @EnableWebFluxSecurity} hands a unique such bean to its filter chain.
     */
    @Bean
    @ConditionalOnMissingBean
    ServerWebExchangeFirewall platformExchangeFirewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::validName);
        firewall.setAllowedHeaderValues(HeaderCharacters::validValue);
        return firewall;
    }

    @Bean
    @ConditionalOnMissingBean(SecurityWebFilterChain.class)
    SecurityWebFilterChain platformSecurityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
                                                          PlatformSecurityProperties properties) {
        ReactiveProblemSecurityHandlers problems = new ReactiveProblemSecurityHandlers();
        List<String> passThrough = properties.passThroughPaths();
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                // no logout of its own (a stateless resource server): POST /logout is the portal's
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.disable())
                .authorizeExchange(auth -> {
                    auth.pathMatchers(AccessRules.PUBLIC_PATHS).permitAll()
                            .pathMatchers(AccessRules.INTERNAL_PATHS).denyAll()
                            .pathMatchers(AccessRules.ME_PATHS).hasAnyRole(AccessRules.ME_ROLES)
                            .pathMatchers(AccessRules.API_PATHS).authenticated();
                    if (!passThrough.isEmpty()) {
                        // the portal's pages: the portal asks for its own login (it is no resource server)
                        auth.pathMatchers(AccessRules.NEVER_PASSED_THROUGH).denyAll()
                                .pathMatchers(passThrough.toArray(String[]::new)).permitAll();
                    }
                    auth.anyExchange().denyAll();
                })
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtDecoder(decoder)
                                .jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(PlatformJwt.authenticationConverter())))
                        .authenticationEntryPoint(problems)
                        .authenticationFailureHandler(keysUnavailableToo(problems))
                        .accessDeniedHandler(problems))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    /** Firewall rejections as problems; {@code @EnableWebFluxSecurity} hands a unique such bean to its filter chain. */
    @Bean
    @ConditionalOnMissingBean
    ServerExchangeRejectedHandler platformExchangeRejectedHandler() {
        return new ReactiveFirewallProblemHandler();
    }

    @Bean
    WebFluxConfigurer reactiveCallerArgumentResolver() {
        return new WebFluxConfigurer() {
            @Override
            public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
                configurer.addCustomResolver(new CallerArgumentResolver());
            }
        };
    }

    /** Lets a WebFlux controller method take a {@link Caller} parameter. */
    static final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return Caller.class.equals(parameter.getParameterType());
        }

        @Override
        public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
                                            ServerWebExchange exchange) {
            return ReactiveSecurityContextHolder.getContext()
                    .mapNotNull(context -> context.getAuthentication() instanceof JwtAuthenticationToken token
                            ? (Object) Caller.fromJwt(token.getToken()) : null)
                    .switchIfEmpty(Mono.error(() -> new ProblemException(ProblemType.UNAUTHENTICATED,
                            "This endpoint needs a bearer token")));
        }
    }


    /** Every failed token to the problem handlers, a token that could not be checked (503) included, never a 500. */
    private static ServerAuthenticationEntryPointFailureHandler keysUnavailableToo(
            ReactiveProblemSecurityHandlers problems) {
        ServerAuthenticationEntryPointFailureHandler failures =
                new ServerAuthenticationEntryPointFailureHandler(problems);
        failures.setRethrowAuthenticationServiceException(false);
        return failures;
    }
}
