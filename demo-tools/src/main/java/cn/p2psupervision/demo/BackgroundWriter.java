package cn.p2psupervision.demo;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Commits one change to the register per second while the read phases run (issue 12: lists and statistics must stay
 * fast and exact while the register changes): a merge patch of one of the officer's own files, straight to the
 * registry, each based on the version the previous one made. Counts what it committed and what failed.
 */
final class BackgroundWriter implements AutoCloseable {

    private final PlatformClient client;
    private final URI file;
    private final PlatformClient.Tokens tokens;
    private final Thread thread;
    private final AtomicLong committed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean running = true;
    private String etag;

    BackgroundWriter(PlatformClient client, URI service, String fileId, PlatformClient.Tokens tokens) {
        this.client = client;
        this.file = service.resolve("/api/v1/registry/institutions/" + fileId);
        this.tokens = tokens;
        this.thread = new Thread(this::loop, "bench-writer");
        this.thread.setDaemon(true);
    }

    BackgroundWriter start() {
        thread.start();
        return this;
    }

    /** Commits one change and returns when the registry acknowledged it; false when it did not. */
    synchronized boolean commitOne() {
        if (etag == null) {
            HttpResponse<String> read = client.send(HttpRequest.newBuilder(file).timeout(Duration.ofSeconds(10))
                    .header("Authorization", tokens.bearer()).GET().build());
            etag = read.headers().firstValue("ETag").orElse(null);
        }
        HttpResponse<String> patched = client.send(HttpRequest.newBuilder(file).timeout(Duration.ofSeconds(10))
                .header("Authorization", tokens.bearer()).header("Content-Type", "application/merge-patch+json")
                .header("If-Match", etag == null ? "\"0\"" : etag)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(
                        "{\"registeredAddress\":\"Benchmark change " + System.nanoTime() + "\"}"))
                .build());
        if (patched.statusCode() == 200) {
            etag = patched.headers().firstValue("ETag").orElse(null);
            committed.incrementAndGet();
            return true;
        }
        etag = null; // stale or refused: read the version again next time
        failed.incrementAndGet();
        return false;
    }

    private void loop() {
        while (running) {
            long next = System.nanoTime() + 1_000_000_000L;
            try {
                commitOne();
            } catch (RuntimeException e) {
                failed.incrementAndGet();
            }
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    long committed() {
        return committed.get();
    }

    long failed() {
        return failed.get();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
