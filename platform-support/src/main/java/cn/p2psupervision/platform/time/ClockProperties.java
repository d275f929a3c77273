package cn.p2psupervision.platform.time;

import java.time.OffsetDateTime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The domain clock ({@code platform.clock.*}).
 *
 * @param start where the clock starts (e.g. {@code 2017-06-01T09:00:00+08:00}) to run a demo or a test on a campaign
 *              date; time runs on from there. Absent: real time.
 */
@ConfigurationProperties("platform.clock")
public record ClockProperties(OffsetDateTime start) {
}
