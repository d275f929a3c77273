package cn.p2psupervision.portal.incident;

import java.util.List;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import cn.p2psupervision.portal.api.AgencyRequest;
import cn.p2psupervision.portal.api.IfMatch;
import cn.p2psupervision.portal.api.PageOf;
import cn.p2psupervision.portal.api.QueryParameters;

/**
 * The incident context (风险事件与应急处置, docs/api.md section 6) as the logged-in user. Its records are confidential
 * (AUTH-07): every read here is recorded by the service as the user's.
 */
@Component
public class IncidentApi {

    static final int PAGE_SIZE = 20;
    private static final String EVENT = "/api/v1/incidents/events/{id}";
    private static final ParameterizedTypeReference<PageOf<Events.Summary>> SUMMARIES =
            new ParameterizedTypeReference<>() {
            };

    static final int READS_PAGE_SIZE = 50;
    private static final String THRESHOLDS = "/api/v1/incidents/monitoring-thresholds";
    private static final ParameterizedTypeReference<PageOf<Watch.Read>> READS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Watch.MonitoringThresholds>> THRESHOLD_VERSIONS =
            new ParameterizedTypeReference<>() {
            };
    private static final ParameterizedTypeReference<List<AgencyRequest>> REQUESTS =
            new ParameterizedTypeReference<>() {
            };

    private static final String SIGNALS = "/api/v1/incidents/signals";
    private static final String CLOSURES = "/api/v1/incidents/zombies/bidding-closures";
    private static final String ALERT = "/api/v1/incidents/alerts/{id}";
    private static final ParameterizedTypeReference<PageOf<Signals.Signal>> SIGNAL_PAGE =
            new ParameterizedTypeReference<>() {
            };
    private static final ParameterizedTypeReference<PageOf<WatchList.Zombie>> ZOMBIES =
            new ParameterizedTypeReference<>() {
            };
    private static final ParameterizedTypeReference<PageOf<WatchList.Alert>> ALERTS =
            new ParameterizedTypeReference<>() {
            };
    private static final ParameterizedTypeReference<List<Deadlines.Breach>> BREACHES =
            new ParameterizedTypeReference<>() {
            };

    private final RestClient api;

    IncidentApi(@Qualifier("userApiClient") RestClient api) {
        this.api = api;
    }

    /** The events in scope, newest change first, by status and level when given. */
    public PageOf<Events.Summary> events(String status, String level, int page) {
        return api.get().uri(uri -> QueryParameters.on(uri.path("/api/v1/incidents/events"))
                        .with("status", status).with("level", level).with("page", page).with("size", PAGE_SIZE)
                        .build())
                .retrieve().body(SUMMARIES);
    }

    /** The event with its deadlines as they stand now (INC-06). */
    public Events.Event event(String id) {
        return api.get().uri(EVENT, id).retrieve().body(Events.Event.class);
    }

    /** INC-02: records an event; the answer is the event as recorded. */
    public Events.Event record(Events.Draft draft) {
        return api.post().uri("/api/v1/incidents/events").contentType(MediaType.APPLICATION_JSON).body(draft)
                .retrieve().body(Events.Event.class);
    }

    /** INC-03: the level the platform proposes now (it reads the registry: a 503 when the registry cannot answer). */
    public Events.LevelProposal levelProposal(String id) {
        return api.get().uri(EVENT + "/level-proposal", id).retrieve().body(Events.LevelProposal.class);
    }

    /**
     * One act on the event (docs/api.md section 6: level, watcher, plan, notification, reports, measures, support
     * notes, closure), sent with the version the page showed in {@code If-Match}; the answer is the event after it.
     *
     * @param act the act's path under the event, a template whose variables follow the event's id, e.g.
     *            {@code level} or {@code measures/{measureId}}
     */
    public Events.Event act(HttpMethod method, String act, Object body, long basedOn, String id, String... more) {
        Object[] variables = new Object[more.length + 1];
        variables[0] = id;
        System.arraycopy(more, 0, variables, 1, more.length);
        return api.method(method).uri(EVENT + "/" + act, variables).contentType(MediaType.APPLICATION_JSON)
                .header(IfMatch.HEADER, IfMatch.of(basedOn)).body(body)
                .retrieve().body(Events.Event.class);
    }

    /** INC-12: the timeline report as the service renders it (PDF). */
    public byte[] timelinePdf(String id) {
        return api.get().uri(EVENT + "/timeline.pdf", id).accept(MediaType.APPLICATION_PDF, MediaType.APPLICATION_PROBLEM_JSON)
                .retrieve()
                .body(byte[].class);
    }

    /** INC-11: the thresholds of off-site monitoring in force. */
    public Watch.MonitoringThresholds monitoringThresholds() {
        return api.get().uri(THRESHOLDS).retrieve().body(Watch.MonitoringThresholds.class);
    }

    /** INC-11: every version of the thresholds, oldest first. */
    public List<Watch.MonitoringThresholds> monitoringThresholdHistory() {
        return orEmpty(api.get().uri(THRESHOLDS + "/history").retrieve().body(THRESHOLD_VERSIONS));
    }

    /** INC-11, AUTH-03: central sets the three percentages as entered, with why, based on the version it showed. */
    public Watch.MonitoringThresholds changeMonitoringThresholds(MonitoringChange change, long basedOn) {
        return api.put().uri(THRESHOLDS).contentType(MediaType.APPLICATION_JSON)
                .header(IfMatch.HEADER, IfMatch.of(basedOn)).body(change)
                .retrieve().body(Watch.MonitoringThresholds.class);
    }

    /**
     * AUTH-07: who read which incident records, newest first, by event, institution, user name and between two
     * instants ({@code to} excluded; each filter optional); central only. {@code from} and {@code to} are ISO-8601 as
     * the service reads them.
     */
    public PageOf<Watch.Read> reads(ReadFilter filter, int page) {
        return api.get().uri(uri -> QueryParameters.on(uri.path("/api/v1/incidents/read-audit"))
                        .with("eventId", filter.eventId()).with("institutionId", filter.institutionId())
                        .with("username", filter.username()).with("from", filter.from()).with("to", filter.to())
                        .with("page", page).with("size", READS_PAGE_SIZE).build())
                .retrieve().body(READS);
    }

    /** AUTH-05, INC-08: the requests to the agencies not answered after their due date, in the user's scope. */
    public List<AgencyRequest> overdueAgencyRequests() {
        return orEmpty(api.get().uri("/api/v1/incidents/overdue-agency-requests").retrieve().body(REQUESTS));
    }

    /**
     * INC-01: the signals in scope, newest first; {@code linked} false: not linked to an event yet, true: linked,
     * null: both; of one institution when given.
     */
    public PageOf<Signals.Signal> signals(Boolean linked, String institutionId, int page) {
        return api.get().uri(uri -> QueryParameters.on(uri.path(SIGNALS)).with("institutionId", institutionId)
                        .with("linked", linked).with("page", page).with("size", PAGE_SIZE).build())
                .retrieve().body(SIGNAL_PAGE);
    }

    /** INC-01: one signal, for a reader who may read every institution it names. */
    public Signals.Signal signal(String id) {
        return api.get().uri(SIGNALS + "/{id}", id).retrieve().body(Signals.Signal.class);
    }

    /** INC-01: records a signal (provincial officers and heads); the answer is the signal as recorded. */
    public Signals.Signal recordSignal(Signals.Draft draft) {
        return api.post().uri(SIGNALS).contentType(MediaType.APPLICATION_JSON).body(draft)
                .retrieve().body(Signals.Signal.class);
    }

    /** INC-10: the zombie institutions in scope, of one registration province when given. */
    public PageOf<WatchList.Zombie> zombies(String province, int page) {
        return api.get().uri(uri -> QueryParameters.on(uri.path("/api/v1/incidents/zombies"))
                        .with("province", province).with("page", page).with("size", PAGE_SIZE).build())
                .retrieve().body(ZOMBIES);
    }

    /** INC-10: the registration province records a closure of bidding; the institution is listed at once. */
    public WatchList.Closure recordBiddingClosure(WatchList.ClosureDraft draft) {
        return api.post().uri(CLOSURES).contentType(MediaType.APPLICATION_JSON).body(draft)
                .retrieve().body(WatchList.Closure.class);
    }

    /** INC-10: withdraws the closure of bidding recorded for the institution, with why. */
    public void withdrawBiddingClosure(String institutionId, String reason) {
        api.post().uri(CLOSURES + "/{institutionId}/withdrawal", institutionId)
                .contentType(MediaType.APPLICATION_JSON).body(new Reason(reason))
                .retrieve().toBodilessEntity();
    }

    /** INC-11: the monitoring alerts in scope, in one state when given, the latest raised first. */
    public PageOf<WatchList.Alert> alerts(String state, int page) {
        return api.get().uri(uri -> QueryParameters.on(uri.path("/api/v1/incidents/alerts"))
                        .with("state", state).with("page", page).with("size", PAGE_SIZE).build())
                .retrieve().body(ALERTS);
    }

    /** INC-11: the registration province dismisses an open alert, with why; the answer is the alert after it. */
    public WatchList.Alert dismissAlert(String id, String reason) {
        return api.post().uri(ALERT + "/dismissal", id).contentType(MediaType.APPLICATION_JSON)
                .body(new Reason(reason)).retrieve().body(WatchList.Alert.class);
    }

    /** INC-11 → INC-01: the registration province turns an open alert into a signal; the answer is the signal. */
    public Signals.Signal alertToSignal(String id, String type, String note) {
        return api.post().uri(ALERT + "/signal", id).contentType(MediaType.APPLICATION_JSON)
                .body(new AlertSignal(type, note)).retrieve().body(Signals.Signal.class);
    }

    /** INC-06: the deadlines overdue now across the events in scope, by province, and the watchers missing. */
    public Deadlines.Board board() {
        return api.get().uri("/api/v1/incidents/board").retrieve().body(Deadlines.Board.class);
    }

    /** INC-06: the breaches recorded in scope, the latest first. */
    public List<Deadlines.Breach> breaches() {
        return orEmpty(api.get().uri("/api/v1/incidents/breaches").retrieve().body(BREACHES));
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** The three thresholds in percent as entered, with the reason of the change. */
    public record MonitoringChange(String overdueRateMax, String balanceFallMaxPercent, String lendersFallMaxPercent,
                                   String reason) {
    }

    /** Why a closure of bidding is withdrawn, or an alert dismissed. */
    public record Reason(String reason) {
    }

    /** What an officer adds when turning an alert into a signal: its type and a note. */
    public record AlertSignal(String type, String note) {
    }

    /** The read record's filters as the service takes them; null: not filtered by it. */
    public record ReadFilter(String eventId, String institutionId, String username, String from, String to) {
    }
}
