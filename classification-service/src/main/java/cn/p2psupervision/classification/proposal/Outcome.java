package cn.p2psupervision.classification.proposal;

/** CLS-05: whether an institution meets one of the five standards. */
public enum Outcome {
    /** 满足 */
    MET,
    /** 未满足 */
    FAILED
}
