package cn.p2psupervision.classification.proposal;

/** CLS-06: the three categories of classification and disposal (分类处置) [实施方案 三(二)], least severe first. */
public enum Category {
    /** 合规类: meets the standards; continuous supervision. */
    COMPLIANT("合规类", 0),
    /** 整改类: touches red lines or lacks controls; rectify by a deadline, else continue or be eliminated. */
    RECTIFICATION("整改类", 1),
    /** 取缔类: suspected illegal fundraising or other crime; forced exit, referral for penalty or prosecution. */
    BANNING("取缔类", 2);

    private final String chinese;
    private final int severity;

    Category(String chinese, int severity) {
        this.chinese = chinese;
        this.severity = severity;
    }

    public String chinese() {
        return chinese;
    }

    /** COMPLIANT 0 &lt; RECTIFICATION 1 &lt; BANNING 2. */
    public int severity() {
        return severity;
    }

    /** The more severe of two categories. */
    public static Category mostSevere(Category a, Category b) {
        return a.severity >= b.severity ? a : b;
    }
}
