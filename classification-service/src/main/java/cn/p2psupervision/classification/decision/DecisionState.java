package cn.p2psupervision.classification.decision;

/** CLS-07: where a decision stands in its round. */
public enum DecisionState {
    /** 待审批: recorded by an officer, waiting for a head's approval (AUTH-04). */
    RECORDED,
    /** 已批准: approved by a head of the registration province; in force. */
    APPROVED,
    /** 已重新打开: reopened by central with a written reason (AUTH-03); the next record starts a new round. */
    REOPENED
}
