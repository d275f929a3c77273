package cn.p2psupervision.portal.classification;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The classification's decisions as the work queue reads them ({@code GET /api/v1/classification/decisions}). */
public final class Decisions {

    /** CLS-07's categories: 合规类, 整改类, 取缔类, in this order wherever they are listed. */
    public static final List<String> CATEGORIES = List.of("COMPLIANT", "RECTIFICATION", "BANNING");

    private Decisions() {
    }

    /** An institution's current decision. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(String institutionId, String institutionName, String creditCode, String registeredProvince,
                        long version, Decision decision, Instant updatedAt) {

        /** A decision as an API answer without the institution's name gives it. */
        public Entry(String institutionId, String registeredProvince, long version, Decision decision,
                     Instant updatedAt) {
            this(institutionId, null, null, registeredProvince, version, decision, updatedAt);
        }
    }

    /** CLS-07: the category recorded, against the platform's proposal; {@code RECORDED} waits for a head (AUTH-04). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Decision(int round, long version, String state, String category, Proposal proposal, String reason,
                    Actor recordedBy, Instant recordedAt, Actor approvedBy, Instant approvedAt, String reopenReason,
                    Actor reopenedBy, Instant reopenedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Proposal(String category) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Actor(String username, String province, String agency) {
    }

    /** A decision with the name of its institution, as the lists show it (null: the registry did not give it). */
    public record Named(Entry entry, String institutionName, String creditCode) {
    }
}
