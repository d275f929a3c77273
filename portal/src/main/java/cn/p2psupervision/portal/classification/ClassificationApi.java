package cn.p2psupervision.portal.classification;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import cn.p2psupervision.portal.api.AgencyRequest;
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

    private static final String SCHEDULE = "/api/v1/classification/campaign-schedule";
    private static final String THRESHOLDS = "/api/v1/classification/screening-thresholds";
    private static final ParameterizedTypeReference<List<CampaignData.Schedule>> SCHEDULES =
            new ParameterizedTypeReference<>() {
            };
    private static final ParameterizedTypeReference<List<CampaignData.ScreeningThresholds>> THRESHOLD_VERSIONS =
            new ParameterizedTypeReference<>() {
            };
    private static final ParameterizedTypeReference<List<CampaignData.ReportLateness>> LATENESS =
            new ParameterizedTypeReference<>() {
            };
    private static final ParameterizedTypeReference<List<AgencyRequest>> REQUESTS =
            new ParameterizedTypeReference<>() {
            };

    private final RestClient api;

    ClassificationApi(@Qualifier("userApiClient") RestClient api) {
        this.api = api;
    }

    /** Decisions in a state ({@code RECORDED}: waiting for a head's approval), newest change first. */
    public PageOf<Decisions.Entry> decisions(String state, int page, int size) {
        return decisions(null, state, page, size);
    }

    /** The decisions in scope in {@code category} and {@code state} (either null: any), the latest change first. */
    public PageOf<Decisions.Entry> decisions(String category, String state, int page, int size) {
        return api.get().uri(uri -> QueryParameters.on(uri.path("/api/v1/classification/decisions"))
                        .with("category", category).with("state", state).with("page", page).with("size", size)
                        .build())
                .retrieve().body(ENTRIES);
    }

    /** CLS-02/03: the problems a finding may name, with their kinds and whether they are violating business. */
    public Classification.Catalogue catalogue() {
        Classification.Catalogue catalogue = api.get().uri("/api/v1/classification/catalogue").retrieve()
                .body(Classification.Catalogue.class);
        return catalogue == null ? new Classification.Catalogue(List.of()) : catalogue;
    }

    /** CLS-01: the institution's findings, withdrawn ones marked. */
    public List<Classification.Finding> findings(String institutionId) {
        List<Classification.Finding> findings = api.get().uri(INSTITUTION + "/findings", institutionId).retrieve()
                .body(FINDINGS);
        return findings == null ? List.of() : findings;
    }

    /** CLS-01: records a finding, as the officer entered it (the service checks it). */
    public Classification.Finding recordFinding(String institutionId, FindingBody finding) {
        return api.post().uri(INSTITUTION + "/findings", institutionId).contentType(MediaType.APPLICATION_JSON)
                .body(finding).retrieve().body(Classification.Finding.class);
    }

    /** CLS-01: the finding's next version with the whole content again, based on version {@code basedOn}. */
    public Classification.Finding amendFinding(String institutionId, String findingId, FindingBody finding,
                                               long basedOn) {
        return api.put().uri(INSTITUTION + "/findings/{findingId}", institutionId, findingId)
                .contentType(MediaType.APPLICATION_JSON).header(IfMatch.HEADER, IfMatch.of(basedOn)).body(finding)
                .retrieve().body(Classification.Finding.class);
    }

    /** CLS-01: withdraws the finding of version {@code basedOn} with a reason; it stays readable and stops counting. */
    public Classification.Finding withdrawFinding(String institutionId, String findingId, String reason,
                                                  long basedOn) {
        return api.post().uri(INSTITUTION + "/findings/{findingId}/withdrawal", institutionId, findingId)
                .contentType(MediaType.APPLICATION_JSON).header(IfMatch.HEADER, IfMatch.of(basedOn))
                .body(new ReasonBody(reason)).retrieve().body(Classification.Finding.class);
    }

    /** CLS-08: the rectification order of the current decision round, or null when that round has none. */
    public Rectification.Order rectificationOrder(String institutionId) {
        try {
            return api.get().uri(INSTITUTION + "/rectification-order", institutionId).retrieve()
                    .body(Rectification.Order.class);
        } catch (ApiProblemException refused) {
            if (refused.status() == 404) {
                return null;
            }
            throw refused;
        }
    }

    /** CLS-08: issues the order of an approved rectification decision (the first version: no {@code If-Match}). */
    public Rectification.Order issueRectificationOrder(String institutionId, OrderBody order) {
        return api.post().uri(INSTITUTION + "/rectification-order", institutionId)
                .contentType(MediaType.APPLICATION_JSON).body(order).retrieve().body(Rectification.Order.class);
    }

    /** CLS-08: a stock report on the order of version {@code basedOn}. */
    public Rectification.Order reportStock(String institutionId, StockReportBody report, long basedOn) {
        return api.post().uri(INSTITUTION + "/rectification-order/stock-reports", institutionId)
                .contentType(MediaType.APPLICATION_JSON).header(IfMatch.HEADER, IfMatch.of(basedOn)).body(report)
                .retrieve().body(Rectification.Order.class);
    }

    /** CLS-08: item {@code number} of the order of version {@code basedOn} is rectified. */
    public Rectification.Order completeItem(String institutionId, int number, CompletionBody completion,
                                            long basedOn) {
        return api.post().uri(INSTITUTION + "/rectification-order/items/{number}/completion", institutionId, number)
                .contentType(MediaType.APPLICATION_JSON).header(IfMatch.HEADER, IfMatch.of(basedOn))
                .body(completion).retrieve().body(Rectification.Order.class);
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

    /** CLS-10: the campaign schedule in force. */
    public CampaignData.Schedule schedule() {
        return api.get().uri(SCHEDULE).retrieve().body(CampaignData.Schedule.class);
    }

    /** CLS-10: every version of the schedule, oldest first. */
    public List<CampaignData.Schedule> scheduleHistory() {
        return orEmpty(api.get().uri(SCHEDULE + "/history").retrieve().body(SCHEDULES));
    }

    /**
     * CLS-10, AUTH-03: central sets the schedule, every milestone's date in order ({@code yyyy-MM-dd} as entered: the
     * service checks them), based on the version it showed.
     */
    public CampaignData.Schedule changeSchedule(List<MilestoneDate> milestones, String reason, long basedOn) {
        return api.put().uri(SCHEDULE).contentType(MediaType.APPLICATION_JSON)
                .header(IfMatch.HEADER, IfMatch.of(basedOn)).body(new ScheduleChange(milestones, reason))
                .retrieve().body(CampaignData.Schedule.class);
    }

    /** CLS-04: the screening thresholds in force. */
    public CampaignData.ScreeningThresholds screeningThresholds() {
        return api.get().uri(THRESHOLDS).retrieve().body(CampaignData.ScreeningThresholds.class);
    }

    /** CLS-04: every version of the thresholds, oldest first. */
    public List<CampaignData.ScreeningThresholds> screeningThresholdHistory() {
        return orEmpty(api.get().uri(THRESHOLDS + "/history").retrieve().body(THRESHOLD_VERSIONS));
    }

    /**
     * CLS-04, AUTH-03: central sets the thresholds as entered (the months a whole number when it is one, the ratios
     * and the percentage as decimal strings: the service checks them), based on the version it showed.
     */
    public CampaignData.ScreeningThresholds changeScreeningThresholds(ScreeningChange change, long basedOn) {
        return api.put().uri(THRESHOLDS).contentType(MediaType.APPLICATION_JSON)
                .header(IfMatch.HEADER, IfMatch.of(basedOn)).body(change)
                .retrieve().body(CampaignData.ScreeningThresholds.class);
    }

    /**
     * CLS-10: the 31 provinces' summary reports as of a day ({@code yyyy-MM-dd} as entered, the service checks it;
     * null: today), the latest first; central only.
     */
    public List<CampaignData.ReportLateness> summaryReports(String asOf) {
        return orEmpty(api.get().uri(uri -> QueryParameters.on(uri.path("/api/v1/classification/summary-reports"))
                .with("asOf", asOf).build()).retrieve().body(LATENESS));
    }

    /** AUTH-05: the referrals not answered after their due date, in the user's scope, the longest due first. */
    public List<AgencyRequest> overdueAgencyRequests() {
        return orEmpty(api.get().uri("/api/v1/classification/overdue-agency-requests").retrieve().body(REQUESTS));
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** A milestone's date as entered. */
    public record MilestoneDate(String milestone, String dueOn) {
    }

    record ScheduleChange(List<MilestoneDate> milestones, String reason) {
    }

    /** The screening thresholds as entered, with the reason of the change. */
    public record ScreeningChange(Object expansionWindowMonths, String balanceGrowthRatio, String lenderGrowthRatio,
                                  String compositeYieldPercent, String reason) {
    }

    record RecordRequest(String category, String reason) {
    }

    /**
     * CLS-01: a finding as entered: dates as typed ({@code yyyy-MM-dd}), the amount a decimal when it is one, else as
     * typed, so that the service names the field it refuses; no amount is no member.
     */
    public record FindingBody(String problemCode, EvidenceBody evidence, String source, String foundOn,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Object outstandingAmount) {
    }

    /** The evidence: what was seen and the references of the documents that show it. */
    public record EvidenceBody(String text, List<String> documents) {
    }

    record ReasonBody(String reason) {
    }

    /** CLS-08: the order as entered: its day, its deadline and the findings to rectify with their requirements. */
    public record OrderBody(String issuedOn, String deadline, List<OrderItem> items) {
    }

    public record OrderItem(String findingId, String requirement) {
    }

    /** CLS-08: the stock of some items as of a day. */
    public record StockReportBody(String asOf, List<StockFigure> items) {
    }

    /** An item's stock: a decimal when it is one, else as typed. */
    public record StockFigure(int number, Object amount) {
    }

    public record CompletionBody(String completedOn, String note) {
    }

    record ReopenRequest(String reason) {
    }
}
