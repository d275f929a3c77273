package cn.p2psupervision.classification.schedule;

/**
 * CLS-10: the milestones of the campaign schedule, in their order (《P2P网络借贷风险专项整治工作实施方案》 五).
 */
public enum Milestone {
    /** Mobilisation and deployment (动员部署). */
    DEPLOYMENT("动员部署"),
    /** Investigation of the institutions (摸底排查). */
    INVESTIGATION("摸底排查"),
    /** Clean-up and classified disposal (清理整顿分类处置). */
    CLASSIFICATION("清理整顿分类处置"),
    /** The provinces' summary reports to the central office (总结报告). */
    SUMMARY_REPORT("总结报告");

    private final String label;

    Milestone(String label) {
        this.label = label;
    }

    /** The milestone's name in Simplified Chinese. */
    public String label() {
        return label;
    }
}
