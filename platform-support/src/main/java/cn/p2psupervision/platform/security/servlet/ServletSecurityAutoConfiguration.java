package cn.p2psupervision.platform.security.servlet;

import java.time.Clock;
import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodParameter;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import cn.p2psupervision.platform.problem.InvalidInputException;
import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.problem.ProblemType;
import cn.p2psupervision.platform.security.AccessRules;
import cn.p2psupervision.platform.security.Caller;
import cn.p2psupervision.platform.security.HeaderCharacters;
import cn.p2psupervision.platform.security.PlatformJwt;
import cn.p2psupervision.platform.security.PlatformRole;
import cn.p2psupervision.platform.security.PlatformSecurityProperties;
import cn.p2psupervision.platform.security.VerifiedTokens;
import cn.p2psupervision.platform.web.servlet.ServletProblems;

/** Resource-server security for the servlet services: every service checks tokens and roles itself. */
@AutoConfiguration(before = ServletWebSecurityAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(PlatformSecurityProperties.class)
public class ServletSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder platformJwtDecoder(PlatformSecurityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
        OAuth2TokenValidator<Jwt> validator = PlatformJwt.validator(properties);
        decoder.setJwtValidator(validator);
        return new VerifiedTokens(validator, VerifiedTokens.DEFAULT_CAPACITY, Clock.systemUTC()).caching(decoder);
    }

    /** The strict firewall with the same header rule, checked without a regular expression ({@link HeaderCharacters}). */
    @Bean
    WebSecurityCustomizer platformFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::validName);
        firewall.setAllowedHeaderValues(HeaderCharacters::validValue);
        return web -> web.httpFirewall(firewall);
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain platformSecurityFilterChain(HttpSecurity http, JwtDecoder decoder,
                                                    PlatformSecurityProperties properties) throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers();
        List<String> partnerPaths = properties.partnerPaths();
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(AccessRules.PUBLIC_PATHS).permitAll()
                            .requestMatchers("/error").permitAll()
                            .requestMatchers(AccessRules.INTERNAL_PATHS).hasRole(PlatformRole.INTERNAL_SERVICE.roleName())
                            .requestMatchers(AccessRules.ME_PATHS).hasAnyRole(AccessRules.ME_ROLES);
                    if (!partnerPaths.isEmpty()) {
                        auth.requestMatchers(partnerPaths.toArray(String[]::new))
                                .hasRole(PlatformRole.AGENCY_PARTNER.roleName());
                    }
                    auth.requestMatchers(AccessRules.API_PATHS).hasAnyRole(AccessRules.REGULATOR_ROLES)
                            .anyRequest().denyAll();
                })
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(PlatformJwt.authenticationConverter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems)
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                // a token that could not be checked (the keys not fetched) goes to the problem
                                // handlers as well (503), instead of being rethrown as a 500
                                AuthenticationEntryPointFailureHandler failures =
                                        new AuthenticationEntryPointFailureHandler(problems);
                                failures.setRethrowAuthenticationServiceException(false);
                                filter.setAuthenticationFailureHandler(failures);
                                return filter;
                            }
                        }))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /**
     * Requests Spring Security's firewall refuses (a path with {@code ..}, {@code ;}, an encoded slash or dot) are
     * answered as 400 problems naming the path, like every other malformed input, not with an empty body.
     */
    @Bean
    @ConditionalOnMissingBean
    RequestRejectedHandler problemRequestRejectedHandler() {
        return (request, response, rejected) -> ServletProblems.write(response, ServletProblems.invalid(
                new InvalidInputException("path", "is not allowed: a path may not contain '..', '.', ';', '//' or"
                        + " encoded slashes, dots, backslashes or percent signs")));
    }

    @Bean
    WebMvcConfigurer callerArgumentResolver() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }

    @Bean
    @ConditionalOnProperty("platform.api.context")
    CallerController callerController() {
        return new CallerController();
    }

    /** Lets a controller method take a {@link Caller} parameter. */
    static final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return Caller.class.equals(parameter.getParameterType());
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                      NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication instanceof JwtAuthenticationToken token) {
                return Caller.fromJwt(token.getToken());
            }
            throw new ProblemException(ProblemType.UNAUTHENTICATED, "This endpoint needs a bearer token");
        }
    }
}
