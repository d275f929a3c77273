package cn.p2psupervision.portal.institution;

import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.p2psupervision.portal.api.IfMatch;
import cn.p2psupervision.portal.api.PageOf;
import cn.p2psupervision.portal.api.QueryParameters;

/**
 * The registry's institutions as the logged-in user (the registry decides the scope, AUTH-02/03): the list, a file,
 * its history (REG-07), its verification and attestation (REG-06) and its monthly reports (REG-03).
 */
@Component
public class RegistryApi {

    private static final String FILE = "/api/v1/registry/institutions/{id}";
    private static final ParameterizedTypeReference<PageOf<Institutions.Summary>> SUMMARIES =
            new ParameterizedTypeReference<>() {
            };
    private static final ParameterizedTypeReference<List<History.Entry>> HISTORY =
            new ParameterizedTypeReference<>() {
            };
    private static final ParameterizedTypeReference<List<Reports.Report>> REPORTS =
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
                        .with("controller", query.controller())
                        .with("page", query.page())
                        .with("size", InstitutionQuery.PAGE_SIZE)
                        .with("sort", "name")
                        .build())
                .retrieve().body(SUMMARIES);
    }

    /** REG-06: the files of {@code province} not yet verified (未核实), the first {@code size} by name. */
    public PageOf<Institutions.Summary> unverified(String province, int size) {
        return api.get()
                .uri(uri -> QueryParameters.on(uri.path("/api/v1/registry/institutions"))
                        .with("province", province).with("verificationState", "UNVERIFIED").with("page", 0)
                        .with("size", size).with("sort", "name").build())
                .retrieve().body(SUMMARIES);
    }

    /** The file; absent or out of the user's scope is the same 404 refusal. */
    public Institutions.File file(String idOrCode) {
        return api.get().uri(FILE, idOrCode).retrieve().body(Institutions.File.class);
    }

    /** REG-07: every version of the file, oldest first. */
    public List<History.Entry> history(String idOrCode) {
        List<History.Entry> versions = api.get().uri(FILE + "/history", idOrCode).retrieve().body(HISTORY);
        return versions == null ? List.of() : versions;
    }

    /** REG-07: what a version changed compared with the one before; an unknown version is a 404. */
    public History.Diff diff(String idOrCode, long version) {
        return api.get().uri(FILE + "/history/{version}/diff", idOrCode, version).retrieve().body(History.Diff.class);
    }

    /** REG-06: records a verification on the version {@code basedOn} the officer saw; answers the file after it. */
    public Institutions.File verify(String idOrCode, VerificationRequest verification, long basedOn) {
        return api.post().uri(FILE + "/verifications", idOrCode).contentType(MediaType.APPLICATION_JSON)
                .header(IfMatch.HEADER, IfMatch.of(basedOn)).body(verification).retrieve()
                .body(Institutions.File.class);
    }

    /** REG-06: records the signed confirmation on the version {@code basedOn}; answers the confirmed file. */
    public Institutions.File attest(String idOrCode, AttestationRequest attestation, long basedOn) {
        return api.post().uri(FILE + "/attestation", idOrCode).contentType(MediaType.APPLICATION_JSON)
                .header(IfMatch.HEADER, IfMatch.of(basedOn)).body(attestation).retrieve()
                .body(Institutions.File.class);
    }

    /** REG-03: the series, the latest revision of each month, oldest first. */
    public List<Reports.Report> reports(String idOrCode) {
        List<Reports.Report> reports = api.get().uri(FILE + "/reports", idOrCode).retrieve().body(REPORTS);
        return reports == null ? List.of() : reports;
    }

    /** REG-03: submits a month's report (a second one of the month is a correction and needs a reason). */
    public Reports.Report submitReport(String idOrCode, Reports.Submission report) {
        return api.post().uri(FILE + "/reports", idOrCode).contentType(MediaType.APPLICATION_JSON).body(report)
                .retrieve().body(Reports.Report.class);
    }

    /**
     * Body of a verification (REG-06): method, date, outcome, the facts confirmed and, when the officer corrected
     * something, the corrections as a merge patch of the facts.
     */
    public record VerificationRequest(String method, String date, String outcome, List<String> confirmed,
                                      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> corrections) {
    }

    /** Body of the signed confirmation (REG-06). */
    public record AttestationRequest(String signedBy, String position, String signedOn, String documentReference) {
    }
}
