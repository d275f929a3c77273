package cn.p2psupervision.platform.registryfeed;

import feign.Feign;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Scope;

/**
 * Feign configuration of {@link RegistryFeedClient} alone (not a {@code @Configuration}, so no component scan picks it
 * up): a plain builder, without the breaker OpenFeign would otherwise put around each method under a generated name,
 * because {@link RegistryFeed} wraps every call in its own breaker {@value RegistryFeed#NAME}.
 */
class RegistryFeedClientConfiguration {

    @Bean
    @Scope("prototype")
    Feign.Builder registryFeedFeignBuilder() {
        return Feign.builder();
    }
}
