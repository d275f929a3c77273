package cn.p2psupervision.portal.workqueue;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import cn.p2psupervision.portal.api.PageOf;
import cn.p2psupervision.portal.api.QueryParameters;

/** The classification's decisions in the user's scope (AUTH-02), read as the logged-in user. */
@Component
public class ClassificationApi {

    private static final ParameterizedTypeReference<PageOf<Decisions.Entry>> ENTRIES =
            new ParameterizedTypeReference<>() {
            };

    private final RestClient api;

    ClassificationApi(@Qualifier("userApiClient") RestClient api) {
        this.api = api;
    }

    /** Decisions in a state ({@code RECORDED}: waiting for a head's approval), newest change first. */
    public PageOf<Decisions.Entry> decisions(String state, int page, int size) {
        return api.get().uri(uri -> QueryParameters.on(uri.path("/api/v1/classification/decisions"))
                        .with("state", state).with("page", page).with("size", size).build())
                .retrieve().body(ENTRIES);
    }
}
