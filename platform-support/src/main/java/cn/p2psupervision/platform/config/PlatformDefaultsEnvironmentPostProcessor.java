package cn.p2psupervision.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The settings every service and the gateway share (token issuer, Mongo representation, actuator, breaker and
 * timeouts, log pattern), kept once in {@code platform-defaults.yml} at the lowest precedence: any application.yml,
 * environment variable or argument overrides them. {@code MONGODB_URI} names the production database.
 */
public class PlatformDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            for (PropertySource<?> source : new YamlPropertySourceLoader()
                    .load("platform-defaults", new ClassPathResource("platform-defaults.yml"))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String mongoUri = environment.getProperty("MONGODB_URI");
        if (mongoUri != null && !mongoUri.isBlank() && !environment.containsProperty("spring.mongodb.uri")) {
            environment.getPropertySources().addFirst(new MapPropertySource("platform-mongodb-uri",
                    Map.of("spring.mongodb.uri", mongoUri)));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
