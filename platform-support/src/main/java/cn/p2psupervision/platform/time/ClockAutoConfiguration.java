package cn.p2psupervision.platform.time;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The domain clock. Every rule that reads time (deadlines, notice periods, "after 2016-08-24") takes it from this bean.
 * {@code platform.clock.start=2017-06-01T09:00:00+08:00} starts a demo on any campaign date and lets time run on from
 * there. Token expiry is checked against real time, not against this clock.
 */
@AutoConfiguration
public class ClockAutoConfiguration {

    /** Campaign time zone: China Standard Time. */
    public static final ZoneId CAMPAIGN_ZONE = ZoneId.of("Asia/Shanghai");

    @Bean
    @ConditionalOnMissingBean
    Clock clock(Environment environment) {
        Clock system = Clock.system(CAMPAIGN_ZONE);
        String start = environment.getProperty("platform.clock.start");
        if (start == null || start.isBlank()) {
            return system;
        }
        OffsetDateTime startAt = OffsetDateTime.parse(start.trim());
        return Clock.offset(system, Duration.between(system.instant(), startAt.toInstant()));
    }
}
