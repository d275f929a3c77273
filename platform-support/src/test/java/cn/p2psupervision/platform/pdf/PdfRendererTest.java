package cn.p2psupervision.platform.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The platform's PDFs (ACC-11 certificate, INC-12 timeline report): what a reader of the PDF sees, Chinese included
 * when a CJK font is installed, and that values cannot become markup.
 */
class PdfRendererTest {

    /** Debian's fonts-droid-fallback, the first default; CI installs it. */
    private static final File DROID = new File(PdfProperties.DEBIAN_CJK_FONTS.get(0));

    private final PdfRenderer renderer = new PdfRenderer(new PdfProperties(null));

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String page(String body) {
        return """
                <html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN">
                <head><meta charset="UTF-8"/><title>test</title>
                <style>@page { size: A4; margin: 20mm; } body { font-family: '%s', sans-serif; }</style></head>
                <body>%s</body>
                </html>
                """.formatted(PdfRenderer.CJK_FAMILY, body);
    }

    @Test
    void aPageWithChineseTextIsAPdfWhoseTextIsTheChinese() throws IOException {
        byte[] pdf = renderer.pdf(page("<h1>网络借贷风险专项整治</h1><p>Online lending 2018-04-03 杭州某某网络科技有限公司</p>"));

        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String text = text(pdf);
        assertThat(text).contains("Online lending 2018-04-03");
        if (DROID.isFile()) {
            assertThat(renderer.embedsChineseFont()).isTrue();
            assertThat(renderer.chineseFont()).contains(DROID);
        }
        if (renderer.embedsChineseFont()) {
            assertThat(text.replaceAll("\\s", "")).contains("网络借贷风险专项整治", "杭州某某网络科技有限公司");
        }
    }

    @Test
    void theFirstFontFileThatExistsIsEmbedded() {
        PdfRenderer chosen = new PdfRenderer(new PdfProperties(List.of("/nonexistent/a.ttf", DROID.getPath())));

        assertThat(chosen.chineseFont()).isEqualTo(DROID.isFile() ? Optional.of(DROID)
                : Optional.empty());
    }

    @Test
    void withoutAnyFontFileThePdfStillRendersItsLatinText() throws IOException {
        PdfRenderer withoutFont = new PdfRenderer(new PdfProperties(List.of("/nonexistent/a.ttf")));

        byte[] pdf = withoutFont.pdf(page("<p>Certificate 证明 YS-7K3Q9X</p>"));

        assertThat(withoutFont.embedsChineseFont()).isFalse();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(text(pdf)).contains("Certificate", "YS-7K3Q9X");
    }

    @Test
    void anEscapedValueIsPrintedAsTextNotMarkup() throws IOException {
        String hostile = "<b>Evil</b> & <script>alert('x')</script> \"Co\"";

        String escaped = PdfRenderer.escape(hostile);
        byte[] pdf = renderer.pdf(page("<p>" + escaped + "</p>"));

        assertThat(escaped).doesNotContain("<script>", "<b>").contains("&lt;script&gt;", "&amp;", "&quot;", "&#39;");
        assertThat(text(pdf)).contains(hostile);
    }

    @Test
    void theControlCharactersXmlCannotCarryArePrintedAsReplacementCharacters() {
        assertThat(PdfRenderer.escape("a\u0001b\u0000c")).isEqualTo("a\uFFFDb\uFFFDc");
        assertThat(PdfRenderer.escape("草\uD83D\uDE00")).isEqualTo("草\uD83D\uDE00");
        assertThat(PdfRenderer.escape("a\uD83Db\uDE00\uFFFE")).isEqualTo("a\uFFFDb\uFFFD\uFFFD");
        assertThat(PdfRenderer.escape("tab\tline\r\n")).isEqualTo("tab\tline\r\n");
        assertThat(PdfRenderer.escape(null)).isEmpty();
    }
}
