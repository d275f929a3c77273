package cn.p2psupervision.portal.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A request of a context to a partner agency (AUTH-05) as every context answers it to the regulators
 * ({@code GET /api/v1/{context}/overdue-agency-requests}, docs/api.md sections 4 to 6): a referral to public security,
 * a shutdown of licences, websites, bank services, a business registration; {@code overdue} when not answered and
 * today is after {@code dueOn}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AgencyRequest(String id, String agency, String kind, String institutionId, String institutionName,
                            String creditCode, String registeredProvince, String origin, List<String> reasons,
                            Instant requestedAt, LocalDate dueOn, Acknowledgement acknowledged, List<Answer> answers,
                            long version, String state, boolean overdue) {

    public AgencyRequest {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        answers = answers == null ? List.of() : List.copyOf(answers);
    }

    /** 受理: the agency's receipt. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Acknowledgement(String receiptNumber, Instant at) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Answer(String id, String text, String reference, Instant at) {
    }
}
