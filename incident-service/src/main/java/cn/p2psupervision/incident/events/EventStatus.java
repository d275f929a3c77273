package cn.p2psupervision.incident.events;

/** Where a risk event stands. */
public enum EventStatus {
    /** 处置中: being handled. */
    OPEN("处置中"),
    /** 已办结: closed with a reason; nothing changes any more. */
    CLOSED("已办结");

    private final String chinese;

    EventStatus(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
