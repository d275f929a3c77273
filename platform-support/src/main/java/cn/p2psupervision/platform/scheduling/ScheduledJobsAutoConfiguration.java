package cn.p2psupervision.platform.scheduling;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

import cn.p2psupervision.platform.outbox.OutboxConfigured;

/**
 * The platform's background jobs (the registry feed poller, the outbox relay) run on every replica's scheduler but
 * once at a time across replicas: ShedLock with its locks in the service's own database (collection {@code shedLock}).
 * On in a service that enables one of them; the service may bring its own {@link LockProvider}.
 */
@AutoConfiguration(after = DataMongoAutoConfiguration.class)
@ConditionalOnClass({EnableSchedulerLock.class, MongoLockProvider.class, MongoTemplate.class})
@Conditional(ScheduledJobsAutoConfiguration.AnyPlatformJob.class)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "1m")
public class ScheduledJobsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    LockProvider lockProvider(MongoTemplate mongo) {
        return new MongoLockProvider(mongo.getDb());
    }

    /** The registry feed or the outbox is enabled. */
    static final class AnyPlatformJob extends AnyNestedCondition {

        AnyPlatformJob() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(name = "platform.registry-feed.enabled", havingValue = "true")
        static final class RegistryFeed {
        }

        @Conditional(OutboxConfigured.class)
        static final class Outbox {
        }
    }
}
