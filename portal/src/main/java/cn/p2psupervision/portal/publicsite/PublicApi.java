package cn.p2psupervision.portal.publicsite;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.annotation.JsonInclude;

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

    /**
     * ACC-09: lodges a complaint against the institution under notice with this credit code. {@code forwardedFor}
     * is the complainant's {@code X-Forwarded-For} as the portal relays it, so that the rate limit (ACC-10) counts
     * each member of the public, not the portal.
     */
    public PublicLists.Receipt complain(String creditCode, String text, String contact, String forwardedFor) {
        RestClient.RequestBodySpec request = api.post().uri("/api/v1/public/complaints")
                .contentType(MediaType.APPLICATION_JSON);
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return request.body(new ComplaintRequest(creditCode, text, contact)).retrieve().body(PublicLists.Receipt.class);
    }

    /** Where a complaint stands; a wrong secret is the same 404 as an unknown receipt number. */
    public PublicLists.ComplaintStatus complaint(String receiptNumber, String secret) {
        return api.get().uri("/api/v1/public/complaints/{receipt}", receiptNumber).header("Complaint-Secret", secret)
                .retrieve().body(PublicLists.ComplaintStatus.class);
    }

    /** ACC-11: the certificate with this verification code; none issued is a 404. */
    public PublicLists.Certificate certificate(String verificationCode) {
        return api.get().uri("/api/v1/public/certificates/{code}", verificationCode).retrieve()
                .body(PublicLists.Certificate.class);
    }

    /** Only the members the door takes; an absent contact is left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ComplaintRequest(String creditCode, String text, String contact) {
    }

    private static java.net.URI query(org.springframework.web.util.UriBuilder uri, String q, int page) {
        return QueryParameters.on(uri).with("q", q).with("page", page).with("size", PAGE_SIZE).build();
    }
}
