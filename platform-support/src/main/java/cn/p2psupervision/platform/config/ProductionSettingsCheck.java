package cn.p2psupervision.platform.config;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * With the {@code production} profile (set by the Kubernetes overlays), an application refuses to start unless the
 * settings it needs come from the environment, rather than falling back to the local defaults of
 * {@code platform-defaults.yml} (Keycloak on localhost, the demo client secret):
 * <ul>
 *   <li>{@code KEYCLOAK_URL}, Keycloak's public URL, from which the tokens' issuer is derived: every application;</li>
 *   <li>{@code MONGODB_URI} (or {@code spring.mongodb.uri}), the replica set: applications that store data, i.e. that
 *       have the MongoDB driver (the four services; not the gateway);</li>
 *   <li>{@code PLATFORM_SERVICES_SECRET}, the secret of the {@code platform-services} client, which must not be the
 *       local demo value: applications that call other services with that client, i.e. that have Spring Security's
 *       OAuth2 client.</li>
 * </ul>
 * It runs after the configuration files are read, so it sees the profiles activated there too, and fails with a
 * {@link ProductionSettingsMissingException} that {@link ProductionSettingsFailureAnalyzer} prints in one line.
 */
public class ProductionSettingsCheck implements EnvironmentPostProcessor, Ordered {

    public static final String PROFILE = "production";

    static final String MONGO_DRIVER = "com.mongodb.client.MongoClient";
    static final String OAUTH2_CLIENT = "org.springframework.security.oauth2.client.registration.ClientRegistration";
    static final String DEMO_SERVICES_SECRET = "platform-services-secret";

    /** A setting production needs; {@code alternative} is a property that may stand for it. */
    record Setting(String variable, String purpose, String alternative, String forbiddenValue) {
    }

    static final Setting KEYCLOAK_URL = new Setting("KEYCLOAK_URL",
            "Keycloak's public URL, the tokens' issuer", null, null);
    static final Setting MONGODB_URI = new Setting("MONGODB_URI",
            "the MongoDB replica set", "spring.mongodb.uri", null);
    static final Setting PLATFORM_SERVICES_SECRET = new Setting("PLATFORM_SERVICES_SECRET",
            "the platform-services client's secret", null, DEMO_SERVICES_SECRET);

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.matchesProfiles(PROFILE)) {
            return;
        }
        List<String> problems = problems(environment, required(application.getClassLoader()));
        if (!problems.isEmpty()) {
            throw new ProductionSettingsMissingException(
                    environment.getProperty("spring.application.name", "The application"), problems);
        }
    }

    /** The settings this application needs in production, by what it has on its class path. */
    static List<Setting> required(ClassLoader classLoader) {
        List<Setting> required = new ArrayList<>(List.of(KEYCLOAK_URL));
        if (ClassUtils.isPresent(MONGO_DRIVER, classLoader)) {
            required.add(MONGODB_URI);
        }
        if (ClassUtils.isPresent(OAUTH2_CLIENT, classLoader)) {
            required.add(PLATFORM_SERVICES_SECRET);
        }
        return required;
    }

    /** What is wrong with the settings, one phrase each; empty when production may start. */
    static List<String> problems(Environment environment, List<Setting> required) {
        List<String> problems = new ArrayList<>();
        for (Setting setting : required) {
            String value = valueOf(environment, setting);
            if (value == null) {
                problems.add(setting.variable() + " (" + setting.purpose() + ") is not set");
            } else if (value.equals(setting.forbiddenValue())) {
                problems.add(setting.variable() + " (" + setting.purpose() + ") is the local demo value");
            }
        }
        return problems;
    }

    private static String valueOf(Environment environment, Setting setting) {
        for (String name : setting.alternative() == null ? List.of(setting.variable())
                : List.of(setting.variable(), setting.alternative())) {
            String value = environment.getProperty(name);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    /** After the configuration files (which may activate the profile) and the platform defaults. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
