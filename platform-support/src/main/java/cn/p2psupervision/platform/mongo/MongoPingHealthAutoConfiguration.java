package cn.p2psupervision.platform.mongo;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * MongoDB health as a {@code ping} on {@code admin}: answered by a replica set and by the embedded server alike
 * (Boot's own indicator sends {@code hello} to every database, which the embedded server does not know).
 */
@AutoConfiguration(after = MongoAutoConfiguration.class, before = MongoHealthContributorAutoConfiguration.class)
@ConditionalOnClass({MongoClient.class, AbstractHealthIndicator.class})
public class MongoPingHealthAutoConfiguration {

    @Bean
    @ConditionalOnBean(MongoClient.class)
    AbstractHealthIndicator mongoHealthIndicator(MongoClient client) {
        return new AbstractHealthIndicator("MongoDB health check failed") {
            @Override
            protected void doHealthCheck(Health.Builder builder) {
                client.getDatabase("admin").runCommand(new Document("ping", 1));
                builder.up();
            }
        };
    }
}
