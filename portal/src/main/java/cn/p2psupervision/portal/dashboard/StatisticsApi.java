package cn.p2psupervision.portal.dashboard;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import cn.p2psupervision.portal.api.QueryParameters;

/** The registry's statistics, read as the logged-in user. */
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
                        .with("asOf", asOf == null || asOf.isBlank() ? null : asOf.strip()).build())
                .retrieve().body(RegistryStatistics.class);
    }
}
