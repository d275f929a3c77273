package cn.p2psupervision.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Fail fast: the embedded development store runs only when asked for (the {@code local} profile); a service with
 * neither that nor a database URI refuses to start with a one-line reason, instead of storing to a local file.
 */
class EmbeddedMongoAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EmbeddedMongoAutoConfiguration.class))
            .withPropertyValues("spring.application.name=registry-service", "platform.mongo.embedded.storage=memory");

    @Test
    void withoutUriOrLocalProfileTheServiceRefusesToStartWithOneLineReason() {
        runner.run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            MongoNotConfiguredException cause = findCause(failure);
            assertThat(cause).isNotNull();
            FailureAnalysis analysis = new MongoNotConfiguredFailureAnalyzer().analyze(failure);
            assertThat(analysis.getDescription()).doesNotContain("\n")
                    .contains("registry-service has no database", "MONGODB_URI", "'local' profile");
            assertThat(analysis.getAction()).contains("SPRING_PROFILES_ACTIVE=local");
        });
    }

    @Test
    void theLocalProfileStartsTheEmbeddedStore() {
        runner.withPropertyValues("spring.profiles.active=local").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(MongoServer.class);
            assertThat(context.getBean(MongoConnectionDetails.class).getConnectionString().getConnectionString())
                    .startsWith("mongodb://127.0.0.1:");
        });
    }

    @Test
    void aDatabaseUriWinsOverTheLocalProfile() {
        runner.withPropertyValues("spring.profiles.active=local", "spring.mongodb.uri=mongodb://db.example:27017/registry")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MongoServer.class)
                        .doesNotHaveBean(MongoConnectionDetails.class));
    }

    private static MongoNotConfiguredException findCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MongoNotConfiguredException cause) {
                return cause;
            }
        }
        return null;
    }
}
