package cn.p2psupervision.incident.timeline;

import java.time.Instant;
import java.util.List;

/**
 * INC-12: what the timeline report of a risk event (风险事件处置时间线报告) states, as of its export; made from the event
 * by the incident context and printed by {@link TimelineReportRenderer}. Codes are printed next to their Chinese
 * wording; a null value prints as a dash.
 *
 * @param eventId                the event's id (事件编号)
 * @param title                  the event's title as recorded (事件名称)
 * @param type                   the event type's code (INC-02), e.g. {@code OVERDUE_PAYMENT}
 * @param typeChinese            the event type in Chinese (事件类型), e.g. 逾期兑付
 * @param level                  the level's code (INC-03), e.g. {@code ESPECIALLY_MAJOR}
 * @param levelChinese           the level in Chinese (事件等级), e.g. 特别重大
 * @param status                 the event's status (状态) as the incident context names it
 * @param institutionName        the institution's name (机构名称)
 * @param creditCode             its unified social credit code (统一社会信用代码)
 * @param registeredProvince     its registration province's code (注册地), e.g. {@code 33}
 * @param registeredProvinceName that province's name, e.g. 浙江省
 * @param recordedAt             when the event was recorded (登记时间): the deadlines' clock starts there (INC-06)
 * @param recordedBy             who recorded it (登记人)
 * @param watcher                the dedicated watcher of an especially major event (盯防专人, INC-04); null if none
 * @param planStartedAt          when the emergency plan was started (启动应急预案, INC-05); null if never
 * @param planEndedAt            when it was ended (终止应急预案); null while running or never started
 * @param deadlines              the reporting deadlines (报告时限, INC-06), in the order to print; empty if none
 * @param entries                the timeline (时间线: signals, level changes, notifications, reports, measures, the plan's
 *                               start and end), oldest first, printed in this order
 * @param exportedAt             when the report was exported (导出时间)
 * @param exportedBy             who exported it (导出人)
 */
public record TimelineReport(String eventId, String title, String type, String typeChinese, String level,
                             String levelChinese, String status, String institutionName, String creditCode,
                             String registeredProvince, String registeredProvinceName, Instant recordedAt,
                             String recordedBy, String watcher, Instant planStartedAt, Instant planEndedAt,
                             List<Deadline> deadlines, List<Entry> entries, Instant exportedAt, String exportedBy) {

    public TimelineReport {
        deadlines = deadlines == null ? List.of() : List.copyOf(deadlines);
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    /**
     * One reporting deadline (报告时限, INC-06), e.g. notifying the central offices within 2 hours (2小时内报告) or the
     * detailed written report within 4 hours (4小时内书面报告).
     *
     * @param kind        the deadline's code, e.g. {@code NOTIFY_CENTRAL_2H}
     * @param kindChinese the deadline in Chinese, e.g. 2小时内报告中央有关部门
     * @param dueAt       when it falls due (截止时间)
     * @param metAt       when it was met (完成时间); null while open
     * @param overdue     whether it was missed (已超时): met late, or open past {@code dueAt}
     */
    public record Deadline(String kind, String kindChinese, Instant dueAt, Instant metAt, boolean overdue) {
    }

    /**
     * One line of the timeline (时间线条目).
     *
     * @param at          when it happened (时间)
     * @param kind        its code, e.g. {@code SIGNAL}, {@code LEVEL_SET}, {@code MEASURE}, {@code PLAN_STARTED}
     * @param kindChinese its kind in Chinese (类别), e.g. 风险信号, 等级调整, 处置措施, 启动应急预案
     * @param actor       who did it (经办人)
     * @param province    the acting province's code (省份), e.g. {@code 44}, or its name; null for the central office
     * @param summary     what happened (内容), as free text; may run over several lines
     */
    public record Entry(Instant at, String kind, String kindChinese, String actor, String province, String summary) {
    }
}
