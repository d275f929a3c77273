package cn.p2psupervision.platform.outbox;

import java.time.Clock;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.data.mongodb.core.MongoTemplate;

import cn.p2psupervision.platform.scheduling.ScheduledJobsAutoConfiguration;

/**
 * The outbox relay, for a service that names the collections holding entries ({@code platform.outbox.collections})
 * and provides the {@link OutboxDelivery deliveries} of their kinds. Scheduled once across replicas by
 * {@link ScheduledJobsAutoConfiguration}.
 */
@AutoConfiguration(after = {DataMongoAutoConfiguration.class, ScheduledJobsAutoConfiguration.class})
@ConditionalOnClass({SchedulerLock.class, MongoTemplate.class})
@Conditional(OutboxConfigured.class)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    @ConditionalOnBean(MongoTemplate.class)
    OutboxRelay outboxRelay(MongoTemplate mongo, List<OutboxDelivery> deliveries, OutboxProperties properties,
                            Clock clock) {
        return new OutboxRelay(mongo, deliveries, properties, clock);
    }
}
