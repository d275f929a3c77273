package cn.p2psupervision.platform.registryfeed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchRuntimeException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Nothing listens at the registry's address (issue 7): a read on a user's request is a 503 problem naming
 * {@code registry-service} within about 5 s (REG-03), and a status delivery is a failure the outbox relay tries again
 * (REG-08). Keycloak (for the service token) answers.
 */
@SpringBootTest(classes = RegistryFeedPollerTest.FeedConsumer.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
                "spring.application.name=unreachable-consumer",
                "spring.mongodb.database=unreachableconsumer",
                "platform.mongo.embedded.storage=memory",
                "platform.registry-feed.enabled=true",
                "platform.registry-feed.poll-delay=1h"})
class RegistryUnreachableTest {

    static final FakeRegistry KEYCLOAK = start();
    static final int CLOSED_PORT = closedPort();

    @DynamicPropertySource
    static void registry(DynamicPropertyRegistry properties) {
        properties.add("platform.registry.url", () -> "http://127.0.0.1:" + CLOSED_PORT);
        properties.add("spring.security.oauth2.client.provider.keycloak.token-uri", () -> KEYCLOAK.url() + "/token");
    }

    @Autowired
    RegistryReports reports;
    @Autowired
    RegistryStatusDelivery delivery;

    @AfterAll
    static void stopKeycloak() {
        KEYCLOAK.close();
    }

    @Test
    void reg03_aRegistryNobodyListensAtIsA503ProblemNamingIt() {
        long started = System.nanoTime();

        RegistryReportsTest.assertUnavailable(() -> reports.series("1d53c03e-cc23-3078-b7ff-70378dad319c"));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
    }

    @Test
    void reg08_aStatusChangeTheRegistryCannotBeReachedForIsTriedAgain() {
        RuntimeException failure = catchRuntimeException(() -> delivery.deliver("e1", RegistryStatusDelivery.payload(
                "1d53c03e-cc23-3078-b7ff-70378dad319c", "BANNED", "CLASSIFICATION", "ZJ-CLS-2017-0042",
                LocalDate.of(2017, 5, 31), null)));

        RegistryStatusDeliveryTest.assertRetryable(failure);
        assertThat(failure).hasMessage("The status change was not delivered: registry-service could not be reached "
                + "or did not answer in time");
    }

    /** A loopback port nothing listens at (bound for a moment, then released). */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FakeRegistry start() {
        try {
            return new FakeRegistry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
