package cn.p2psupervision.incident.events;

import java.time.Instant;

import cn.p2psupervision.platform.security.Actor;

/**
 * INC-12: one line of an event's timeline (时间线): what happened, when, by whom, in a sentence.
 *
 * @param at      when it happened (the campaign clock)
 * @param kind    what kind of act
 * @param by      who did it; null for the platform's own acts (a breach the deadline scan recorded)
 * @param summary what it was, in words, with the figures that matter
 */
public record TimelineEntry(Instant at, Kind kind, Actor by, String summary) {

    /** The acts a timeline shows. */
    public enum Kind {
        RECORDED("登记事件"),
        SIGNAL("风险信息"),
        SIGNAL_LINKED("关联风险信息"),
        LEVEL_SET("确定事件等级"),
        WATCHER_NAMED("指定盯防专人"),
        PLAN_STARTED("启动应急预案"),
        PLAN_ENDED("终止应急预案"),
        NOTIFIED("报告中央"),
        WRITTEN_REPORT("书面报告"),
        FOLLOW_UP_REPORT("续报"),
        FOLLOW_UP_INTERVAL_SET("设定续报间隔"),
        MEASURE_TAKEN("采取措施"),
        MEASURE_UPDATED("措施进展"),
        SUPPORT_NOTE("经营地协助"),
        INSTITUTION_STATUS("机构状态"),
        DEADLINE_BREACHED("超时未报"),
        CLOSED("办结"),
        READ("查阅记录");

        private final String chinese;

        Kind(String chinese) {
            this.chinese = chinese;
        }

        public String chinese() {
            return chinese;
        }
    }
}
