package cn.p2psupervision.acceptance.cases;

/** Where an acceptance case (整改验收案件) stands (ACC-07, ACC-08, ACC-11, ACC-12). */
public enum CaseState {
    /** 验收中: the joint team checks the institution; opinions are asked (ACC-03..05, ACC-16). */
    OPEN,
    /** 公示中: acceptance passed; the public notice runs (ACC-08, ACC-09). */
    ON_NOTICE,
    /** 已出具合格证明: both heads signed the certificate (ACC-11); waiting for filing. */
    CERTIFIED,
    /** 已备案登记 (ACC-12). */
    FILED,
    /** 引导退出: failed but cooperative; closed (ACC-07 (2)). */
    GUIDED_EXIT,
    /** 兼并重组: failed but cooperative, market-based merger; closed (ACC-07 (2)). */
    MERGER,
    /** 取缔: not cooperative, serious violations, police involved or lost contact; closed (ACC-07 (3)). */
    BANNED,
    /** 待恢复经营: suspended business to evade acceptance; must resume before it can be filed (ACC-07 (4)). */
    AWAITING_RESUMPTION;

    /** Closed by a failed outcome: no deadline runs for it any more. */
    public boolean closedByFailure() {
        return this == GUIDED_EXIT || this == MERGER || this == BANNED;
    }

    /** Under public notice: the notice is published until filing, and complaints are taken (ACC-08, ACC-09). */
    public boolean underNotice() {
        return this == ON_NOTICE || this == CERTIFIED;
    }
}
