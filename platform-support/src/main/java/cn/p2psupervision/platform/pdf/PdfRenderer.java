package cn.p2psupervision.platform.pdf;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's PDFs (the acceptance certificate 整改验收合格证明 of ACC-11, the incident timeline report
 * 风险事件处置时间线报告 of INC-12): an XHTML page rendered by openhtmltopdf. The page is the caller's: fixed markup
 * in which every value is escaped ({@link #escape}), so that no value can become markup.
 *
 * <p>PDF's base fonts have no Chinese glyph, so a CJK TrueType font is embedded (subset): the first of
 * {@link PdfProperties#fontFiles()} that exists, under the family {@link #CJK_FAMILY}, which pages name first in
 * their {@code font-family}. Without one the Chinese prints as placeholders ({@link #embedsChineseFont()} is false,
 * and a warning is logged once at start).
 *
 * <p>openhtmltopdf's own log goes through SLF4J under its logger names ({@code com.openhtmltopdf.*}). Thread-safe:
 * each rendering has its own builder.
 */
public class PdfRenderer {

    /** The font family under which the CJK font is registered: {@code font-family: 'platform-cjk', sans-serif}. */
    public static final String CJK_FAMILY = "platform-cjk";

    private static final Logger log = LoggerFactory.getLogger(PdfRenderer.class);

    private final Optional<File> font;

    public PdfRenderer(PdfProperties properties) {
        RendererLog.install();
        this.font = properties.fontFiles().stream().map(File::new).filter(File::isFile).findFirst();
        if (font.isEmpty()) {
            log.warn("No CJK font among {} (platform.pdf.font-files): PDFs print their Chinese as placeholders"
                    + " (install e.g. Debian's fonts-droid-fallback)", properties.fontFiles());
        }
    }

    /** Whether a font with Chinese glyphs is embedded. */
    public boolean embedsChineseFont() {
        return font.isPresent();
    }

    /** The CJK font file embedded in every PDF, if any. */
    public Optional<File> chineseFont() {
        return font;
    }

    /**
     * {@code xhtml} as a PDF.
     *
     * @param xhtml a well-formed XHTML document (namespace {@code http://www.w3.org/1999/xhtml}), its page size and
     *              margins in {@code @page}; it loads nothing (no base URI)
     * @throws UncheckedIOException when the PDF could not be written
     */
    public byte[] pdf(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            font.ifPresent(file -> builder.useFont(file, CJK_FAMILY));
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("The PDF could not be rendered", e);
        }
        return out.toByteArray();
    }

    /**
     * Text as XHTML character data or attribute value: the five markup characters as entities, and characters
     * XML 1.0 cannot carry (control characters other than tab and line breaks, unpaired surrogates, U+FFFE, U+FFFF)
     * as U+FFFD; null as the empty string.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || Character.isSurrogate(c)
                            || c == 0xFFFE || c == 0xFFFF) {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
