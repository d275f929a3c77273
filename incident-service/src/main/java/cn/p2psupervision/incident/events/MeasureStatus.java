package cn.p2psupervision.incident.events;

/** INC-07/08: how far a measure has come. DONE and ABANDONED are final. */
public enum MeasureStatus {
    /** 计划 */
    PLANNED("计划"),
    /** 实施中 */
    IN_PROGRESS("实施中"),
    /** 已完成 */
    DONE("已完成"),
    /** 已放弃 */
    ABANDONED("已放弃");

    private final String chinese;

    MeasureStatus(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    public boolean isFinal() {
        return this == DONE || this == ABANDONED;
    }
}
