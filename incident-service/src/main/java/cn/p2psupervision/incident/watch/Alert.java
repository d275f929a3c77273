package cn.p2psupervision.incident.watch;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;

import cn.p2psupervision.platform.input.InputPolicy;
import cn.p2psupervision.platform.problem.InvalidInputException;
import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.problem.ProblemType;
import cn.p2psupervision.platform.registryfeed.InstitutionReference;
import cn.p2psupervision.platform.registryfeed.MonthFigures;
import cn.p2psupervision.platform.security.Actor;

/**
 * INC-11: an alert of off-site monitoring (非现场监测): a threshold the latest reported month of a remaining
 * institution broke, with the figures behind it. There is one alert per institution, month and metric ({@link #idOf}),
 * so a scan that meets the same breach again neither repeats it nor touches its state. An open alert is handled once,
 * by an officer of the institution's registration province: turned into a risk signal or dismissed with a reason.
 *
 * @param id                 {@code <institutionId>:<yyyy-MM>:<metric>}
 * @param period             the month that broke the threshold
 * @param threshold          the threshold in force when it was raised (percent)
 * @param value              the month's value (percent)
 * @param figures            the months behind it, the oldest first: the month before (when the metric compares with
 *                           it, or when it was reported) and the month itself
 * @param raisedAt           when the scan raised it (the domain clock)
 * @param signalId           the risk signal it was turned into; null otherwise
 * @param stateChangedBy     who turned it into a signal or dismissed it; null while open
 * @param reason             why it was dismissed; null otherwise
 * @param version            1 when raised, 2 once handled: its ETag
 */
public record Alert(@Id String id, String institutionId, String name, String creditCode, String registeredProvince,
                    List<String> businessProvinces, String period, AlertMetric metric, BigDecimal threshold,
                    BigDecimal value, List<MonthFigures> figures, Instant raisedAt, AlertState state,
                    String signalId, Actor stateChangedBy, Instant stateChangedAt, String reason, long version) {

    public static final String RULE = "INC-11";
    public static final int MAX_REASON = 2000;

    public Alert {
        businessProvinces = businessProvinces == null ? List.of() : List.copyOf(businessProvinces);
        figures = figures == null ? List.of() : List.copyOf(figures);
    }

    /** The one id of the alert of {@code institutionId}'s {@code period} on {@code metric}. */
    public static String idOf(String institutionId, String period, AlertMetric metric) {
        return institutionId + ":" + period + ":" + metric;
    }

    /** A new, open alert of a breach found by a scan at {@code at}. */
    static Alert raise(InstitutionReference institution, MonitoringCheck.Breach breach, Instant at) {
        List<MonthFigures> behind = new ArrayList<>(2);
        if (breach.before() != null) {
            behind.add(breach.before());
        }
        behind.add(breach.latest());
        String period = breach.latest().period();
        return new Alert(idOf(institution.id(), period, breach.metric()), institution.id(), institution.name(),
                institution.creditCode(), institution.registeredProvince(), institution.businessProvinces(), period,
                breach.metric(), breach.threshold(), breach.value(), behind, at, AlertState.OPEN, null, null, null,
                null, 1);
    }

    /** Dismissed by {@code by} with a reason (required, at most {@value #MAX_REASON} characters); 409 unless open. */
    Alert dismissed(Actor by, Instant at, String why) {
        requireOpen("dismissed");
        if (why == null || why.isBlank()) {
            throw new InvalidInputException("reason", "is required: say why the alert is dismissed", "AUTH-07");
        }
        return handled(AlertState.DISMISSED, null, by, at, InputPolicy.text("reason", why.strip(), MAX_REASON));
    }

    /** Turned into the risk signal {@code signalId} by {@code by}; 409 unless open. */
    Alert turnedIntoSignal(Actor by, Instant at, String newSignalId) {
        requireOpen("turned into a signal");
        if (newSignalId == null || newSignalId.isBlank()) {
            throw new InvalidInputException("signalId", "is required: the risk signal the alert became", RULE);
        }
        return handled(AlertState.TURNED_INTO_SIGNAL, newSignalId, by, at, null);
    }

    private Alert handled(AlertState next, String newSignalId, Actor by, Instant at, String why) {
        return new Alert(id, institutionId, name, creditCode, registeredProvince, businessProvinces, period, metric,
                threshold, value, figures, raisedAt, next, newSignalId, by, at, why, version + 1);
    }

    /** 409 naming INC-11 unless the alert is open. */
    public void requireOpen(String act) {
        if (state != AlertState.OPEN) {
            throw new ProblemException(ProblemType.CONFLICT, "Alert " + id + " is " + state + " already: only an open"
                    + " alert is " + act + " (INC-11)", Map.of("rule", RULE));
        }
    }
}
