package cn.p2psupervision.acceptance.classificationfacts;

import io.github.resilience4j.retry.RetryRegistry;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The classification client of this context ({@link ClassificationFacts}), at {@code platform.classification.url}. */
@Configuration(proxyBeanMethods = false)
@EnableFeignClients(clients = ClassificationFactsClient.class)
class ClassificationFactsConfiguration {

    @Bean
    ClassificationFacts classificationFacts(ClassificationFactsClient client, CircuitBreakerFactory<?, ?> breakers,
                                            RetryRegistry retries) {
        return new ClassificationFacts(client, breakers, retries);
    }
}
