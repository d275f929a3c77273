package cn.p2psupervision.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import cn.p2psupervision.platform.registryfeed.InstitutionDirectory;
import cn.p2psupervision.platform.registryfeed.RegistryFeedPoller;

/**
 * The classification context keeps the registry's institutions as its own projection (issue 7): the service starts
 * with the feed on, and a registry (or Keycloak) it cannot reach costs a warning, never the service.
 */
@SpringBootTest(properties = {
        "spring.profiles.active=local",
        "platform.mongo.embedded.storage=memory",
        "platform.registry-feed.poll-delay=1h",
        // nothing listens on port 9: the registry and the token endpoint refuse connections
        "platform.registry.url=http://127.0.0.1:9",
        "spring.security.oauth2.client.provider.keycloak.token-uri=http://127.0.0.1:9/token"})
class RegistryFeedWiringTest {

    @Autowired
    InstitutionDirectory directory;
    @Autowired
    RegistryFeedPoller poller;

    @Test
    void theServiceStartsWithTheRegistryFeedAndOutlivesARegistryItCannotReach() {
        assertThatCode(poller::poll).doesNotThrowAnyException();

        assertThat(directory.find("1d53c03e-cc23-3078-b7ff-70378dad319c")).isEmpty();
    }
}
