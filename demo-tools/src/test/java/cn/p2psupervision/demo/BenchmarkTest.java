package cn.p2psupervision.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The closed loop against a JDK {@link HttpServer} stub whose file reads take 100 ms and that counts how many it
 * serves at once and over how many connections: {@code n} clients must be {@code n} requests in the server at the
 * same time, not fewer queued behind a connection or thread limit of the HTTP client.
 */
class BenchmarkTest {

    private static final Duration SERVICE_TIME = Duration.ofMillis(100);

    static {
        // the stub answers in two writes; with Nagle on, delayed acknowledgements add about 40 ms to each answer
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final AtomicInteger current = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final Set<InetSocketAddress> connections = ConcurrentHashMap.newKeySet();
    private final Set<String> protocols = ConcurrentHashMap.newKeySet();
    private final AtomicInteger upgrades = new AtomicInteger();
    private final Set<String> paths = ConcurrentHashMap.newKeySet();
    private final AtomicInteger served = new AtomicInteger();
    private ExecutorService serverThreads;
    private HttpServer server;
    private URI base;

    @BeforeEach
    void startStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        serverThreads = Executors.newFixedThreadPool(100); // more than the clients: the stub is not the limit
        server.setExecutor(serverThreads);
        server.createContext("/api/v1/registry/institutions/", exchange -> {
            connections.add(exchange.getRemoteAddress());
            paths.add(exchange.getRequestURI().getPath());
            served.incrementAndGet();
            protocols.add(exchange.getProtocol());
            if (exchange.getRequestHeaders().containsKey("Upgrade")) {
                upgrades.incrementAndGet();
            }
            peak.accumulateAndGet(current.incrementAndGet(), Math::max);
            try {
                Thread.sleep(SERVICE_TIME.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // leaves before answering: the client's next request on this connection must not overlap this one
            current.decrementAndGet();
            byte[] body = "{\"id\":\"f-1\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().endsWith("/busy") ? 503 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stopStub() {
        server.stop(0);
        serverThreads.shutdownNow();
    }

    @Test
    void sixtyFourClientsAreSixtyFourRequestsInTheServerAtOnce() {
        Benchmark.ClosedRow row = Benchmark.closedLoop(Benchmark.closedLoopClient(), "direct", 64,
                Duration.ofSeconds(3), read(i -> "f-" + i));

        assertThat(peak.get()).isEqualTo(64);
        assertThat(connections).hasSize(64); // one keep-alive connection per client, reused
        assertThat(protocols).containsExactly("HTTP/1.1");
        assertThat(upgrades.get()).as("requests offering an h2c upgrade").isZero();
        assertThat(row.nonOk()).as(row.toString()).isZero();
        assertThat(row.failed()).as(row.toString()).isZero();
        // 64 at a time make at most 1,920 requests in 3 s, 640/s; 32 at a time could not pass 960 and 320/s
        assertThat(row.requests()).as(row.toString()).isGreaterThan(1_000);
        assertThat(row.throughput()).as(row.toString()).isGreaterThan(320);
        assertThat(row.p50()).as(row.toString()).isBetween(100.0, 150.0);
    }

    @Test
    void countsNon2xxAnswersByStatusApartFromTheLatencies() {
        Benchmark.ClosedRow row = Benchmark.closedLoop(Benchmark.closedLoopClient(), "gateway", 4,
                Duration.ofSeconds(1), read(i -> i % 2 == 0 ? "busy" : "f-" + i));

        assertThat(peak.get()).isEqualTo(4);
        assertThat(row.statuses()).containsOnlyKeys("503");
        assertThat(row.nonOk()).isBetween(row.requests() / 2, row.requests() / 2 + 4);
        assertThat(row.failed()).isZero();
        assertThat(Benchmark.counts(row.statuses())).isEqualTo("503×" + row.nonOk());
        long ok = row.requests() - row.nonOk();
        assertThat(row.throughput()).as("the 2xx answers, over about 1 s").isBetween(0.7 * ok, 1.1 * ok);
    }

    @Test
    void countsTransportFailuresAndPausesAfterEach() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        base = URI.create("http://127.0.0.1:" + closedPort);

        Benchmark.ClosedRow row = Benchmark.closedLoop(Benchmark.closedLoopClient(), "direct", 2,
                Duration.ofSeconds(1), read(i -> "f-" + i));

        assertThat(row.failures()).containsOnlyKeys("ConnectException");
        assertThat(row.failed()).isEqualTo(row.requests());
        long mostPerClient = Duration.ofSeconds(1).toMillis() / Benchmark.FAILURE_PAUSE.toMillis() + 1;
        assertThat(row.requests()).isBetween(2L, 2 * mostPerClient);
        assertThat(row.throughput()).isZero();
        assertThat(row.p50()).isNaN();
    }

    @Test
    void aPassSendsEveryRequestOnceWithTheClientsAtATime() {
        Benchmark.ClosedRow row = Benchmark.closedPass(Benchmark.closedLoopClient(), "direct", 4, 40,
                read(i -> "p-" + i));

        assertThat(row.requests()).isEqualTo(40);
        assertThat(served.get()).isEqualTo(40);
        assertThat(paths).hasSize(40).contains("/api/v1/registry/institutions/p-0", "/api/v1/registry/institutions/p-39");
        assertThat(peak.get()).isEqualTo(4);
        assertThat(row.nonOk()).isZero();
        assertThat(row.failed()).isZero();
        // 40 requests of 100 ms, 4 at a time: about 1 s, about 40 answers per second
        assertThat(row.throughput()).as(row.toString()).isBetween(25.0, 41.0);
        assertThat(row.p50()).as(row.toString()).isBetween(100.0, 150.0);
    }

    @Test
    void aPassCountsNon2xxAnswersByStatus() {
        Benchmark.ClosedRow row = Benchmark.closedPass(Benchmark.closedLoopClient(), "gateway", 3, 10,
                read(i -> i < 4 ? "busy" : "p-" + i));

        assertThat(row.requests()).isEqualTo(10);
        assertThat(row.statuses()).containsExactly(java.util.Map.entry("503", 4L));
        assertThat(row.p50()).isBetween(100.0, 150.0);
    }

    @Test
    void onlyNamesOneOrMoreKindsOfPhase() {
        assertThat(Benchmark.Phases.parse(null)).isEqualTo(Benchmark.Phases.ALL);
        assertThat(Benchmark.Phases.parse("all")).isEqualTo(new Benchmark.Phases(true, true, true, true, true));
        assertThat(Benchmark.Phases.parse("open")).isEqualTo(new Benchmark.Phases(true, false, false, false, false));
        assertThat(Benchmark.Phases.parse("closed, classification"))
                .isEqualTo(new Benchmark.Phases(false, true, true, false, false));
        assertThat(Benchmark.Phases.parse("both")).isEqualTo(new Benchmark.Phases(true, true, false, false, false));
        assertThat(Benchmark.Phases.parse("incidents")).isEqualTo(new Benchmark.Phases(false, false, false, true, false));
        assertThat(Benchmark.Phases.parse("acceptance")).isEqualTo(new Benchmark.Phases(false, false, false, false,
                true));
        assertThat(Benchmark.Phases.parse("classification").registry()).isFalse();
        assertThat(Benchmark.Phases.parse("incidents").registry()).isFalse();
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> Benchmark.Phases.parse("open,proposals")).withMessageContaining("--only");
    }

    @Test
    void picksTheProvinceWithTheMostInstitutionsTheLowerCodeOnATie() {
        assertThat(ClassificationBenchmark.largest(new java.util.LinkedHashMap<>(java.util.Map.of("33", 1_400L,
                "44", 2_000L, "11", 1_800L)))).isEqualTo("44");
        assertThat(ClassificationBenchmark.largest(new java.util.TreeMap<>(java.util.Map.of("44", 20L, "11", 20L))))
                .isEqualTo("11");
    }

    private IntFunction<HttpRequest> read(IntFunction<String> id) {
        return i -> HttpRequest.newBuilder(base.resolve("/api/v1/registry/institutions/" + id.apply(i)))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer test").GET().build();
    }
}
