package cn.p2psupervision.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;

import com.mongodb.client.MongoClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

/**
 * The production profile refuses to start without the settings production needs (Keycloak's URL, the database, the
 * service client's secret), each only where the application uses it; other profiles are not checked.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionSettingsCheckTest {

    private static final ClassLoader SERVICE = ProductionSettingsCheckTest.class.getClassLoader();
    /** The gateway's class path: neither the MongoDB driver nor the OAuth2 client. */
    private static final ClassLoader GATEWAY = new FilteredClassLoader(MongoClient.class, ClientRegistration.class);
    /** A service that stores data but calls no other service. */
    private static final ClassLoader STORING_SERVICE = new FilteredClassLoader(ClientRegistration.class);

    private final ProductionSettingsCheck check = new ProductionSettingsCheck();

    @Test
    void whatEachApplicationNeedsFollowsFromItsClassPath() {
        assertThat(ProductionSettingsCheck.required(SERVICE)).extracting(ProductionSettingsCheck.Setting::variable)
                .containsExactly("KEYCLOAK_URL", "MONGODB_URI", "PLATFORM_SERVICES_SECRET");
        assertThat(ProductionSettingsCheck.required(STORING_SERVICE))
                .extracting(ProductionSettingsCheck.Setting::variable).containsExactly("KEYCLOAK_URL", "MONGODB_URI");
        assertThat(ProductionSettingsCheck.required(GATEWAY)).extracting(ProductionSettingsCheck.Setting::variable)
                .containsExactly("KEYCLOAK_URL");
    }

    @Test
    void aServiceWithoutItsSettingsRefusesToStartNamingEachOne() {
        ProductionSettingsMissingException failure = refusal(production("registry-service"), SERVICE);

        assertThat(failure.problems()).containsExactly(
                "KEYCLOAK_URL (Keycloak's public URL, the tokens' issuer) is not set",
                "MONGODB_URI (the MongoDB replica set) is not set",
                "PLATFORM_SERVICES_SECRET (the platform-services client's secret) is not set");
        assertThat(failure.getMessage()).doesNotContain("\n")
                .startsWith("registry-service refuses to start with the 'production' profile: KEYCLOAK_URL");
    }

    @Test
    void aServiceWithItsSettingsStarts() {
        MockEnvironment environment = production("classification-service")
                .withProperty("KEYCLOAK_URL", "https://auth.example.cn")
                .withProperty("MONGODB_URI", "mongodb://classification:pw@mongodb-0.mongodb:27017/classification")
                .withProperty("PLATFORM_SERVICES_SECRET", "a-secret-from-the-secret");

        assertThatNoException().isThrownBy(() -> check.postProcessEnvironment(environment, application(SERVICE)));
    }

    @Test
    void springMongodbUriStandsForMongodbUri() {
        MockEnvironment environment = production("incident-service")
                .withProperty("KEYCLOAK_URL", "https://auth.example.cn")
                .withProperty("spring.mongodb.uri", "mongodb://incident:pw@mongodb-0.mongodb:27017/incident");

        assertThatNoException().isThrownBy(() -> check.postProcessEnvironment(environment, application(STORING_SERVICE)));
    }

    @Test
    void blankValuesAndTheDemoSecretDoNotCount() {
        MockEnvironment environment = production("classification-service")
                .withProperty("KEYCLOAK_URL", "  ")
                .withProperty("MONGODB_URI", "mongodb://classification:pw@mongodb-0.mongodb:27017/classification")
                .withProperty("PLATFORM_SERVICES_SECRET", "platform-services-secret");

        assertThat(refusal(environment, SERVICE).problems()).containsExactly(
                "KEYCLOAK_URL (Keycloak's public URL, the tokens' issuer) is not set",
                "PLATFORM_SERVICES_SECRET (the platform-services client's secret) is the local demo value");
    }

    @Test
    void theGatewayNeedsOnlyKeycloak() {
        assertThat(refusal(production("gateway"), GATEWAY).problems())
                .containsExactly("KEYCLOAK_URL (Keycloak's public URL, the tokens' issuer) is not set");

        MockEnvironment withKeycloak = production("gateway").withProperty("KEYCLOAK_URL", "https://auth.example.cn");
        assertThatNoException().isThrownBy(() -> check.postProcessEnvironment(withKeycloak, application(GATEWAY)));
    }

    @Test
    void otherProfilesAreNotChecked() {
        MockEnvironment local = new MockEnvironment().withProperty("spring.application.name", "registry-service");
        local.setActiveProfiles("local");

        assertThatNoException().isThrownBy(() -> check.postProcessEnvironment(local, application(SERVICE)));
    }

    @Test
    void theFailureAnalyzerSaysWhatToDoInOneLine() {
        ProductionSettingsMissingException failure = refusal(production("registry-service"), SERVICE);

        FailureAnalysis analysis = new ProductionSettingsFailureAnalyzer().analyze(new IllegalStateException(failure));

        assertThat(analysis.getDescription()).isEqualTo(failure.getMessage()).doesNotContain("\n");
        assertThat(analysis.getAction()).contains("Secrets", "docs/deployment.md", "SPRING_PROFILES_ACTIVE=local");
    }

    /** Registered in spring.factories: a real start-up with the profile fails before any bean, reported in one line. */
    @Test
    void aRealStartUpInProductionFailsWithTheReport(CapturedOutput output) {
        SpringApplication application = new SpringApplication(Empty.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setAdditionalProfiles(ProductionSettingsCheck.PROFILE);
        application.setEnvironment(new WithoutOperatingSystemEnvironment());
        application.setDefaultProperties(Map.of("spring.application.name", "incident-service"));

        Throwable failure = catchThrowableOfType(ProductionSettingsMissingException.class, application::run);

        assertThat(failure).hasMessageStartingWith("incident-service refuses to start with the 'production' profile");
        assertThat(output).contains("APPLICATION FAILED TO START", "MONGODB_URI (the MongoDB replica set) is not set",
                "docs/deployment.md");
    }

    private ProductionSettingsMissingException refusal(MockEnvironment environment, ClassLoader classLoader) {
        return catchThrowableOfType(ProductionSettingsMissingException.class,
                () -> check.postProcessEnvironment(environment, application(classLoader)));
    }

    private static MockEnvironment production(String application) {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.application.name", application);
        environment.setActiveProfiles(ProductionSettingsCheck.PROFILE);
        return environment;
    }

    private static SpringApplication application(ClassLoader classLoader) {
        SpringApplication application = new SpringApplication(Empty.class);
        application.setResourceLoader(new DefaultResourceLoader(classLoader));
        return application;
    }

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }

    /** The test's own settings only: whatever the machine's environment holds must not make the start-up pass. */
    static class WithoutOperatingSystemEnvironment extends StandardEnvironment {
        @Override
        protected void customizePropertySources(MutablePropertySources propertySources) {
        }
    }
}
