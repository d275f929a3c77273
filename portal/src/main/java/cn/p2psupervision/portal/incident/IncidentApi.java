package cn.p2psupervision.portal.incident;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

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
}
