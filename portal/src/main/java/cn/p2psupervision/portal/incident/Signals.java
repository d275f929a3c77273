package cn.p2psupervision.portal.incident;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The incident context's risk signals (风险信息, docs/api.md section 6, INC-01) as the portal reads and records them. */
public final class Signals {

    /** INC-01: the types of risk information, in the guide's order. */
    static final List<String> TYPES = List.of("RUMOUR", "NEGATIVE_MEDIA", "SHAREHOLDER_TROUBLE", "EXECUTIVE_TROUBLE",
            "OVERDUE_OR_RUN", "BORROWER_TROUBLE", "LENDER_PROTEST", "GUARANTEE_INSURANCE_GROUP", "OTHER");

    private Signals() {
    }

    /**
     * A signal about one or more institutions (the first the main one): recorded by a provincial officer, posted by
     * a partner agency ({@code agency}) or made from an off-site monitoring alert ({@code alertId}); {@code eventId}
     * once linked to an event.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Signal(String id, String type, List<String> institutionIds, String source, Instant observedAt,
                         String description, Events.Actor recordedBy, Instant recordedAt, String agency,
                         String alertId, String eventId) {

        public Signal {
            institutionIds = institutionIds == null ? List.of() : List.copyOf(institutionIds);
        }
    }

    /** What an officer records; {@code observedAt} ISO-8601 with its offset, as the service reads it. */
    public record Draft(String type, List<String> institutionIds, String source, String observedAt,
                        String description) {
    }

    /** An institution a signal names: its name when the registry gave it, else only its id. */
    public record Named(String id, String name, String registeredProvince) {
    }
}
