package cn.p2psupervision.incident.events;

/** INC-03: the level of a risk event (事件等级), the most serious first. */
public enum Level {
    /** 特别重大: large-scale blow-ups, or blow-ups of top-ranked institutions; the 2 h / 4 h clock runs (INC-06). */
    ESPECIALLY_MAJOR("特别重大"),
    /** 重大: blow-ups in some regions, or institutions widely found non-compliant. */
    MAJOR("重大"),
    /** 其他: very few blow-ups, most institutions exiting in order. */
    OTHER("其他");

    private final String chinese;

    Level(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    /** Major or especially major: the events disposal measures are for (INC-08). */
    public boolean atLeastMajor() {
        return this != OTHER;
    }
}
