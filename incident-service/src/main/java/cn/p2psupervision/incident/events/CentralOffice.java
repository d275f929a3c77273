package cn.p2psupervision.incident.events;

/** INC-06: the central offices the registration province notifies of an especially major event within 2 hours. */
public enum CentralOffice {
    /** 网贷整治办: the national P2P rectification office. */
    P2P_RECTIFICATION_OFFICE("网贷整治办"),
    /** 互金整治办: the internet-finance rectification office. */
    INTERNET_FINANCE_RECTIFICATION_OFFICE("互金整治办"),
    /** 处非办: the office against illegal fundraising. */
    ILLEGAL_FUNDRAISING_OFFICE("处非办");

    private final String chinese;

    CentralOffice(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
