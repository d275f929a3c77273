package cn.p2psupervision.portal.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How far off a day or an instant is on the campaign clock ({@code ${@timeLeft.days(n.earliestEndOn)}} in a
 * template): days until a notice's end (ACC-08), hours and minutes until a reporting deadline (INC-06), written
 * {@code 1小时20分钟} / {@code 1 h 20 min}.
 */
@Component("timeLeft")
public class TimeLeft {

    private final Clock clock;
    private final MessageSource messages;

    public TimeLeft(Clock clock, MessageSource messages) {
        this.clock = clock;
        this.messages = messages;
    }

    /** Whole days from today (Beijing) to {@code day}; negative once it has passed. */
    public long days(LocalDate day) {
        return ChronoUnit.DAYS.between(LocalDate.now(clock.withZone(Formats.BEIJING)), day);
    }

    /** Whole minutes from now to {@code at}; negative once it has passed. */
    public long minutes(Instant at) {
        return Duration.between(clock.instant(), at).toMinutes();
    }

    /** A number of minutes (its absolute value) as hours and minutes, in the page's language. */
    public String duration(long minutes) {
        long total = Math.abs(minutes);
        Object[] parts = {total / 60, total % 60};
        String key = total >= 60 ? "time.hoursMinutes" : "time.minutes";
        return messages.getMessage(key, parts, LocaleContextHolder.getLocale());
    }
}
