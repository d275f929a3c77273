package cn.p2psupervision.gateway;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The portal is served at the gateway's address: every request the API routes and the gateway's own pages do not
 * take goes to the portal service, as the route of lowest priority. The browser's {@code Host} is kept, so that the
 * portal's redirects (login, logout) stay on the gateway's address. The portal's error pages (HTML) pass through as
 * they are ({@link DownstreamErrorProblemFilter} leaves this route alone). Written in Java because it needs a
 * negated path predicate, which the configuration file cannot express.
 */
@Configuration(proxyBeanMethods = false)
class PortalRoute {

    static final String ID = "portal";

    /**
     * What is never the portal's: the API (its unknown paths stay the gateway's 404 problems), the never-routed
     * internal paths, the actuator, the breakers' fallbacks, and the API descriptions with Swagger UI's own files
     * (which the gateway serves from {@code /webjars/swagger-ui/}: the portal's webjars go to the portal).
     */
    static final List<String> NOT_THE_PORTALS = List.of("/api/**", "/internal/**", "/actuator/**", "/fallback/**",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/swagger-ui/**");

    @Bean
    RouteLocator portalRouteLocator(RouteLocatorBuilder routes,
                                    @Value("${PORTAL_SERVICE_URL:http://localhost:${PORTAL_PORT:8085}}") String portalUrl) {
        return routes.routes()
                .route(ID, route -> route.order(Ordered.LOWEST_PRECEDENCE)
                        .not(path -> path.path(NOT_THE_PORTALS.toArray(String[]::new)))
                        .filters(filters -> filters.preserveHostHeader())
                        .metadata(DownstreamErrorProblemFilter.SERVICE_METADATA, "portal")
                        .metadata(DownstreamErrorProblemFilter.ERROR_PAGES_METADATA,
                                DownstreamErrorProblemFilter.ERROR_PAGES_PASS_THROUGH)
                        .uri(portalUrl))
                .build();
    }
}
