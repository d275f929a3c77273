package cn.p2psupervision.acceptance.classificationfacts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An institution's classification as the acceptance context reads it from classification-service (ACC-01, ACC-02):
 * the approved decision in force (分类处置决定), where its rectification order (整改通知书) stands, and the active
 * findings with their violating stock (存量) now. Names (categories, problem kinds) are kept as classification spells
 * them.
 *
 * @param approvedDecision the decision in force; null when none is approved
 * @param decisionState    the current decision's state ({@code RECORDED}, {@code APPROVED}, {@code REOPENED}); null
 *                         when there is none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AcceptanceFacts(String institutionId, ApprovedDecision approvedDecision, String decisionState,
                              Rectification rectification, List<Finding> findings) {

    /** 合规类 */
    public static final String COMPLIANT = "COMPLIANT";
    /** 整改类 */
    public static final String RECTIFICATION = "RECTIFICATION";

    public AcceptanceFacts {
        rectification = rectification == null ? new Rectification(false, null, null, false, 0) : rectification;
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /** @param category {@code COMPLIANT}, {@code RECTIFICATION} or {@code BANNING} */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ApprovedDecision(String category, int round, Instant approvedAt) {
    }

    /** @param finished an order exists and none of its items is open */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Rectification(boolean exists, String orderId, LocalDate deadline, boolean finished, int openItems) {
    }

    /**
     * A current finding.
     *
     * @param kind              {@code RED_LINE} (业务红线), {@code OTHER_PROBLEM}, {@code CRIMINAL} or
     *                          {@code BUSINESS_TYPE} (重点排查业务)
     * @param outstandingAmount the violating stock now in yuan (an item's latest report); null when not violating
     *                          business
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Finding(String findingId, String problemCode, String problemName, String kind, LocalDate foundOn,
                          BigDecimal outstandingAmount, boolean violatingBusiness, Integer rectificationItem,
                          boolean rectified) {
    }
}
