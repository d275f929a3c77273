package cn.p2psupervision.incident.watch;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code incident.watch.*}: the scan of every institution's operating figures (INC-10 zombie institutions, INC-11
 * off-site monitoring).
 *
 * @param scanDelay     pause between the end of one scheduled scan and the start of the next (6 h)
 * @param initialDelay  the first scheduled scan after start (6 h: not while the platform is starting)
 * @param lockAtMostFor how long a scan holds the lock if its replica dies; longer than any scan (30 min)
 * @param pageSize      institutions asked of the registry per page, 1 to 1,000 (500)
 */
@Validated
@ConfigurationProperties("incident.watch")
public record WatchProperties(@DefaultValue("6h") Duration scanDelay, @DefaultValue("6h") Duration initialDelay,
                              @DefaultValue("30m") Duration lockAtMostFor,
                              @DefaultValue("500") @Min(1) @Max(1000) int pageSize) {
}
