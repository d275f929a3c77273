package cn.p2psupervision.classification.screening;

import java.util.Optional;

/**
 * CLS-04: what a screening flag is about (重点排查事项). The first three are computed from operating figures; the
 * others come from active findings of the catalogue's business types and carry the same code as the catalogue entry
 * (a test keeps the two aligned).
 */
public enum FlagCode {
    /** 业务扩张过快：借贷余额增长过快 */
    RAPID_EXPANSION_BALANCE("业务扩张过快（借贷余额）", false),
    /** 业务扩张过快：出借人数增长过快 */
    RAPID_EXPANSION_LENDERS("业务扩张过快（出借人数）", false),
    /** 产品综合收益率过高 */
    HIGH_YIELD("产品综合收益率过高", false),
    /** 校园贷 */
    CAMPUS_LENDING("校园贷", true),
    /** 现金贷 */
    CASH_LOAN("现金贷", true),
    /** 房地产配资、首付贷 */
    REAL_ESTATE_FINANCING("房地产配资、首付贷", true),
    /** 在媒体过度宣传 */
    EXCESSIVE_PROMOTION("在媒体过度宣传", true),
    /** 承诺高额回报 */
    HIGH_RETURN_PROMISE("承诺高额回报", true);

    private final String chinese;
    private final boolean businessType;

    FlagCode(String chinese, boolean businessType) {
        this.chinese = chinese;
        this.businessType = businessType;
    }

    public String chinese() {
        return chinese;
    }

    /** Whether the flag is raised by findings of the catalogue's business type of the same code. */
    public boolean businessType() {
        return businessType;
    }

    /** The flag a finding of {@code problemCode} raises, if that code is a business type. */
    public static Optional<FlagCode> forBusinessType(String problemCode) {
        for (FlagCode code : values()) {
            if (code.businessType && code.name().equals(problemCode)) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }
}
