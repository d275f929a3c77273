package cn.p2psupervision.classification.acceptancefacts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.p2psupervision.classification.catalogue.ProblemKind;
import cn.p2psupervision.classification.decision.DecisionState;
import cn.p2psupervision.classification.proposal.Category;

/**
 * What the acceptance context needs to know of an institution's classification (整改验收的分类处置依据, ACC-01 and the
 * gates of ACC-02): the approved decision in force, where its rectification order stands, and the current findings.
 * Served service to service at {@code /internal/classification/institutions/{id}/acceptance-facts}; acceptance decides
 * with its own rules what follows from them.
 *
 * @param approvedDecision   the current decision if it is approved (in force); null when none is approved (none
 *                           recorded, waiting for approval, or reopened by central)
 * @param decisionState      the state of the current decision, null when there is none
 * @param rectification      the rectification order of the approved decision's round (of the current round when none is
 *                           approved)
 * @param findings           the active findings (withdrawn ones do not count), oldest found first
 */
public record AcceptanceFacts(String institutionId, ApprovedDecision approvedDecision, DecisionState decisionState,
                              Rectification rectification, List<GateFinding> findings) {

    public AcceptanceFacts {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /** The approved classification decision (分类处置决定, CLS-07): its category, round and the day it was approved. */
    public record ApprovedDecision(Category category, int round, Instant approvedAt) {
    }

    /**
     * The rectification order (整改通知书, CLS-08) of that round.
     *
     * @param exists    whether an order was issued for the round
     * @param finished  an order exists and none of its items is open
     * @param openItems the items not completed yet (0 when there is no order)
     */
    public record Rectification(boolean exists, String orderId, LocalDate deadline, boolean finished, int openItems) {

        static Rectification none() {
            return new Rectification(false, null, null, false, 0);
        }
    }

    /**
     * A current finding (CLS-01) as the gates of ACC-02 read it.
     *
     * @param outstandingAmount the violating stock (存量) now, in yuan: for an item of the rectification order, its latest
     *                          reported stock (the baseline before the first report); otherwise the finding's amount.
     *                          Null for a problem that is not violating business.
     * @param rectificationItem the number of the order's item that rectifies it, null when it is not an item
     * @param rectified         the item was completed (整改完成)
     */
    public record GateFinding(String findingId, String problemCode, String problemName, ProblemKind kind,
                              LocalDate foundOn, BigDecimal outstandingAmount, boolean violatingBusiness,
                              Integer rectificationItem, boolean rectified) {
    }
}
