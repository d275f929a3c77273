package cn.p2psupervision.portal.classification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import cn.p2psupervision.portal.api.ApiProblemException;
import cn.p2psupervision.portal.api.IfMatch;
import cn.p2psupervision.portal.api.PageOf;
import cn.p2psupervision.portal.api.QueryParameters;

/**
 * The classification context (分类处置, docs/api.md section 4) as the logged-in user: decisions in the user's scope
 * (AUTH-02), an institution's findings, proposal and decision, and the acts of CLS-07 (record, approve) and central's reopening (AUTH-03).
 */
@Component
public class ClassificationApi {

    private static final String INSTITUTION = "/api/v1/classification/institutions/{id}";
    private static final ParameterizedTypeReference<PageOf<Decisions.Entry>> ENTRIES =
            new ParameterizedTypeReference<>() {
            };
    private static final ParameterizedTypeReference<List<Decisions.Decision>> VERSIONS =
            new ParameterizedTypeReference<>() {
            };
    private static final ParameterizedTypeReference<List<Classification.Finding>> FINDINGS =
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

    /** The catalogue's problems by code, with their Chinese names (CLS-02/03). */
    public Map<String, String> problemNames() {
        Classification.Catalogue catalogue = api.get().uri("/api/v1/classification/catalogue").retrieve()
                .body(Classification.Catalogue.class);
        Map<String, String> names = new HashMap<>();
        if (catalogue != null) {
            catalogue.problems().forEach(problem -> names.put(problem.code(), problem.name()));
        }
        return names;
    }

    /** CLS-01: the institution's findings, withdrawn ones marked. */
    public List<Classification.Finding> findings(String institutionId) {
        List<Classification.Finding> findings = api.get().uri(INSTITUTION + "/findings", institutionId).retrieve()
                .body(FINDINGS);
        return findings == null ? List.of() : findings;
    }

    /** CLS-04..07: the platform's proposal now. */
    public Classification.Proposal proposal(String institutionId) {
        return api.get().uri(INSTITUTION + "/proposal", institutionId).retrieve()
                .body(Classification.Proposal.class);
    }

    /** CLS-07: the current decision, or null when none is recorded yet. */
    public Decisions.Entry decision(String institutionId) {
        try {
            return api.get().uri(INSTITUTION + "/decision", institutionId).retrieve().body(Decisions.Entry.class);
        } catch (ApiProblemException refused) {
            if (refused.status() == 404) {
                return null;
            }
            throw refused;
        }
    }

    /** CLS-07: every version of the decision, oldest first. */
    public List<Decisions.Decision> decisionVersions(String institutionId) {
        List<Decisions.Decision> versions = api.get().uri(INSTITUTION + "/decision/versions", institutionId).retrieve()
                .body(VERSIONS);
        return versions == null ? List.of() : versions;
    }

    /**
     * CLS-07: records the category; {@code basedOn} is the version of the decision the officer saw, null when there
     * was none (the first record needs no {@code If-Match}).
     */
    public Decisions.Entry record(String institutionId, String category, String reason, Long basedOn) {
        RestClient.RequestBodySpec request = api.post().uri(INSTITUTION + "/decision", institutionId)
                .contentType(MediaType.APPLICATION_JSON);
        if (basedOn != null) {
            request.header(IfMatch.HEADER, IfMatch.of(basedOn));
        }
        return request.body(new RecordRequest(category, reason)).retrieve().body(Decisions.Entry.class);
    }

    /** AUTH-04: a head of the registration province approves the decision of version {@code basedOn}. */
    public Decisions.Entry approve(String institutionId, long basedOn) {
        return api.post().uri(INSTITUTION + "/decision/approval", institutionId)
                .header(IfMatch.HEADER, IfMatch.of(basedOn)).retrieve().body(Decisions.Entry.class);
    }

    /** AUTH-03: central reopens the approved decision of version {@code basedOn}, with a written reason. */
    public Decisions.Entry reopen(String institutionId, String reason, long basedOn) {
        return api.post().uri(INSTITUTION + "/decision/reopening", institutionId)
                .contentType(MediaType.APPLICATION_JSON).header(IfMatch.HEADER, IfMatch.of(basedOn))
                .body(new ReopenRequest(reason)).retrieve().body(Decisions.Entry.class);
    }

    record RecordRequest(String category, String reason) {
    }

    record ReopenRequest(String reason) {
    }
}
