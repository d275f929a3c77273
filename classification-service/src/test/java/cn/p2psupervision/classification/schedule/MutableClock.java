package cn.p2psupervision.classification.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** The domain clock of a test, set to the moment a step of the test happens (never advancing on its own). */
final class MutableClock extends Clock {

    private final ZoneId zone;
    private volatile Instant now;

    MutableClock(String start, ZoneId zone) {
        this.zone = zone;
        set(start);
    }

    /** Moves the clock to {@code at}, e.g. {@code 2017-02-04T00:30:00+08:00}. */
    void set(String at) {
        now = OffsetDateTime.parse(at).toInstant();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        MutableClock copy = new MutableClock(now.atZone(other).toOffsetDateTime().toString(), other);
        return copy;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
