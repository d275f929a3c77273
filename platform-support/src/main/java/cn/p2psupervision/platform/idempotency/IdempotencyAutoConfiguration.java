package cn.p2psupervision.platform.idempotency;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoOperations;

import cn.p2psupervision.platform.time.ClockAutoConfiguration;

/** The claimed {@code Idempotency-Key}s, in each service's own database. */
@AutoConfiguration(after = {DataMongoAutoConfiguration.class, ClockAutoConfiguration.class})
@ConditionalOnClass(MongoOperations.class)
public class IdempotencyAutoConfiguration {

    @Bean
    @ConditionalOnBean(MongoOperations.class)
    IdempotencyKeys idempotencyKeys(MongoOperations mongo, Clock clock) {
        return new IdempotencyKeys(mongo, clock);
    }
}
