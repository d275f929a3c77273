package cn.p2psupervision.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The gateway's breaker: a stopped service is a prompt 503 problem, and service resumes once it is back. */
@ExtendWith(PlatformUnderTest.class)
class ServiceOutageSystemIT {

    @Test
    void stoppedServiceAnswers503ProblemWithin3sAndRecoversWithin15sOfRestart() {
        String token = Keycloak.userToken("zj-officer");
        String url = PlatformUnderTest.GATEWAY + "/api/v1/classification/me";
        assertThat(Http.get(url, token).status()).isEqualTo(200);

        PlatformUnderTest.platform("stop", "classification");
        try {
            long started = System.nanoTime();
            Http.Response down = Http.get(url, token);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(down.status()).isEqualTo(503);
            assertThat(down.isProblem()).isTrue();
            assertThat(down.json().get("type").asString()).isEqualTo("urn:p2p-supervision:problem:service-unavailable");
            assertThat(down.json().get("service").asString()).isEqualTo("classification-service");
            assertThat(took).isLessThan(Duration.ofSeconds(3));
            for (int i = 0; i < 12; i++) {
                assertThat(Http.get(url, token).status()).as("still a 503 while it is down").isEqualTo(503);
            }
        } catch (AssertionError | RuntimeException failure) {
            restartAfter(failure);
            throw failure;
        }
        PlatformUnderTest.platform("start", "classification");

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(Http.get(url, token).status()).isEqualTo(200));
    }

    /** Brings the service back for the tests that follow without hiding why this one failed. */
    private static void restartAfter(Throwable failure) {
        try {
            PlatformUnderTest.platform("start", "classification");
        } catch (RuntimeException restart) {
            failure.addSuppressed(restart);
        }
    }
}
