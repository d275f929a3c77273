package cn.p2psupervision.classification.finding;

/** CLS-01: a finding counts while it is active; a withdrawn one is kept, with its reason, but no longer counts. */
public enum FindingState {
    /** 有效 */
    ACTIVE,
    /** 已撤回 */
    WITHDRAWN
}
