package cn.p2psupervision.classification.decision;

import java.time.Instant;
import java.util.Objects;

import cn.p2psupervision.classification.proposal.Category;
import cn.p2psupervision.classification.proposal.Proposal;
import cn.p2psupervision.platform.problem.InvalidInputException;
import cn.p2psupervision.platform.problem.RuleViolationException;
import cn.p2psupervision.platform.security.Actor;

/**
 * One version of an institution's classification decision (分类处置决定, CLS-07): the category an officer of the
 * registration province recorded, the platform's proposal it was recorded against, the written reason when the two
 * differ, and, once a head of that province approved it (AUTH-04), who approved it and when. Central may reopen an
 * approved decision with a written reason (AUTH-03); the next record then starts a new round. A decision never
 * changes in place: every act returns the next version, and every version is kept.
 *
 * @param round    1 for the first decision; one more after each reopening
 * @param version  1, 2, ... across rounds: the ETag of the decision
 * @param proposal the platform's proposal when the category was recorded (kept as it was)
 * @param reason   the officer's written reason; required when {@code category} differs from the proposal's
 */
public record Decision(String institutionId, int round, long version, DecisionState state, Category category,
                       Proposal proposal, String reason, Actor recordedBy, Instant recordedAt, Actor approvedBy,
                       Instant approvedAt, String reopenReason, Actor reopenedBy, Instant reopenedAt) {

    public static final int MAX_REASON = 2000;

    /** CLS-07: the first decision about an institution. */
    public static Decision first(String institutionId, Proposal proposal, Category category, String reason, Actor by,
                                 Instant at) {
        return recorded(institutionId, 1, 1, proposal, category, reason, by, at);
    }

    /**
     * CLS-07: an officer records the category again: while it waits for approval this amends it (same round); after
     * a reopening it starts the next round. An approved decision is changed only after central reopens it.
     */
    public Decision record(Proposal newProposal, Category newCategory, String newReason, Actor by, Instant at) {
        return switch (state) {
            case RECORDED -> recorded(institutionId, round, version + 1, newProposal, newCategory, newReason, by, at);
            case REOPENED -> recorded(institutionId, round + 1, version + 1, newProposal, newCategory, newReason, by,
                    at);
            case APPROVED -> throw new RuleViolationException("CLS-07", "The decision on " + institutionId
                    + " is approved; only the central office can reopen it (AUTH-03)");
        };
    }

    /**
     * AUTH-04: a head of the registration province approves the recorded decision; not the officer who recorded it
     * (four eyes). The caller's role and province are checked before this.
     */
    public Decision approve(Actor head, Instant at) {
        if (state != DecisionState.RECORDED) {
            throw new RuleViolationException("CLS-07", "The decision on " + institutionId + " is " + state
                    + ": there is no recorded decision waiting for approval");
        }
        if (head.samePersonAs(recordedBy)) {
            throw new RuleViolationException("AUTH-04", "The decision was recorded by " + recordedBy.username()
                    + "; another head of the province approves it");
        }
        return new Decision(institutionId, round, version + 1, DecisionState.APPROVED, category, proposal, reason,
                recordedBy, recordedAt, head, Objects.requireNonNull(at), null, null, null);
    }

    /** AUTH-03: central reopens an approved decision with a written reason; the next record starts a new round. */
    public Decision reopen(String why, Actor central, Instant at) {
        if (state != DecisionState.APPROVED) {
            throw new RuleViolationException("AUTH-03", "Only an approved decision is reopened; the decision on "
                    + institutionId + " is " + state);
        }
        return new Decision(institutionId, round, version + 1, DecisionState.REOPENED, category, proposal, reason,
                recordedBy, recordedAt, approvedBy, approvedAt, written(why, "AUTH-03", "Reopening a decision"),
                central, Objects.requireNonNull(at));
    }

    /** Whether the recorded category is not the one the platform proposed. */
    public boolean differsFromProposal() {
        return category != proposal.category();
    }

    public boolean approved() {
        return state == DecisionState.APPROVED;
    }

    private static Decision recorded(String institutionId, int round, long version, Proposal proposal,
                                     Category category, String reason, Actor by, Instant at) {
        if (category == null) {
            throw new InvalidInputException("category", "is required: COMPLIANT, RECTIFICATION or BANNING", "CLS-07");
        }
        Objects.requireNonNull(proposal, "proposal");
        String stated = reason == null || reason.isBlank() ? null : reason.strip();
        if (stated != null && stated.length() > MAX_REASON) {
            throw new InvalidInputException("reason", "must be at most " + MAX_REASON + " characters long", "CLS-07");
        }
        if (category != proposal.category() && stated == null) {
            throw new RuleViolationException("CLS-07", "The platform proposes " + proposal.category() + " ("
                    + proposal.category().chinese() + "); recording " + category + " (" + category.chinese()
                    + ") needs a written reason");
        }
        return new Decision(institutionId, round, version, DecisionState.RECORDED, category, proposal, stated, by,
                Objects.requireNonNull(at), null, null, null, null, null);
    }

    private static String written(String text, String rule, String act) {
        if (text == null || text.isBlank()) {
            throw new RuleViolationException(rule, act + " needs a written reason");
        }
        String stated = text.strip();
        if (stated.length() > MAX_REASON) {
            throw new InvalidInputException("reason", "must be at most " + MAX_REASON + " characters long", rule);
        }
        return stated;
    }
}
