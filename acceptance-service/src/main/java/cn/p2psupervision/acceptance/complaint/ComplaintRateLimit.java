package cn.p2psupervision.acceptance.complaint;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * ACC-10: how many complaints one client address may lodge (投诉频率限制): {@code perMinute} a minute and
 * {@code perDay} a day, each refilled evenly (Bucket4j token buckets, one per address). An attempt over either limit is
 * refused with the time until the next one would be admitted, before anything of it is read or stored.
 *
 * <p>Time is the injected {@link Clock}'s, like every other rule of the campaign. The buckets live in this replica's
 * memory: with n replicas an address may lodge up to n times as many; the least recently seen addresses are forgotten
 * beyond {@code trackedAddresses}, so that a flood of addresses cannot exhaust the memory.
 */
public class ComplaintRateLimit {

    private final int perMinute;
    private final int perDay;
    private final TimeMeter time;
    private final Map<String, Bucket> buckets;

    public ComplaintRateLimit(int perMinute, int perDay, int trackedAddresses, Clock clock) {
        this.perMinute = perMinute;
        this.perDay = perDay;
        this.time = new ClockTime(clock);
        this.buckets = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > trackedAddresses;
            }
        };
    }

    /** Counts one attempt from {@code address}: nothing when admitted, else how long to wait. */
    public void admit(String address) {
        ConsumptionProbe probe = bucketOf(address).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new RateLimited(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    private Bucket bucketOf(String address) {
        synchronized (buckets) {
            return buckets.computeIfAbsent(address, a -> Bucket.builder()
                    .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                    .addLimit(limit -> limit.capacity(perDay).refillGreedy(perDay, Duration.ofDays(1)))
                    .withCustomTimePrecision(time)
                    .build());
        }
    }

    /**
     * 429: too many complaints from one address; {@code retryAfter} is when the next one would be admitted.
     */
    public static final class RateLimited extends RuntimeException {

        private final Duration retryAfter;

        RateLimited(Duration retryAfter) {
            super("Too many complaints from your address; try again in " + seconds(retryAfter) + " s");
            this.retryAfter = retryAfter;
        }

        /** Whole seconds, rounded up, at least 1: the value of {@code Retry-After}. */
        public long retryAfterSeconds() {
            return seconds(retryAfter);
        }

        private static long seconds(Duration wait) {
            return Math.max(1, (wait.toNanos() + 999_999_999L) / 1_000_000_000L);
        }
    }

    /** The campaign clock as Bucket4j reads time. */
    private record ClockTime(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
