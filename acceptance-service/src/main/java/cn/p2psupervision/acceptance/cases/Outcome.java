package cn.p2psupervision.acceptance.cases;

/** ACC-07: the conclusion of acceptance (验收结论) [N 二(二)]. */
public enum Outcome {
    /** 验收合格: the public notice starts, then the certificate and filing. */
    PASSED,
    /** 引导退出: failed but cooperative. */
    GUIDED_EXIT,
    /** 兼并重组: failed but cooperative, market-based merger. */
    MERGER,
    /** 取缔: with its {@link BanningGround}. */
    BANNING,
    /** 恢复正常经营后方可备案: suspended business to evade acceptance. */
    MUST_RESUME;

    /** A failed outcome that closes the case; an institution still operating is then shut down (ACC-14). */
    public boolean failed() {
        return this == GUIDED_EXIT || this == MERGER || this == BANNING;
    }
}
