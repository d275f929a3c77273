package cn.p2psupervision.incident.signals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.data.annotation.Id;

import cn.p2psupervision.platform.input.InputPolicy;
import cn.p2psupervision.platform.problem.InvalidInputException;
import cn.p2psupervision.platform.security.Actor;

/**
 * INC-01: a piece of risk information (风险信息) about one or more institutions, recorded by a provincial officer or
 * posted by a partner agency, later linked to the event it became.
 *
 * @param id           {@code SG-…}
 * @param type         what was seen
 * @param institutionIds the institutions it is about, the first the main one
 * @param source       where it came from (a media report, a tip-off, the agency's own investigation, …)
 * @param observedAt   when it was seen
 * @param description  what was seen
 * @param recordedBy   who recorded it
 * @param recordedAt   when (the campaign clock)
 * @param agency       the agency that posted it, or null for a regulator's signal
 * @param alertId      the off-site monitoring alert it was made from (INC-11), or null
 * @param eventId      the event it is linked to, or null
 */
public record Signal(@Id String id, SignalType type, List<String> institutionIds, String source, Instant observedAt,
                     String description, Actor recordedBy, Instant recordedAt, String agency, String alertId,
                     String eventId) {

    public static final int MAX_INSTITUTIONS = 20;
    public static final int MAX_SOURCE = 200;
    public static final int MAX_DESCRIPTION = 4000;

    public Signal {
        institutionIds = institutionIds == null ? List.of() : List.copyOf(institutionIds);
    }

    /** INC-01: checks what the caller stated; 400 naming INC-01. */
    static Signal stated(String id, SignalType type, List<String> institutionIds, String source, Instant observedAt,
                         String description, Actor by, Instant now, String agency, String alertId) {
        if (type == null) {
            throw new InvalidInputException("type", "is required", "INC-01");
        }
        if (observedAt == null) {
            throw new InvalidInputException("observedAt", "is required: when the information was seen", "INC-01");
        }
        if (observedAt.isAfter(now)) {
            throw new InvalidInputException("observedAt", "must not be in the future", "INC-01");
        }
        return new Signal(id, type, institutions(institutionIds),
                InputPolicy.statedText("source", source, MAX_SOURCE, "INC-01", true), observedAt,
                InputPolicy.statedText("description", description, MAX_DESCRIPTION, "INC-01", true), by, now, agency,
                alertId, null);
    }

    Signal linkedTo(String event) {
        return new Signal(id, type, institutionIds, source, observedAt, description, recordedBy, recordedAt, agency,
                alertId, event);
    }

    private static List<String> institutions(List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            throw new InvalidInputException("institutionIds", "must name at least one institution", "INC-01");
        }
        if (ids.size() > MAX_INSTITUTIONS) {
            throw new InvalidInputException("institutionIds", "must name at most " + MAX_INSTITUTIONS
                    + " institutions", "INC-01");
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String stated = InputPolicy.statedText("institutionIds[" + i + "]", ids.get(i), 100, "INC-01", true);
            distinct.add(stated);
        }
        return new ArrayList<>(distinct);
    }
}
