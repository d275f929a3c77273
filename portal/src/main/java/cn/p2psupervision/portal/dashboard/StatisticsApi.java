package cn.p2psupervision.portal.dashboard;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import cn.p2psupervision.portal.api.QueryParameters;
import cn.p2psupervision.portal.web.Entered;

/**
 * The figures of the national dashboard, read as the logged-in user: the registry's statistics, classification's
 * (CLS-09), the filing progress (ACC-13) and the incident board (INC-06).
 */
@Component
public class StatisticsApi {

    private final RestClient api;

    StatisticsApi(@Qualifier("userApiClient") RestClient api) {
        this.api = api;
    }

    /** As of the end of {@code asOf} ({@code yyyy-MM}), or of last month when null. */
    public RegistryStatistics statistics(String asOf) {
        return api.get()
                .uri(uri -> QueryParameters.on(uri.path("/api/v1/registry/statistics"))
                        .with("asOf", Entered.text(asOf)).build())
                .retrieve().body(RegistryStatistics.class);
    }

    /** CLS-09 as of the end of {@code asOf} ({@code yyyy-MM-dd}), or today when null. */
    public CampaignFigures.Classification classification(String asOf) {
        return api.get()
                .uri(uri -> QueryParameters.on(uri.path("/api/v1/classification/statistics")).with("asOf", asOf)
                        .build())
                .retrieve().body(CampaignFigures.Classification.class);
    }

    /** ACC-13: today's filing progress against the three deadlines. */
    public CampaignFigures.Filing filing() {
        return api.get().uri("/api/v1/acceptance/filing-progress").retrieve().body(CampaignFigures.Filing.class);
    }

    /** INC-06: the deadlines missed now (a read the incident context records, AUTH-07). */
    public CampaignFigures.IncidentBoard incidentBoard() {
        return api.get().uri("/api/v1/incidents/board").retrieve().body(CampaignFigures.IncidentBoard.class);
    }
}
