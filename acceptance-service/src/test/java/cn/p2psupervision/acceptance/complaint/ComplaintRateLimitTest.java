package cn.p2psupervision.acceptance.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * ACC-10, below the HTTP layer: the limits per client address (5 a minute, 20 a day, on the campaign clock) and which
 * address a request is counted under.
 */
class ComplaintRateLimitTest {

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2018-03-15T01:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Asia/Shanghai");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final HandClock clock = new HandClock();
    private final ComplaintRateLimit limit = new ComplaintRateLimit(5, 20, 1000, clock);

    @Test
    void acc10_theSixthComplaintInAMinuteIsRefusedWithTheTimeToWait() {
        for (int i = 0; i < 5; i++) {
            limit.admit("203.0.113.7");
        }

        assertThatThrownBy(() -> limit.admit("203.0.113.7"))
                .isInstanceOfSatisfying(ComplaintRateLimit.RateLimited.class,
                        refused -> assertThat(refused.retryAfterSeconds()).isEqualTo(12));
        limit.admit("198.51.100.1"); // another address has limits of its own

        clock.advance(Duration.ofSeconds(12));
        limit.admit("203.0.113.7"); // one complaint every 12 s refills
    }

    @Test
    void acc10_anAddressLodgesAtMostTwentyADay() {
        for (int i = 0; i < 20; i++) {
            limit.admit("203.0.113.7");
            clock.advance(Duration.ofMinutes(1));
        }

        assertThatThrownBy(() -> limit.admit("203.0.113.7"))
                .isInstanceOfSatisfying(ComplaintRateLimit.RateLimited.class,
                        refused -> assertThat(refused.retryAfterSeconds()).isGreaterThan(60));
        clock.advance(Duration.ofHours(2));
        limit.admit("203.0.113.7");
    }

    @Test
    void acc10_behindTheGatewayTheRightMostForwardedAddressCounts() {
        ClientAddress addresses = new ClientAddress(ComplaintProperties.PRIVATE_NETWORKS);
        MockHttpServletRequest viaGateway = new MockHttpServletRequest();
        viaGateway.setRemoteAddr("10.1.2.3");
        viaGateway.addHeader("X-Forwarded-For", "1.1.1.1, 9.9.9.9, 203.0.113.7");

        assertThat(addresses.of(viaGateway)).isEqualTo("203.0.113.7");
    }

    @Test
    void acc10_aProxyOfOursInFrontOfTheGatewayIsSkippedButNothingTheClientWroteIsBelieved() {
        ClientAddress addresses = new ClientAddress(ComplaintProperties.PRIVATE_NETWORKS);
        MockHttpServletRequest behindLoadBalancer = new MockHttpServletRequest();
        behindLoadBalancer.setRemoteAddr("10.1.2.3");
        behindLoadBalancer.addHeader("X-Forwarded-For", "192.0.2.66, 203.0.113.7, 10.0.0.5");
        MockHttpServletRequest internalUser = new MockHttpServletRequest();
        internalUser.setRemoteAddr("10.1.2.3");
        internalUser.addHeader("X-Forwarded-For", "172.16.4.4, 10.0.0.5");

        assertThat(addresses.of(behindLoadBalancer)).isEqualTo("203.0.113.7");
        assertThat(addresses.of(internalUser)).isEqualTo("172.16.4.4");
    }

    @Test
    void acc10_aCallerReachingTheServiceDirectlyIsCountedByItsSocketWhateverItForwards() {
        ClientAddress addresses = new ClientAddress(ComplaintProperties.PRIVATE_NETWORKS);
        MockHttpServletRequest direct = new MockHttpServletRequest();
        direct.setRemoteAddr("198.51.100.9");
        direct.addHeader("X-Forwarded-For", "203.0.113.7");

        assertThat(addresses.of(direct)).isEqualTo("198.51.100.9");
    }

    @Test
    void acc10_withoutAForwardedAddressOrWithGarbageInItTheSocketCounts() {
        ClientAddress addresses = new ClientAddress(List.of("127.0.0.1"));
        MockHttpServletRequest plain = new MockHttpServletRequest();
        plain.setRemoteAddr("127.0.0.1");
        MockHttpServletRequest garbage = new MockHttpServletRequest();
        garbage.setRemoteAddr("127.0.0.1");
        garbage.addHeader("X-Forwarded-For", "203.0.113.7, evil.example.com");

        assertThat(addresses.of(plain)).isEqualTo("127.0.0.1");
        assertThat(addresses.of(garbage)).isEqualTo("127.0.0.1");
    }

    @Test
    void acc10_anIpv6ClientIsCountedByItsSlash64() {
        assertThat(ClientAddress.key("2001:db8:1:2:aaaa::1")).isEqualTo(ClientAddress.key("2001:db8:1:2:bbbb::9"))
                .isEqualTo("20010db800010002::/64");
        assertThat(ClientAddress.key("2001:db8:1:3::1")).isNotEqualTo(ClientAddress.key("2001:db8:1:2::1"));
    }
}
