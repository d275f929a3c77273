package cn.p2psupervision.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for all four services behind the gateway under test: the JDK's HTTP server on a random port, answering
 * by the last path segments, and echoing {@code X-Request-Id} as the real services do.
 * <ul>
 * <li>{@code …/slow}: 200 JSON after 200 ms (a file read on a busy service);</li>
 * <li>{@code …/gate}: 200 JSON once as many requests as the gate was set for are held there together (at most
 * 2.5 s), which makes "this many calls reached the service at once" certain instead of a matter of timing;</li>
 * <li>{@code …/sleep/{ms}}: 200 JSON after that many milliseconds;</li>
 * <li>{@code …/status/{code}}: that status with a problem body, as a service answers its errors;</li>
 * <li>a raw {@code [} in the query: Tomcat's HTML 400 page, Java exception name included;</li>
 * <li>{@code …/html-status/{code}}: that status with an HTML page, as the portal answers its error pages;</li>
 * <li>{@code …/imports}: 202 JSON once the whole body is read;</li>
 * <li>anything else: 200 JSON at once.</li>
 * </ul>
 * Every answer carries the {@code Host} the request came with in {@code X-Stub-Host}. It counts the requests it
 * received, the most it had in progress at once, and the request body bytes it has read
 * (as they arrive).
 */
final class StubService {

    static final StubService INSTANCE = start();

    private final HttpServer server;
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicLong bodyBytes = new AtomicLong();
    private volatile CountDownLatch gate = new CountDownLatch(0);

    private StubService(HttpServer server) {
        this.server = server;
    }

    private static StubService start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 512);
            ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "stub-service");
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(workers);
            StubService stub = new StubService(server);
            server.createContext("/", stub::handle);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    int received() {
        return received.get();
    }

    int inFlight() {
        return inFlight.get();
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    long bodyBytes() {
        return bodyBytes.get();
    }

    /** The next {@code size} requests to {@code …/gate} are held until all of them have arrived. */
    void setGate(int size) {
        gate = new CountDownLatch(size);
    }

    void resetCounts() {
        received.set(0);
        bodyBytes.set(0);
        maxInFlight.set(inFlight.get());
    }

    private void handle(HttpExchange exchange) throws IOException {
        received.incrementAndGet();
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            readBody(exchange.getRequestBody());
            String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
            if (requestId != null) {
                exchange.getResponseHeaders().set("X-Request-Id", requestId);
            }
            exchange.getResponseHeaders().set("X-Stub-Host", String.valueOf(exchange.getRequestHeaders().getFirst("Host")));
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            String[] segments = path.split("/");
            String last = segments.length > 0 ? segments[segments.length - 1] : "";
            String beforeLast = segments.length > 1 ? segments[segments.length - 2] : "";
            if (query != null && query.contains("[")) {
                respond(exchange, 400, "text/html;charset=utf-8", tomcatErrorPage());
            } else if ("imports".equals(last)) {
                respond(exchange, 202, "application/json", "{\"state\":\"QUEUED\"}");
            } else if ("slow".equals(last)) {
                pause(200);
                respond(exchange, 200, "application/json", "{\"ok\":true}");
            } else if ("gate".equals(last)) {
                CountDownLatch held = gate;
                held.countDown();
                awaitGate(held);
                respond(exchange, 200, "application/json", "{\"ok\":true}");
            } else if ("sleep".equals(beforeLast)) {
                pause(Long.parseLong(last));
                respond(exchange, 200, "application/json", "{\"ok\":true}");
            } else if ("html-status".equals(beforeLast)) {
                respond(exchange, Integer.parseInt(last), "text/html;charset=utf-8",
                        "<!doctype html><html lang=\"zh-CN\"><body><h1>未找到</h1></body></html>");
            } else if ("status".equals(beforeLast)) {
                int status = Integer.parseInt(last);
                respond(exchange, status, "application/problem+json", "{\"type\":\"urn:p2p-supervision:problem:stub\","
                        + "\"title\":\"Stub\",\"status\":" + status + ",\"detail\":\"answered by the stub\"}");
            } else {
                respond(exchange, 200, "application/json", "{\"ok\":true}");
            }
        } finally {
            inFlight.decrementAndGet();
            exchange.close();
        }
    }

    private void readBody(InputStream body) throws IOException {
        byte[] buffer = new byte[8192];
        for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
            bodyBytes.addAndGet(n);
        }
    }

    private static String tomcatErrorPage() {
        return "<!doctype html><html lang=\"en\"><head><title>HTTP Status 400 – Bad Request</title></head><body>"
                + "<h1>HTTP Status 400 – Bad Request</h1><p><b>Message</b> Invalid character found in the request"
                + " target</p><p><b>Exception</b></p><pre>java.lang.IllegalArgumentException: Invalid character found"
                + " in the request target\n\torg.apache.coyote.http11.Http11InputBuffer.parseRequestLine"
                + "</pre><h3>Apache Tomcat/11.0</h3></body></html>";
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void awaitGate(CountDownLatch held) {
        try {
            held.await(2500, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
