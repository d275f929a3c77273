package cn.p2psupervision.portal.institution;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import cn.p2psupervision.portal.api.PageOf;
import cn.p2psupervision.portal.api.QueryParameters;

/** The registry's institutions, read as the logged-in user (the registry decides the scope, AUTH-02/03). */
@Component
public class RegistryApi {

    private static final ParameterizedTypeReference<PageOf<Institutions.Summary>> SUMMARIES =
            new ParameterizedTypeReference<>() {
            };

    private final RestClient api;

    RegistryApi(@Qualifier("userApiClient") RestClient api) {
        this.api = api;
    }

    public PageOf<Institutions.Summary> list(InstitutionQuery query) {
        return api.get().uri(uri -> QueryParameters.on(uri.path("/api/v1/registry/institutions"))
                        .with("province", query.province())
                        .with("status", query.status())
                        .with("crossRegion", query.crossRegion())
                        .with("namePrefix", query.namePrefix())
                        .with("page", query.page())
                        .with("size", InstitutionQuery.PAGE_SIZE)
                        .with("sort", "name")
                        .build())
                .retrieve().body(SUMMARIES);
    }

    /** The file; absent or out of the user's scope is the same 404 refusal. */
    public Institutions.File file(String idOrCode) {
        return api.get().uri("/api/v1/registry/institutions/{id}", idOrCode).retrieve().body(Institutions.File.class);
    }
}
