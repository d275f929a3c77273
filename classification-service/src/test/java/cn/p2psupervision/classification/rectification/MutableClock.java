package cn.p2psupervision.classification.rectification;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicReference;

/** A clock the tests move: it stands still at the instant it was last set to, in the campaign's zone. */
final class MutableClock extends Clock {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final AtomicReference<Instant> now;

    MutableClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** Sets the clock to 09:00 in China on {@code day} (yyyy-MM-dd). */
    void setDay(String day) {
        now.set(ZonedDateTime.parse(day + "T09:00:00+08:00[Asia/Shanghai]").toInstant());
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
}
