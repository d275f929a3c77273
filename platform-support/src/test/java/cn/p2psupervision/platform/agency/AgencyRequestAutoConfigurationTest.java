package cn.p2psupervision.platform.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

import cn.p2psupervision.platform.audit.AuditTrail;
import cn.p2psupervision.platform.idempotency.IdempotencyKeys;
import cn.p2psupervision.platform.mongo.InMemoryStore;
import cn.p2psupervision.platform.outbox.OutboxDelivery;
import cn.p2psupervision.platform.registryfeed.InstitutionDirectory;
import cn.p2psupervision.platform.registryfeed.InstitutionReferences;

/**
 * AUTH-05: a context opens the agencies' door by naming its paths, and only then; a door misconfigured so that the
 * agencies could not pass it, or the regulators' part of it were open to agencies, keeps the service from starting.
 */
class AgencyRequestAutoConfigurationTest {

    private final InMemoryStore store = new InMemoryStore();
    private final Clock clock = Clock.systemUTC();

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AgencyRequestAutoConfiguration.class))
            .withBean(MongoTemplate.class, () -> store.mongo)
            .withBean(InstitutionDirectory.class, () -> new InstitutionDirectory(new InstitutionReferences(store.mongo)))
            .withBean(IdempotencyKeys.class, () -> new IdempotencyKeys(store.mongo, clock))
            .withBean(AuditTrail.class, () -> new AuditTrail(store.mongo, clock))
            .withBean(Clock.class, () -> clock)
            .withBean(JsonMapper.class, () -> JsonMapper.builder().build());

    private static final String[] DOOR = {
            "platform.agency-requests.path=/api/v1/test/agency-requests",
            "platform.agency-requests.regulator-path=/api/v1/test",
            "platform.security.partner-paths[0]=/api/v1/test/agency-requests",
            "platform.security.partner-paths[1]=/api/v1/test/agency-requests/**"};

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void auth05_withoutAPathThereIsNoDoor() {
        web.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(AgencyRequestService.class)
                .doesNotHaveBean(AgencyRequestController.class).doesNotHaveBean(OutboxDelivery.class));
    }

    @Test
    void auth05_aPathOpensTheDoorWithItsOutboxDelivery() {
        web.withPropertyValues(DOOR).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(AgencyRequestService.class)
                    .hasSingleBean(AgencyRequestController.class).hasSingleBean(AgencyRequestStore.class);
            assertThat(context.getBean(OutboxDelivery.class).kind()).isEqualTo(AgencyRequestDelivery.KIND);
        });
    }

    @Test
    void auth05_outsideAWebApplicationTheRequestsAreMadeButNoEndpointIsOpened() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AgencyRequestAutoConfiguration.class))
                .withBean(MongoTemplate.class, () -> store.mongo)
                .withBean(InstitutionDirectory.class,
                        () -> new InstitutionDirectory(new InstitutionReferences(store.mongo)))
                .withBean(IdempotencyKeys.class, () -> new IdempotencyKeys(store.mongo, clock))
                .withBean(AuditTrail.class, () -> new AuditTrail(store.mongo, clock))
                .withBean(Clock.class, () -> clock)
                .withPropertyValues(DOOR)
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(AgencyRequestDelivery.class)
                        .doesNotHaveBean(AgencyRequestController.class));
    }

    @Test
    void auth05_agencyPathsThatAreNotPartnerPathsKeepTheServiceFromStarting() {
        web.withPropertyValues(DOOR[0], DOOR[1], "platform.security.partner-paths[0]=/api/v1/test/agency-requests")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("platform.security.partner-paths must contain"
                                + " /api/v1/test/agency-requests and /api/v1/test/agency-requests/**"));
    }

    @Test
    void auth05_regulatorPathsThatAgenciesCouldReachKeepTheServiceFromStarting() {
        web.withPropertyValues(DOOR[0], DOOR[1], "platform.security.partner-paths[0]=/api/v1/test/**")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("must not cover /api/v1/test/overdue-agency-requests"));
        web.withPropertyValues(DOOR[0], "platform.agency-requests.regulator-path=/api/v1/test/agency-requests/x")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("must not lie under platform.agency-requests.path"));
        web.withPropertyValues(DOOR[0], DOOR[2], DOOR[3])
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("platform.agency-requests.regulator-path must be set"));
    }

    @Test
    void auth02_withoutTheRegistryProjectionTheServiceRefusesToStartSayingSo() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AgencyRequestAutoConfiguration.class))
                .withBean(MongoTemplate.class, () -> store.mongo)
                .withBean(IdempotencyKeys.class, () -> new IdempotencyKeys(store.mongo, clock))
                .withBean(AuditTrail.class, () -> new AuditTrail(store.mongo, clock))
                .withBean(Clock.class, () -> clock)
                .withBean(JsonMapper.class, () -> JsonMapper.builder().build())
                .withPropertyValues(DOOR)
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("needs platform.registry-feed.enabled=true"));
    }
}
