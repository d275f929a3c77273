package cn.p2psupervision.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed requests through the real gateway, sent byte for byte over a socket (a well-behaved HTTP client refuses
 * to send them): each is refused with a 4xx {@code application/problem+json} that names no Java code and carries
 * exactly one {@code X-Request-Id}, whichever layer refuses it (reactor-netty's decoder, Spring Security's firewall,
 * or a service's Tomcat behind the gateway).
 */
@ExtendWith(PlatformUnderTest.class)
class GatewayMalformedRequestSystemIT {

    private static final Pattern JAVA_NAMES = Pattern.compile("java\\.|jakarta\\.|tools\\.jackson|com\\.fasterxml"
            + "|org\\.springframework|io\\.netty|reactor\\.|cn\\.p2psupervision|Exception");

    static Stream<Arguments> malformedRequests() {
        return Stream.of(
                Arguments.of("encoded NUL", "/api/v1/public/notices/%00", null),
                Arguments.of("encoded dot segment", "/api/v1/public/%2e%2e/notices", null),
                Arguments.of("empty path segment", "/api/v1/public//notices", null),
                Arguments.of("20 kB URI", "/api/v1/public/notices?q=" + "a".repeat(20_000), null),
                Arguments.of("64 kB header", "/api/v1/public/notices", "X-Padding: " + "a".repeat(64 * 1024)),
                Arguments.of("unencoded [ in the query", "/api/v1/public/notices?q=[1]", null));
    }

    @ParameterizedTest(name = "{0} -> 4xx problem with one X-Request-Id")
    @MethodSource("malformedRequests")
    void malformedRequestIsRefusedWithAProblem(String name, String target, String header) {
        RawResponse response = RawResponse.get(PlatformUnderTest.GATEWAY_PORT, target, header);

        assertThat(response.status()).as(response.body()).isBetween(400, 499);
        assertThat(response.values("Content-Type")).as("Content-Type")
                .singleElement().satisfies(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"type\":\"urn:p2p-supervision:problem:")
                .doesNotContainPattern(JAVA_NAMES);
        assertThat(response.values("X-Request-Id")).hasSize(1);
    }

    /**
     * A response read straight off the socket. The request is written on its own thread: a server that refuses
     * over-long headers answers and closes before reading them all, and may reset the rest of the upload.
     */
    record RawResponse(int status, List<String[]> headers, String body) {

        static RawResponse get(int port, String target, String headerLine) {
            String request = "GET " + target + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n"
                    + (headerLine == null ? "" : headerLine + "\r\n") + "\r\n";
            try (Socket socket = new Socket("localhost", port)) {
                socket.setSoTimeout(20_000);
                Thread writer = new Thread(() -> write(socket, request.getBytes(StandardCharsets.ISO_8859_1)));
                writer.setDaemon(true);
                writer.start();
                return parse(readAll(socket.getInputStream()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        List<String> values(String name) {
            String wanted = name.toLowerCase(Locale.ROOT);
            return headers.stream().filter(h -> h[0].toLowerCase(Locale.ROOT).equals(wanted)).map(h -> h[1]).toList();
        }

        private static void write(Socket socket, byte[] request) {
            try {
                OutputStream out = socket.getOutputStream();
                out.write(request);
                out.flush();
            } catch (IOException refusedMidway) {
                // the server answered and closed first: its response says why
            }
        }

        private static byte[] readAll(InputStream in) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    bytes.write(buffer, 0, n);
                }
            } catch (SocketException reset) {
                if (bytes.size() == 0) {
                    throw reset;
                }
            }
            return bytes.toByteArray();
        }

        private static RawResponse parse(byte[] raw) {
            String text = new String(raw, StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            assertThat(end).as("a complete response head in: %s", text).isPositive();
            String[] lines = text.substring(0, end).split("\r\n");
            List<String[]> headers = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.add(new String[] {lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()});
            }
            return new RawResponse(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(end + 4));
        }
    }
}
