package cn.p2psupervision.platform.agency;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.databind.json.JsonMapper;

import cn.p2psupervision.platform.audit.AuditAutoConfiguration;
import cn.p2psupervision.platform.audit.AuditTrail;
import cn.p2psupervision.platform.idempotency.IdempotencyAutoConfiguration;
import cn.p2psupervision.platform.idempotency.IdempotencyKeys;
import cn.p2psupervision.platform.registryfeed.InstitutionDirectory;
import cn.p2psupervision.platform.registryfeed.RegistryFeedAutoConfiguration;
import cn.p2psupervision.platform.time.ClockAutoConfiguration;

/**
 * The agencies' door (AUTH-05) of a context that sets {@code platform.agency-requests.path} (and
 * {@code regulator-path}, {@link AgencyRequestProperties}): the requests in its own {@value AgencyRequestStore#COLLECTION},
 * the outbox delivery that makes them ({@value AgencyRequestDelivery#KIND}), the service and, in a servlet service,
 * the endpoints. It needs the registry projection ({@code platform.registry-feed.enabled=true}) for the regulators'
 * scope, and the agencies' path among {@code platform.security.partner-paths}; without either the service refuses to
 * start, saying so, rather than open a door nobody can pass or that lets the wrong callers through.
 */
@AutoConfiguration(after = {DataMongoAutoConfiguration.class, ClockAutoConfiguration.class,
        AuditAutoConfiguration.class, IdempotencyAutoConfiguration.class, RegistryFeedAutoConfiguration.class})
@ConditionalOnClass(MongoTemplate.class)
@ConditionalOnProperty("platform.agency-requests.path")
@EnableConfigurationProperties(AgencyRequestProperties.class)
public class AgencyRequestAutoConfiguration {

    @Bean
    AgencyRequestStore agencyRequestStore(MongoTemplate mongo) {
        return new AgencyRequestStore(mongo);
    }

    @Bean
    AgencyRequestDelivery agencyRequestDelivery(AgencyRequestStore requests) {
        return new AgencyRequestDelivery(requests);
    }

    @Bean
    AgencyRequestService agencyRequestService(AgencyRequestStore requests,
                                              ObjectProvider<InstitutionDirectory> institutions,
                                              IdempotencyKeys idempotencyKeys, AuditTrail audit, Clock clock) {
        InstitutionDirectory directory = institutions.getIfAvailable(() -> {
            throw new IllegalStateException("platform.agency-requests.path needs platform.registry-feed.enabled=true:"
                    + " who may follow an institution's agency requests is decided from the registry projection"
                    + " (AUTH-02)");
        });
        return new AgencyRequestService(requests, directory, idempotencyKeys, audit, clock);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Endpoints {

        @Bean
        AgencyRequestController agencyRequestController(AgencyRequestService requests, JsonMapper json,
                                                        AgencyRequestProperties properties, Environment environment) {
            checkDoor(properties, Binder.get(environment).bind("platform.security.partner-paths",
                    Bindable.listOf(String.class)).orElse(List.of()));
            return new AgencyRequestController(requests, json);
        }
    }

    /**
     * AUTH-05 as configured: the agencies' paths must be partner paths (else no agency gets in), and the regulators'
     * must not be (else regulators are kept out and agencies let in).
     */
    static void checkDoor(AgencyRequestProperties properties, List<String> partnerPaths) {
        List<PathPattern> patterns = partnerPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
        for (String agencyPath : List.of(properties.path(), properties.path() + "/R-1/answers")) {
            if (patterns.stream().noneMatch(p -> p.matches(PathContainer.parsePath(agencyPath)))) {
                throw new IllegalStateException("platform.security.partner-paths must contain " + properties.path()
                        + " and " + properties.path() + "/** (platform.agency-requests.path), so that the agencies"
                        + " reach their requests (AUTH-05); they are " + partnerPaths);
            }
        }
        for (String regulatorPath : List.of(properties.regulatorPath() + AgencyRequestProperties.OVERDUE,
                properties.regulatorPath() + "/institutions/1/agency-requests")) {
            if (patterns.stream().anyMatch(p -> p.matches(PathContainer.parsePath(regulatorPath)))) {
                throw new IllegalStateException("platform.security.partner-paths must not cover " + regulatorPath
                        + " (platform.agency-requests.regulator-path): it is for regulators, never agencies"
                        + " (AUTH-05)");
            }
        }
    }
}
