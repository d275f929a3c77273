package cn.p2psupervision.portal.acceptance;

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
 * The acceptance context (整改验收, 备案登记, docs/api.md section 5) as the logged-in user: the cases in scope, a case
 * with its complaints, its opening (ACC-01) and the acts on it: team, checks, opinions, conclusion, resumption,
 * complaint resolution, a head's signature (ACC-11) and the filing (ACC-12), each based on the case's version
 * ({@code If-Match}).
 */
@Component
public class AcceptanceApi {

    static final int PAGE_SIZE = 20;
    private static final String CASE = "/api/v1/acceptance/cases/{id}";
    private static final ParameterizedTypeReference<PageOf<Cases.Summary>> SUMMARIES =
            new ParameterizedTypeReference<>() {
            };
    private static final ParameterizedTypeReference<List<Cases.Complaint>> COMPLAINTS =
            new ParameterizedTypeReference<>() {
            };

    private static final String CUSTODY_BANKS = "/api/v1/acceptance/custody-banks";
    private static final ParameterizedTypeReference<List<Cases.Summary>> OVERDUE =
            new ParameterizedTypeReference<>() {
            };
    private static final ParameterizedTypeReference<List<CustodyBanks>> WHITELISTS =
            new ParameterizedTypeReference<>() {
            };
    private static final ParameterizedTypeReference<List<AgencyRequest>> REQUESTS =
            new ParameterizedTypeReference<>() {
            };

    private final RestClient api;

    AcceptanceApi(@Qualifier("userApiClient") RestClient api) {
        this.api = api;
    }

    /** The cases the user may read, newest change first, optionally in one state. */
    public PageOf<Cases.Summary> cases(String state, int page) {
        return api.get().uri(uri -> QueryParameters.on(uri.path("/api/v1/acceptance/cases"))
                        .with("state", state).with("page", page).with("size", PAGE_SIZE).build())
                .retrieve().body(SUMMARIES);
    }

    public Cases.Case acceptanceCase(String institutionId) {
        return api.get().uri(CASE, institutionId).retrieve().body(Cases.Case.class);
    }

    /** ACC-09: the complaints against the case, oldest first. */
    public List<Cases.Complaint> complaints(String institutionId) {
        List<Cases.Complaint> complaints = api.get().uri(CASE + "/complaints", institutionId).retrieve()
                .body(COMPLAINTS);
        return complaints == null ? List.of() : complaints;
    }

    /** ACC-01, ACC-02, ACC-06, ACC-13: the registration province opens the institution's case. */
    public Cases.Case open(Cases.Opening opening) {
        return api.post().uri("/api/v1/acceptance/cases").contentType(MediaType.APPLICATION_JSON).body(opening)
                .retrieve().body(Cases.Case.class);
    }

    /**
     * An act on the case of version {@code basedOn} ({@code If-Match}): {@code act} is the path below the case, e.g.
     * {@code team}, {@code checks/{code}}, its variables after the case's id; {@code body} null sends none (a member
     * leaving the team). Answers the case after the act.
     */
    public Cases.Case act(HttpMethod method, String act, Object body, long basedOn, String id, String... more) {
        Object[] variables = new Object[more.length + 1];
        variables[0] = id;
        System.arraycopy(more, 0, variables, 1, more.length);
        RestClient.RequestBodySpec request = api.method(method).uri(CASE + "/" + act, variables)
                .header(IfMatch.HEADER, IfMatch.of(basedOn));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.retrieve().body(Cases.Case.class);
    }

    /** ACC-09: the registration province resolves a complaint; based on the case's version. */
    public Cases.Resolution resolve(String institutionId, String receiptNumber, Object resolution, long basedOn) {
        return api.post().uri(CASE + "/complaints/{receiptNumber}/resolution", institutionId, receiptNumber)
                .contentType(MediaType.APPLICATION_JSON).header(IfMatch.HEADER, IfMatch.of(basedOn))
                .body(resolution).retrieve().body(Cases.Resolution.class);
    }

    /** ACC-11, AUTH-04: the user, a head, signs the certificate of the case of version {@code basedOn}. */
    public Cases.Case sign(String institutionId, long basedOn) {
        return api.post().uri(CASE + "/certificate/signatures", institutionId)
                .header(IfMatch.HEADER, IfMatch.of(basedOn)).retrieve().body(Cases.Case.class);
    }

    /** ACC-12: filing registration (备案登记) of the certified case of version {@code basedOn}. */
    public Cases.Case file(String institutionId, long basedOn) {
        return api.post().uri(CASE + "/filing", institutionId)
                .header(IfMatch.HEADER, IfMatch.of(basedOn)).retrieve().body(Cases.Case.class);
    }

    /** ACC-13: the cases past their deadline, neither filed nor closed, in the user's scope, the longest overdue first. */
    public List<Cases.Summary> overdueCases() {
        return orEmpty(api.get().uri("/api/v1/acceptance/cases/overdue").retrieve().body(OVERDUE));
    }

    /** AUTH-05, ACC-14: the requests to the agencies not answered after their due date, in the user's scope. */
    public List<AgencyRequest> overdueAgencyRequests() {
        return orEmpty(api.get().uri("/api/v1/acceptance/overdue-agency-requests").retrieve().body(REQUESTS));
    }

    /** ACC-15: the custody-bank whitelist in force. */
    public CustodyBanks custodyBanks() {
        return api.get().uri(CUSTODY_BANKS).retrieve().body(CustodyBanks.class);
    }

    /** ACC-15: every version of the whitelist, oldest first. */
    public List<CustodyBanks> custodyBankHistory() {
        return orEmpty(api.get().uri(CUSTODY_BANKS + "/history").retrieve().body(WHITELISTS));
    }

    /** ACC-15, AUTH-03: central gives the whole new list, with why, based on the version it showed. */
    public CustodyBanks changeCustodyBanks(List<String> banks, String reason, long basedOn) {
        return api.put().uri(CUSTODY_BANKS).contentType(MediaType.APPLICATION_JSON)
                .header(IfMatch.HEADER, IfMatch.of(basedOn)).body(new WhitelistChange(banks, reason))
                .retrieve().body(CustodyBanks.class);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    record WhitelistChange(List<String> banks, String reason) {
    }
}
