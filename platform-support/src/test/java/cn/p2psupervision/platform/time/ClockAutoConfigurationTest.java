package cn.p2psupervision.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

/**
 * The domain clock ticks in milliseconds, the precision MongoDB keeps, so that the instant a write answers (an event's
 * {@code recordedAt} in its 201) is the one every later read gives; a clock started on a campaign date runs on from it.
 */
class ClockAutoConfigurationTest {

    @Test
    void theClockKeepsNoMoreThanMilliseconds_withOrWithoutACampaignStart() {
        Clock real = new ClockAutoConfiguration().clock(new ClockProperties(null));
        Clock campaign = new ClockAutoConfiguration().clock(new ClockProperties(
                OffsetDateTime.parse("2018-03-01T09:00:00.123456789+08:00")));

        for (int i = 0; i < 200; i++) {
            assertThat(real.instant().getNano() % 1_000_000).isZero();
            assertThat(campaign.instant().getNano() % 1_000_000).isZero();
        }
        assertThat(Duration.between(Instant.parse("2018-03-01T01:00:00Z"), campaign.instant()))
                .isBetween(Duration.ZERO, Duration.ofMinutes(5));
        assertThat(real.getZone()).isEqualTo(ClockAutoConfiguration.CAMPAIGN_ZONE);
    }
}
