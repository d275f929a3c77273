package cn.p2psupervision.acceptance.cases;

/** ACC-03: the agency a member of the joint acceptance team (联合整改验收小组) comes from. */
public enum TeamAgency {
    /** 地方金融监管部门 */
    FINANCIAL_OFFICE("地方金融监管部门"),
    /** 银行业监管机构派出机构 */
    BANKING_REGULATOR("银行业监管机构派出机构"),
    /** 人民银行分支机构 */
    CENTRAL_BANK("人民银行分支机构"),
    /** 公安机关 */
    PUBLIC_SECURITY("公安机关"),
    /** 通信管理部门 */
    TELECOM("通信管理部门"),
    /** 市场监督管理部门 */
    MARKET_REGULATION("市场监督管理部门"),
    /** 第三方专业机构 (会计师、律师等): may join, never confirms a check */
    THIRD_PARTY("第三方专业机构");

    private final String chinese;

    TeamAgency(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
