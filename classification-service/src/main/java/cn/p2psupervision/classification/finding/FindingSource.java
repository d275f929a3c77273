package cn.p2psupervision.classification.finding;

/** CLS-01: where a finding comes from (问题来源). */
public enum FindingSource {
    /** 现场检查 */
    ON_SITE_INSPECTION,
    /** 非现场分析 */
    OFF_SITE_ANALYSIS,
    /** 群众举报、投诉 */
    PUBLIC_COMPLAINT,
    /** 其他部门移送（公安、通信管理、市场监管、人民银行） */
    OTHER_AGENCY,
    /** 排查登记数据（一户一档） */
    REGISTRY_DATA
}
