package cn.p2psupervision.incident.events;

/** INC-02: the risk events the campaign responds to (风险事件类型). */
public enum EventType {
    /** 逾期兑付 */
    OVERDUE_PAYMENT("逾期兑付"),
    /** 退出 */
    EXIT("退出"),
    /** 转型 */
    TRANSFORMATION("转型"),
    /** 停业 */
    SUSPENSION("停业"),
    /** 失联 */
    LOST_CONTACT("失联"),
    /** 跑路 */
    ABSCONDING("跑路"),
    /** 诈骗、非法集资 */
    FRAUD_OR_ILLEGAL_FUNDRAISING("诈骗、非法集资"),
    /** 保证保险风险 */
    GUARANTEE_INSURANCE("保证保险风险"),
    /** 出借人群访 */
    LENDER_PETITION("出借人群访"),
    /** 其他造成不良影响的事件 */
    OTHER("其他不良影响事件");

    private final String chinese;

    EventType(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
