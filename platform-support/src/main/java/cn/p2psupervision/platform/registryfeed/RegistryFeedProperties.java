package cn.p2psupervision.platform.registryfeed;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code platform.registry-feed.*} (defaults in {@code platform-defaults.yml}); the registry's address is
 * {@code platform.registry.url}.
 *
 * @param enabled       whether this service keeps a projection of the registry's institutions (off by default: the
 *                      registry itself and the gateway do not)
 * @param pollDelay     pause between the end of one poll and the start of the next
 * @param lockAtMostFor how long a poll holds the lock if its replica dies; longer than any poll
 * @param pageSize      institutions asked for per request (the registry allows 1 to 500)
 */
@Validated
@ConfigurationProperties("platform.registry-feed")
public record RegistryFeedProperties(boolean enabled, @NotNull Duration pollDelay, @NotNull Duration lockAtMostFor,
                                     @Min(1) @Max(500) int pageSize) {
}
