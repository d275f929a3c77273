package cn.p2psupervision.acceptance.cases;

/**
 * What the joint team checks (验收检查事项): the substantive checks (实质检查, ACC-04), the annex points (ACC-05) and the
 * checks behind gates ACC-02e..h. A case passes only with every one recorded PASSED and confirmed.
 */
public enum CheckCode {
    /** 账务系统 */
    LEDGER_SYSTEM("账务系统", "ACC-04"),
    /** 资金流水 */
    FUND_FLOWS("资金流水", "ACC-04"),
    /** 融资项目真实性 */
    PROJECT_AUTHENTICITY("融资项目真实性", "ACC-04"),
    /** 抽查借贷合同 */
    LOAN_CONTRACTS("抽查借贷合同", "ACC-04"),
    /** 线下营销暗访 */
    OFFLINE_MARKETING("线下营销暗访", "ACC-04"),
    /** 产品合规性 */
    PRODUCT_COMPLIANCE("产品合规性", "ACC-04"),
    /** 债权转让 [N annex 1] */
    DEBT_TRANSFER("债权转让", "ACC-05"),
    /** 风险备付金 [N annex 2] */
    RISK_RESERVE("风险备付金", "ACC-05"),
    /** 综合借款成本 [N annex 4] */
    BORROWING_COST("综合借款成本", "ACC-05"),
    /** 线下门店 [N annex 6] */
    OFFLINE_STORES("线下门店", "ACC-05"),
    /** 信息披露 [N annex 10] */
    DISCLOSURE("信息披露", "ACC-05"),
    /** 网络安全 [N annex 11] */
    NETWORK_SECURITY("网络安全", "ACC-05"),
    /** 资金存管: names the custody bank [N annex 3] */
    CUSTODY_BANK("资金存管", "ACC-02e"),
    /** 与地方交易所合作已终止 [N annex 8] */
    EXCHANGE_COOPERATION_ENDED("与地方交易所合作", "ACC-02f"),
    /** 核心业务未外包 [N annex 9] */
    CORE_BUSINESS_NOT_OUTSOURCED("核心业务外包", "ACC-02g"),
    /** 法人及分支机构 [N annex 5] */
    LEGAL_ENTITY_AND_BRANCHES("法人及分支机构", "ACC-02h");

    private final String chinese;
    private final String rule;

    CheckCode(String chinese, String rule) {
        this.chinese = chinese;
        this.rule = rule;
    }

    public String chinese() {
        return chinese;
    }

    /** The requirement the check belongs to: {@code ACC-04}, {@code ACC-05} or its gate {@code ACC-02e..h}. */
    public String rule() {
        return rule;
    }

    /** Whether it is the check behind a gate of ACC-02. */
    public boolean gateCheck() {
        return rule.startsWith("ACC-02");
    }
}
