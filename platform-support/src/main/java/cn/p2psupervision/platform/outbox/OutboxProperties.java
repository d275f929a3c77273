package cn.p2psupervision.platform.outbox;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The outbox relay of a service ({@code platform.outbox.*}).
 *
 * @param collections   the collections whose documents may hold {@link OutboxEntry entries}; none: no relay
 * @param pollDelay     pause between two relay runs
 * @param firstRetry    delay after the first failed attempt; it doubles with each failure
 * @param longestRetry  the longest delay between two attempts (so that a delivery resumes soon after the other
 *                      context returns)
 * @param batch         documents handled per collection and run
 * @param lockAtMostFor how long a relay run may hold the lock if its replica dies
 */
@ConfigurationProperties("platform.outbox")
public record OutboxProperties(List<String> collections, Duration pollDelay, Duration firstRetry,
                               Duration longestRetry, Integer batch, Duration lockAtMostFor) {

    public OutboxProperties {
        collections = collections == null ? List.of() : List.copyOf(collections);
        pollDelay = pollDelay == null ? Duration.ofSeconds(2) : pollDelay;
        firstRetry = firstRetry == null ? Duration.ofSeconds(1) : firstRetry;
        longestRetry = longestRetry == null ? Duration.ofSeconds(15) : longestRetry;
        batch = batch == null ? 100 : batch;
        lockAtMostFor = lockAtMostFor == null ? Duration.ofMinutes(1) : lockAtMostFor;
    }
}
