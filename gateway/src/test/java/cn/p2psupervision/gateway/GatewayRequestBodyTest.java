package cn.p2psupervision.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * Request bodies stream through the gateway to the service instead of being held in the gateway's memory first, and
 * an import upload goes through a breaker of its own ({@code registry-imports}).
 */
class GatewayRequestBodyTest extends RoutedGatewayTest {

    private static final int FIRST_PART = 64 * 1024;

    @Test
    void anUploadReachesTheServiceWhileItIsStillBeingSent() throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(ascii("POST /api/v1/registry/imports?kind=INSTITUTIONS HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: " + TOKEN + "\r\nContent-Type: text/csv\r\nTransfer-Encoding: chunked\r\n"
                    + "Connection: close\r\n\r\n"));
            out.write(ascii(Integer.toHexString(FIRST_PART) + "\r\n" + "a".repeat(FIRST_PART) + "\r\n"));
            out.flush();

            await().atMost(Duration.ofSeconds(10)).until(() -> STUB.bodyBytes() >= FIRST_PART);
            out.write(ascii("0\r\n\r\n"));
            out.flush();
            RawHttp.Response response = RawHttp.read(socket);

            assertThat(response.status()).as(response.body()).isEqualTo(202);
            assertThat(STUB.bodyBytes()).isEqualTo(FIRST_PART);
        }
        assertThat(breakers.circuitBreaker("registry-imports").getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(1);
        assertThat(breakers.circuitBreaker("registry-service").getMetrics().getNumberOfBufferedCalls()).isZero();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
