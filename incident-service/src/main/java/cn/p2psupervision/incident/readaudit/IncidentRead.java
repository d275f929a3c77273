package cn.p2psupervision.incident.readaudit;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;

/**
 * AUTH-07: one read of confidential incident records (内部资料): who (user, roles, province, agency), when, what
 * (the events and signals it showed), and how (the endpoint's action).
 *
 * @param seq       the line's number in the record: 1 for the first line, then without gaps, in the order recorded
 *                  ({@link IncidentReads}); null only for a line written before numbering and not yet numbered
 * @param action    what was read: {@code READ_EVENT}, {@code LIST_EVENTS}, {@code READ_TIMELINE},
 *                  {@code EXPORT_TIMELINE_PDF}, {@code READ_SIGNAL}, {@code LIST_SIGNALS}, {@code READ_BOARD}, {@code LIST_ZOMBIES},
 *                  {@code READ_ZOMBIE}, {@code READ_BIDDING_CLOSURE}, {@code LIST_ALERTS}, {@code READ_ALERT}, …
 * @param eventIds  the events the answer showed (at most {@value IncidentReads#MAX_IDS})
 * @param signalIds the signals the answer showed (at most {@value IncidentReads#MAX_IDS})
 * @param institutionIds the institutions whose zombie listing or closure of bidding (INC-10) or monitoring alerts
 *                  (INC-11) the answer showed (at most {@value IncidentReads#MAX_IDS})
 * @param alertIds  the monitoring alerts (INC-11) the answer showed (at most {@value IncidentReads#MAX_IDS})
 */
public record IncidentRead(@Id String id, Long seq, Instant at, String userId, String username, List<String> roles,
                           String province, String agency, String action, List<String> eventIds,
                           List<String> signalIds, List<String> institutionIds, List<String> alertIds) {

    public IncidentRead {
        eventIds = eventIds == null ? List.of() : eventIds;
        signalIds = signalIds == null ? List.of() : signalIds;
        institutionIds = institutionIds == null ? List.of() : institutionIds;
        alertIds = alertIds == null ? List.of() : alertIds;
    }

    IncidentRead numbered(long number) {
        return new IncidentRead(id, number, at, userId, username, roles, province, agency, action, eventIds, signalIds,
                institutionIds, alertIds);
    }
}
