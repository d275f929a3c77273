package cn.p2psupervision.classification.catalogue;

/**
 * CLS-05: the five standards of classification (分类处置标准) [实施方案 三(一)]. An institution that meets all five is
 * compliant (CLS-06); the problem catalogue says which standards a problem fails.
 */
public enum Standard {
    /** 标准一：网贷机构满足信息中介的定性. */
    INFORMATION_INTERMEDIARY(1, "信息中介非信用中介"),
    /** 标准二：业务符合直接借贷的标准，即个体与个体之间通过互联网机构实现的直接借贷. */
    DIRECT_LENDING(2, "个体直接借贷"),
    /** 标准三：不得触及业务"红线". */
    NO_RED_LINE(3, "未触及业务红线"),
    /** 标准四：落实出借人及借款人资金第三方存管要求. */
    THIRD_PARTY_CUSTODY(4, "资金第三方存管"),
    /** 标准五：信息披露完整、客观、及时，并且具备合规的网络安全设施. */
    DISCLOSURE_AND_SECURITY(5, "信息披露完整客观及时、网络安全设施合规");

    private static final String[] NUMERALS = {"一", "二", "三", "四", "五"};

    private final int number;
    private final String chinese;

    Standard(int number, String chinese) {
        this.number = number;
        this.chinese = chinese;
    }

    /** The standard's number in the campaign plan, 1 to 5. */
    public int number() {
        return number;
    }

    /** The standard in Simplified Chinese, e.g. {@code 未触及业务红线}. */
    public String chinese() {
        return chinese;
    }

    /** e.g. {@code 标准三「未触及业务红线」}. */
    public String label() {
        return "标准" + NUMERALS[number - 1] + "「" + chinese + "」";
    }
}
