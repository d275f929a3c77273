package cn.p2psupervision.acceptance.cases;

/** The result of a check (ACC-04). */
public enum CheckResult {
    /** 通过 */
    PASSED,
    /** 未通过 */
    FAILED
}
