package cn.p2psupervision.incident.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import cn.p2psupervision.platform.pdf.PdfAutoConfiguration;
import cn.p2psupervision.platform.pdf.PdfProperties;
import cn.p2psupervision.platform.pdf.PdfRenderer;

/**
 * INC-12: the event's timeline report as a PDF, below the HTTP layer: what a reader of the PDF sees over many pages,
 * and that no text of the event becomes markup.
 */
class TimelineReportRendererTest {

    private static final String HOSTILE = "<script>alert('x')</script> & \"quoted\"";
    /** 2018-03-01 09:00 in China. */
    private static final Instant RECORDED = Instant.parse("2018-03-01T01:00:00Z");

    private final TimelineReportRenderer renderer = new TimelineReportRenderer(new PdfRenderer(new PdfProperties(null)));

    static TimelineReport report(int entries) {
        List<TimelineReport.Entry> timeline = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            Instant at = RECORDED.plus(Duration.ofMinutes(7L * i));
            timeline.add(switch (i % 4) {
                case 0 -> new TimelineReport.Entry(at, "SIGNAL", "风险信号", "zj-officer-" + i, "33",
                        "第" + i + "条：出借人集中要求提前兑付，平台限制提现");
                case 1 -> new TimelineReport.Entry(at, "MEASURE", "处置措施", "gd-officer", "44",
                        "控制账户 No." + i + "\n查封财产：杭州市西湖区某某路 1 号");
                case 2 -> new TimelineReport.Entry(at, "REPORT", "书面报告", "central-office", null,
                        "Follow-up report " + i + " filed with 网贷整治办");
                default -> new TimelineReport.Entry(at, "NOTE", null, "zj-officer", "浙江省",
                        i == 3 ? "Posted by a lender: " + HOSTILE : "Entry " + i);
            });
        }
        return new TimelineReport("EV-2018-0301-0007", "杭州某某网络科技有限公司逾期兑付事件", "OVERDUE_PAYMENT", "逾期兑付",
                "ESPECIALLY_MAJOR", "特别重大", "RESPONDING", "杭州某某网络科技有限公司", "91330106MA27XQ1X0K", "33",
                "浙江省", RECORDED, "zj-officer", "zj-watcher", RECORDED.plus(Duration.ofMinutes(50)), null,
                List.of(new TimelineReport.Deadline("NOTIFY_2H", "2小时内报告中央有关部门", RECORDED.plus(Duration.ofHours(2)),
                                RECORDED.plus(Duration.ofMinutes(95)), false),
                        new TimelineReport.Deadline("WRITTEN_REPORT_4H", "4小时内书面报告",
                                RECORDED.plus(Duration.ofHours(4)), null, true)),
                timeline, RECORDED.plus(Duration.ofDays(3)), "zj-head-finance");
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    static int pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }

    @Test
    void inc12_aLongTimelineRunsOverManyPagesWithTheEventItsInstitutionItsEntriesAndItsDeadlines() throws IOException {
        TimelineReport report = report(600);

        long start = System.nanoTime();
        byte[] pdf = renderer.pdf(report);
        System.out.printf("INC-12 timeline report: 600 entries, %d KiB in %d ms%n", pdf.length / 1024,
                (System.nanoTime() - start) / 1_000_000);

        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        int pages = pages(pdf);
        assertThat(pages).isGreaterThan(1);
        String text = text(pdf);
        assertThat(text).contains("EV-2018-0301-0007", "91330106MA27XQ1X0K", "Risk event timeline report",
                "Follow-up report 598 filed with", "Entry 599", "2018-03-01 09:00", "2018-03-01 09:50",
                "2018-03-01 13:00", "OVERDUE", "zj-head-finance", "RESPONDING");
        assertThat(text.indexOf("Follow-up report 2 filed")).isLessThan(text.indexOf("Follow-up report 598 filed"));
        if (new File(PdfProperties.DEBIAN_CJK_FONTS.get(0)).isFile()) {
            assertThat(renderer.embedsChineseFont()).isTrue();
        }
        if (renderer.embedsChineseFont()) {
            String compact = text.replaceAll("\\s", "");
            assertThat(compact).contains(TimelineReportRenderer.TITLE, "杭州某某网络科技有限公司",
                    "第596条：出借人集中要求提前兑付，平台限制提现", "逾期兑付（OVERDUE_PAYMENT）", "特别重大", "浙江省（33）",
                    "广东", "已超时", "审核负责人签字", "内部资料注意保密", "第1页/共" + pages + "页",
                    "第" + pages + "页/共" + pages + "页");
            // the entries' header row on every page they run over (the sign-off may stand alone on the last), the
            // confidential marking in every page's header
            assertThat(count(compact, "经办人")).isGreaterThanOrEqualTo(pages - 1);
            assertThat(count(compact, "内部资料注意保密")).isEqualTo(pages);
        }
    }

    @Test
    void inc12_textThatLooksLikeMarkupIsPrintedAsText() throws IOException {
        String page = renderer.xhtml(report(8));
        byte[] pdf = renderer.pdf(report(8));

        assertThat(page).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; "
                + "&quot;quoted&quot;");
        assertThat(text(pdf).replaceAll("\\s+", " ")).contains("Posted by a lender: " + HOSTILE);
    }

    @Test
    void inc12_anEventWithoutDeadlinesPlanOrEntriesStillRenders() throws IOException {
        TimelineReport bare = new TimelineReport("EV-1", null, "OTHER", null, "OTHER", null, "RECORDED", "某机构",
                null, null, null, RECORDED, "officer", null, null, null, null, null, RECORDED, "officer");

        byte[] pdf = renderer.pdf(bare);

        assertThat(pages(pdf)).isEqualTo(1);
        assertThat(text(pdf)).contains("EV-1", "no reporting deadline", "no entries", "not started");
    }

    @Test
    void theRendererIsABeanOfTheServiceOverThePlatformsPdfRenderer() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PdfAutoConfiguration.class))
                .withBean(TimelineReportRenderer.class)
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(TimelineReportRenderer.class));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            count++;
        }
        return count;
    }
}
