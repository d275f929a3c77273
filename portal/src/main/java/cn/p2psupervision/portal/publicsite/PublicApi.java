package cn.p2psupervision.portal.publicsite;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import cn.p2psupervision.portal.api.PageOf;
import cn.p2psupervision.portal.api.QueryParameters;

/** The public API ({@code /api/v1/public/**}), called without a token whoever is logged in. */
@Component
public class PublicApi {

    static final int PAGE_SIZE = 20;

    private static final ParameterizedTypeReference<PageOf<PublicLists.Notice>> NOTICES =
            new ParameterizedTypeReference<>() {
            };
    private static final ParameterizedTypeReference<PageOf<PublicLists.Filed>> FILED =
            new ParameterizedTypeReference<>() {
            };

    private final RestClient api;

    PublicApi(@Qualifier("publicApiClient") RestClient api) {
        this.api = api;
    }

    public PageOf<PublicLists.Notice> notices(String q, int page) {
        return api.get().uri(uri -> query(uri.path("/api/v1/public/notices"), q, page)).retrieve().body(NOTICES);
    }

    public PageOf<PublicLists.Filed> filed(String q, int page) {
        return api.get().uri(uri -> query(uri.path("/api/v1/public/filed"), q, page)).retrieve().body(FILED);
    }

    private static java.net.URI query(org.springframework.web.util.UriBuilder uri, String q, int page) {
        return QueryParameters.on(uri).with("q", q).with("page", page).with("size", PAGE_SIZE).build();
    }
}
