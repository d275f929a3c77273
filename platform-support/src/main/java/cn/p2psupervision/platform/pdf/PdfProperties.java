package cn.p2psupervision.platform.pdf;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The platform's PDFs ({@code platform.pdf.*}): the acceptance certificate (整改验收合格证明, ACC-11), the incident
 * timeline report (风险事件处置时间线报告, INC-12).
 *
 * @param fontFiles TrueType fonts (.ttf, or .ttc collections) with Chinese glyphs, tried in order; the first that
 *                  exists is embedded (subset) under {@link PdfRenderer#CJK_FAMILY}. PDF's base fonts have no Chinese
 *                  glyph: without any of these a PDF still renders, its Chinese as placeholders. By default the Debian
 *                  packages' paths ({@link #DEBIAN_CJK_FONTS}): {@code fonts-droid-fallback},
 *                  {@code fonts-wqy-microhei}, {@code fonts-wqy-zenhei}, {@code fonts-arphic-uming}.
 */
@ConfigurationProperties("platform.pdf")
public record PdfProperties(List<String> fontFiles) {

    /** Where Debian's CJK font packages put their files, in order of preference. */
    public static final List<String> DEBIAN_CJK_FONTS = List.of(
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/arphic/uming.ttc");

    public PdfProperties {
        fontFiles = fontFiles == null ? DEBIAN_CJK_FONTS : List.copyOf(fontFiles);
    }
}
