package cn.p2psupervision.platform.test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The domain clock of the API tests: it stands still at the instant it was last set to, in the campaign's zone. */
public final class MutableClock extends Clock {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** The day the tests start on: the acceptance stage of the campaign (2018-03-01). */
    public static final String START = "2018-03-01";

    private final AtomicReference<Instant> now = new AtomicReference<>();

    public MutableClock() {
        setDay(START);
    }

    /** Sets the clock to 09:00 in China on {@code day} (yyyy-MM-dd). */
    public void setDay(String day) {
        now.set(ZonedDateTime.parse(day + "T09:00:00+08:00[Asia/Shanghai]").toInstant());
    }

    /** Sets the clock to {@code instant}. */
    public void set(Instant instant) {
        now.set(instant);
    }

    /** Moves the clock on by whole minutes (the incident deadlines run in hours, INC-06). */
    public void plusMinutes(long minutes) {
        now.set(now.get().plusSeconds(minutes * 60));
    }

    /** Moves the clock on by whole days. */
    public void plusDays(long days) {
        now.set(now.get().plusSeconds(days * 86_400));
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now.get(), CHINA);
    }

    @Override
    public ZoneId getZone() {
        return CHINA;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now.get(), zone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    /** Puts the clock in place of the platform's. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }
}
