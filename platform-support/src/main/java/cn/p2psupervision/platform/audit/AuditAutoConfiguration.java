package cn.p2psupervision.platform.audit;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoOperations;

import cn.p2psupervision.platform.time.ClockAutoConfiguration;

/** The audit trail, in each service's own database. */
@AutoConfiguration(after = {DataMongoAutoConfiguration.class, ClockAutoConfiguration.class})
@ConditionalOnClass(MongoOperations.class)
public class AuditAutoConfiguration {

    @Bean
    @ConditionalOnBean(MongoOperations.class)
    AuditTrail auditTrail(MongoOperations mongo, Clock clock) {
        return new AuditTrail(mongo, clock);
    }
}
