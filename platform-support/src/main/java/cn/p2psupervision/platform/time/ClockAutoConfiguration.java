package cn.p2psupervision.platform.time;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The domain clock. Every rule that reads time (deadlines, notice periods, "after 2016-08-24") takes it from this bean.
 * {@code platform.clock.start=2017-06-01T09:00:00+08:00} starts a demo on any campaign date and lets time run on from
 * there. Token expiry is checked against real time, not against this clock. It ticks in whole milliseconds, the
 * precision the store keeps: an instant a write answers is the instant every later read gives.
 */
@AutoConfiguration
@EnableConfigurationProperties(ClockProperties.class)
public class ClockAutoConfiguration {

    /** Campaign time zone: China Standard Time. */
    public static final ZoneId CAMPAIGN_ZONE = ZoneId.of("Asia/Shanghai");

    @Bean
    @ConditionalOnMissingBean
    Clock clock(ClockProperties properties) {
        Clock system = Clock.tickMillis(CAMPAIGN_ZONE);
        if (properties.start() == null) {
            return system;
        }
        return Clock.tick(Clock.offset(system, Duration.between(system.instant(), properties.start().toInstant())),
                Duration.ofMillis(1));
    }
}
