package cn.p2psupervision.incident.timeline;

import static cn.p2psupervision.platform.pdf.PdfRenderer.escape;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

import cn.p2psupervision.platform.pdf.PdfRenderer;
import cn.p2psupervision.platform.province.Province;
import cn.p2psupervision.platform.time.ClockAutoConfiguration;

/**
 * INC-12: the timeline report of a risk event (风险事件处置时间线报告) as an A4 PDF that a head can sign off: the event's
 * facts, its reporting deadlines (报告时限, overdue ones marked 已超时), its timeline in order, and a sign-off block
 * (审核负责人签字). Every page is headed 内部资料 注意保密 with the event's id and numbered 第 N 页 / 共 M 页; the
 * tables run over as many pages as needed, their header row repeated on each.
 *
 * <p>Rendered by the platform's {@link PdfRenderer} from XHTML in which every value is escaped, so that no text of the
 * event can become markup. Times are China's (Asia/Shanghai), {@code yyyy-MM-dd HH:mm}. The Chinese needs the
 * platform's CJK font ({@code platform.pdf.font-files}); without one it prints as placeholders, so the labels also
 * carry their English, and the ids, codes and times are ASCII.
 */
@Component
public class TimelineReportRenderer {

    static final String TITLE = "风险事件处置时间线报告";
    static final String CONFIDENTIAL = "内部资料 注意保密";
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ClockAutoConfiguration.CAMPAIGN_ZONE);
    private static final String NONE = "—";

    private final PdfRenderer pdf;

    public TimelineReportRenderer(PdfRenderer pdf) {
        this.pdf = pdf;
    }

    /** Whether a font with Chinese glyphs is embedded. */
    public boolean embedsChineseFont() {
        return pdf.embedsChineseFont();
    }

    /** The report as a PDF. */
    public byte[] pdf(TimelineReport report) {
        return pdf.pdf(xhtml(report));
    }

    /** The page: fixed markup, and the report's values escaped. */
    String xhtml(TimelineReport r) {
        StringBuilder page = new StringBuilder(4096 + 400 * r.entries().size());
        page.append("""
                <html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN">
                <head>
                <meta charset="UTF-8"/>
                <title>""").append(TITLE).append(' ').append(escape(r.eventId())).append("""
                </title>
                <style>
                  @page {
                    size: A4; margin: 20mm 15mm 20mm 15mm;
                    @top-center { content: element(header); }
                    @bottom-center { content: "第 " counter(page) " 页 / 共 " counter(pages) " 页";
                      font-family: '%1$s', sans-serif; font-size: 8.5pt; color: #444444; }
                  }
                  body { font-family: '%1$s', sans-serif; font-size: 9.5pt; line-height: 1.4; }
                  .header { position: running(header); font-size: 8.5pt; color: #444444; width: 100%%;
                    border-bottom: 0.5pt solid #999999; padding-bottom: 1mm; }
                  .confidential { color: #b00000; font-weight: bold; }
                  h1 { font-size: 17pt; text-align: center; margin: 0 0 1mm 0; }
                  h2 { font-size: 11.5pt; margin: 6mm 0 2mm 0; }
                  .subtitle { text-align: center; font-size: 9.5pt; margin-bottom: 2mm; }
                  .exported { text-align: center; font-size: 8.5pt; color: #444444; margin-bottom: 4mm; }
                  .en { font-size: 7.5pt; color: #555555; font-weight: normal; }
                  table { width: 100%%; border-collapse: collapse; table-layout: fixed; -fs-table-paginate: paginate; }
                  thead { display: table-header-group; }
                  tr { page-break-inside: avoid; }
                  th, td { border: 0.5pt solid #999999; padding: 1.2mm 1.8mm; vertical-align: top; text-align: left;
                    word-wrap: break-word; }
                  th { background-color: #eeeeee; font-weight: bold; }
                  td.label { width: 30%%; background-color: #f6f6f6; }
                  td.time { white-space: nowrap; }
                  .overdue { color: #b00000; font-weight: bold; }
                  .signoff { margin-top: 14mm; page-break-inside: avoid; font-size: 11pt; line-height: 2.2; }
                </style>
                </head>
                <body>
                """.formatted(PdfRenderer.CJK_FAMILY));
        page.append("<div class=\"header\"><span class=\"confidential\">").append(CONFIDENTIAL)
                .append("</span> <span class=\"en\">Confidential</span> · ").append(TITLE).append(" · 事件编号 ")
                .append(escape(r.eventId())).append("</div>\n");
        page.append("<h1>").append(TITLE).append("</h1>\n")
                .append("<div class=\"subtitle\">Risk event timeline report</div>\n")
                .append("<div class=\"exported\">导出时间 <span class=\"en\">Exported</span> ").append(time(r.exportedAt()))
                .append(" · 导出人 <span class=\"en\">by</span> ").append(text(r.exportedBy())).append("</div>\n");
        facts(page, r);
        deadlines(page, r);
        entries(page, r);
        page.append("""
                <div class="signoff">
                审核负责人签字 <span class="en">Reviewed by (head)</span>：________________________
                &#160;&#160;&#160;&#160;日期 <span class="en">Date</span>：________________
                </div>
                </body>
                </html>
                """);
        return page.toString();
    }

    private static void facts(StringBuilder page, TimelineReport r) {
        page.append("<h2>事件概况 <span class=\"en\">Event</span></h2>\n<table>\n");
        fact(page, "事件编号", "Event id", text(r.eventId()));
        fact(page, "事件名称", "Title", text(r.title()));
        fact(page, "机构名称", "Institution", text(r.institutionName()));
        fact(page, "统一社会信用代码", "Unified social credit code", text(r.creditCode()));
        fact(page, "注册地", "Registered in", withCode(r.registeredProvinceName(), r.registeredProvince()));
        fact(page, "事件类型", "Type", withCode(r.typeChinese(), r.type()));
        fact(page, "事件等级", "Level", withCode(r.levelChinese(), r.level()));
        fact(page, "状态", "Status", text(r.status()));
        fact(page, "登记时间", "Recorded", time(r.recordedAt()) + " · 登记人 <span class=\"en\">by</span> "
                + text(r.recordedBy()));
        fact(page, "盯防专人", "Dedicated watcher", r.watcher() == null || r.watcher().isBlank()
                ? NONE + "（未指定 <span class=\"en\">none</span>）" : escape(r.watcher()));
        String plan;
        if (r.planStartedAt() == null) {
            plan = "未启动 <span class=\"en\">not started</span>";
        } else {
            plan = "启动 <span class=\"en\">started</span> " + time(r.planStartedAt()) + " · 终止 <span class=\"en\">"
                    + "ended</span> " + (r.planEndedAt() == null ? "尚未终止 <span class=\"en\">running</span>"
                    : time(r.planEndedAt()));
        }
        fact(page, "应急预案", "Emergency plan", plan);
        page.append("</table>\n");
    }

    private static void fact(StringBuilder page, String label, String english, String valueMarkup) {
        page.append("<tr><td class=\"label\">").append(label).append(" <span class=\"en\">").append(english)
                .append("</span></td><td>").append(valueMarkup).append("</td></tr>\n");
    }

    private static void deadlines(StringBuilder page, TimelineReport r) {
        page.append("""
                <h2>报告时限 <span class="en">Reporting deadlines</span></h2>
                <table>
                <thead><tr><th style="width: 40%">时限 <span class="en">Deadline</span></th>
                <th style="width: 20%">截止时间 <span class="en">Due</span></th>
                <th style="width: 20%">完成时间 <span class="en">Met</span></th>
                <th style="width: 20%">情况 <span class="en">State</span></th></tr></thead>
                <tbody>
                """);
        if (r.deadlines().isEmpty()) {
            page.append("<tr><td colspan=\"4\">无报告时限 <span class=\"en\">no reporting deadline</span></td></tr>\n");
        }
        for (TimelineReport.Deadline d : r.deadlines()) {
            String state = d.overdue() ? "<span class=\"overdue\">已超时 OVERDUE</span>"
                    : d.metAt() != null ? "按时完成 <span class=\"en\">met</span>"
                    : "未到期 <span class=\"en\">open</span>";
            page.append(d.overdue() ? "<tr class=\"overdue\"><td>" : "<tr><td>")
                    .append(withCode(d.kindChinese(), d.kind())).append("</td><td class=\"time\">").append(time(d.dueAt()))
                    .append("</td><td class=\"time\">").append(time(d.metAt())).append("</td><td>").append(state)
                    .append("</td></tr>\n");
        }
        page.append("</tbody>\n</table>\n");
    }

    private static void entries(StringBuilder page, TimelineReport r) {
        page.append("<h2>时间线 <span class=\"en\">Timeline</span>（共 ").append(r.entries().size())
                .append(" 条 <span class=\"en\">entries</span>）</h2>\n").append("""
                <table>
                <thead><tr><th style="width: 20%">时间 <span class="en">Time</span></th>
                <th style="width: 13%">类别 <span class="en">Kind</span></th>
                <th style="width: 14%">经办人 <span class="en">Actor</span></th>
                <th style="width: 10%">省份 <span class="en">Province</span></th>
                <th style="width: 43%">内容 <span class="en">Summary</span></th></tr></thead>
                <tbody>
                """);
        if (r.entries().isEmpty()) {
            page.append("<tr><td colspan=\"5\">无记录 <span class=\"en\">no entries</span></td></tr>\n");
        }
        for (TimelineReport.Entry e : r.entries()) {
            page.append("<tr><td class=\"time\">").append(time(e.at())).append("</td><td>")
                    .append(text(e.kindChinese() == null || e.kindChinese().isBlank() ? e.kind() : e.kindChinese()))
                    .append("</td><td>").append(text(e.actor())).append("</td><td>").append(province(e.province()))
                    .append("</td><td>").append(lines(e.summary())).append("</td></tr>\n");
        }
        page.append("</tbody>\n</table>\n");
    }

    /** The Chinese wording with its code, e.g. 浙江省（33）; either alone when the other is missing. */
    private static String withCode(String chinese, String code) {
        boolean hasChinese = chinese != null && !chinese.isBlank();
        boolean hasCode = code != null && !code.isBlank();
        if (hasChinese && hasCode) {
            return escape(chinese) + "（" + escape(code) + "）";
        }
        return hasChinese ? escape(chinese) : text(code);
    }

    private static String province(String province) {
        return text(Province.ofCode(province).map(Province::chineseName).orElse(province));
    }

    /** Free text with its line breaks kept. */
    private static String lines(String text) {
        return text(text).replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br/>");
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? NONE : escape(value);
    }

    private static String time(Instant at) {
        return at == null ? NONE : TIME.format(at);
    }
}
