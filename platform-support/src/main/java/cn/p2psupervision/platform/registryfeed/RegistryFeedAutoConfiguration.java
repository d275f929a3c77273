package cn.p2psupervision.platform.registryfeed;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.resilience4j.retry.RetryRegistry;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

import cn.p2psupervision.platform.feign.FeignRelayAutoConfiguration;
import cn.p2psupervision.platform.scheduling.ScheduledJobsAutoConfiguration;

/**
 * Working with the registry (issue 7), for the contexts that set {@code platform.registry-feed.enabled=true}
 * (classification, acceptance, incidents), always with the platform's own {@code platform-services} identity:
 * <ul>
 *   <li>the registry's institutions as this service's own read-only projection, used through
 *       {@link InstitutionDirectory};</li>
 *   <li>reads of registry data on a user's request: {@link RegistryReports} (REG-03 operating reports);</li>
 *   <li>the bulk read of operating figures for scans over every institution: {@link RegistryFigures};</li>
 *   <li>changes to registry data through the outbox: {@link RegistryStatusDelivery} (REG-08 status), the
 *       {@link cn.p2psupervision.platform.outbox.OutboxDelivery} of kind {@value RegistryStatusDelivery#KIND}.</li>
 * </ul>
 * Such a service declares OpenFeign, the Resilience4j circuit breaker and retry, ShedLock (spring and mongo provider)
 * and the OAuth2 client (for the {@code platform-services} token).
 *
 * <p>The poller is scheduled once across replicas by {@link ScheduledJobsAutoConfiguration}.
 */
@AutoConfiguration(after = {DataMongoAutoConfiguration.class, FeignRelayAutoConfiguration.class,
        ScheduledJobsAutoConfiguration.class})
@ConditionalOnClass({EnableFeignClients.class, CircuitBreakerFactory.class, RetryRegistry.class,
        EnableSchedulerLock.class, MongoLockProvider.class, MongoTemplate.class})
@ConditionalOnProperty(name = "platform.registry-feed.enabled", havingValue = "true")
@EnableConfigurationProperties(RegistryFeedProperties.class)
@EnableFeignClients(clients = {RegistryFeedClient.class, RegistryReportsClient.class, RegistryFiguresClient.class,
        RegistryStatusClient.class})
public class RegistryFeedAutoConfiguration {

    @Bean
    InstitutionReferences institutionReferences(MongoTemplate mongo) {
        return new InstitutionReferences(mongo);
    }

    @Bean
    InstitutionDirectory institutionDirectory(InstitutionReferences references) {
        return new InstitutionDirectory(references);
    }

    @Bean
    RegistryFeed registryFeed(RegistryFeedClient client, CircuitBreakerFactory<?, ?> breakers, RetryRegistry retries) {
        return new RegistryFeed(client, breakers, retries);
    }

    @Bean
    RegistryReports registryReports(RegistryReportsClient client, CircuitBreakerFactory<?, ?> breakers,
                                    RetryRegistry retries) {
        return new RegistryReports(client, breakers, retries);
    }

    @Bean
    RegistryFigures registryFigures(RegistryFiguresClient client, CircuitBreakerFactory<?, ?> breakers,
                                    RetryRegistry retries) {
        return new RegistryFigures(client, breakers, retries);
    }

    @Bean
    RegistryStatusDelivery registryStatusDelivery(RegistryStatusClient client, CircuitBreakerFactory<?, ?> breakers) {
        return new RegistryStatusDelivery(client, breakers);
    }

    @Bean
    RegistryFeedPoller registryFeedPoller(RegistryFeed registry, InstitutionReferences references,
                                          RegistryFeedProperties properties) {
        return new RegistryFeedPoller(registry, references, properties.pageSize(), Clock.systemUTC());
    }

    /** {@code /actuator/info}: how fresh the projection is (cursor, the registry's sequence, last successful poll). */
    @Bean
    InfoContributor registryFeedInfo(InstitutionReferences references) {
        return info -> {
            Map<String, Object> detail = new LinkedHashMap<>();
            try {
                references.position().ifPresentOrElse(position -> {
                    detail.put("cursor", position.seq());
                    detail.put("latest", position.latest());
                    detail.put("polledAt", position.polledAt().toString());
                }, () -> detail.put("cursor", null));
            } catch (RuntimeException unreadable) {
                detail.put("error", "the feed cursor cannot be read");
            }
            info.withDetail("registryFeed", detail);
        };
    }
}
