package cn.p2psupervision.acceptance.complaint;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** ACC-10: the complaint door's limits ({@link ComplaintProperties}) as beans. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ComplaintProperties.class)
class ComplaintConfiguration {

    @Bean
    ComplaintRateLimit complaintRateLimit(ComplaintProperties properties, Clock clock) {
        return new ComplaintRateLimit(properties.perMinute(), properties.perDay(), properties.trackedAddresses(),
                clock);
    }

    @Bean
    ClientAddress clientAddress(ComplaintProperties properties) {
        return new ClientAddress(properties.trustedProxies());
    }
}
