package cn.p2psupervision.acceptance.certificate;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Optional;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.p2psupervision.platform.province.Province;

/**
 * ACC-11: the acceptance certificate (网络借贷信息中介机构整改验收合格证明) as a PDF, rendered by openhtmltopdf from an
 * XHTML page in which every value is escaped ({@link #escape}): a name can never become markup.
 *
 * <p>PDF's base fonts have no Chinese glyph, so a CJK TrueType font is embedded (subset): the first of
 * {@link CertificateProperties#fontFiles()} that exists. Without one the Chinese prints as placeholders; every line
 * therefore also carries its English, and the codes and dates are ASCII.
 */
public class CertificateRenderer {

    static final String TITLE = "网络借贷信息中介机构整改验收合格证明";
    private static final String FAMILY = "certificate-cjk";
    private static final Logger log = LoggerFactory.getLogger(CertificateRenderer.class);

    private final Optional<File> font;
    private final String verifyAt;

    public CertificateRenderer(CertificateProperties properties) {
        RendererLog.install();
        this.font = properties.fontFiles().stream().map(File::new).filter(File::isFile).findFirst();
        this.verifyAt = properties.verifyAt();
        if (font.isEmpty()) {
            log.warn("No CJK font among {}: certificates print their Chinese as placeholders (install e.g. Debian's"
                    + " fonts-droid-fallback)", properties.fontFiles());
        }
    }

    /** Whether a font with Chinese glyphs is embedded. */
    public boolean embedsChineseFont() {
        return font.isPresent();
    }

    public byte[] pdf(CertificateDocument certificate) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            font.ifPresent(file -> builder.useFont(file, FAMILY));
            builder.withHtmlContent(xhtml(certificate), null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("The certificate could not be rendered", e);
        }
        return out.toByteArray();
    }

    /** The page: fixed markup, and the certificate's values escaped. */
    String xhtml(CertificateDocument c) {
        String province = Province.ofCode(c.province())
                .map(p -> p.chineseName() + "（" + p.englishName() + ", " + p.code() + "）").orElse(c.province());
        StringBuilder signatures = new StringBuilder();
        for (CertificateDocument.Signatory signatory : c.signatories()) {
            signatures.append("<tr><td>").append(escape(agency(signatory.agency()))).append("负责同志<br/>")
                    .append("<span class=\"en\">Head, ").append(escape(agencyInEnglish(signatory.agency())))
                    .append("</span></td><td>").append(escape(signatory.name())).append("</td><td>")
                    .append(date(signatory.signedOn())).append("</td></tr>");
        }
        return """
                <html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN">
                <head>
                <meta charset="UTF-8"/>
                <title>%s</title>
                <style>
                  @page { size: A4; margin: 22mm 20mm; }
                  body { font-family: '%s', sans-serif; font-size: 11pt; line-height: 1.5; }
                  h1 { font-size: 19pt; text-align: center; margin: 0 0 2mm 0; }
                  .subtitle { text-align: center; font-size: 10pt; margin-bottom: 10mm; }
                  .en { font-size: 8.5pt; color: #444444; }
                  table { width: 100%%; border-collapse: collapse; margin: 4mm 0; }
                  td { border: 0.5pt solid #999999; padding: 2mm 3mm; vertical-align: top; }
                  td.label { width: 38%%; }
                  .code { font-family: monospace; font-size: 13pt; letter-spacing: 1pt; }
                  .verify { margin-top: 8mm; font-size: 10pt; }
                </style>
                </head>
                <body>
                <h1>%s</h1>
                <div class="subtitle">Certificate of Passed Rectification Acceptance — Online Lending Information
                Intermediary</div>
                <table>
                <tr><td class="label">机构名称<br/><span class="en">Institution</span></td><td>%s</td></tr>
                <tr><td class="label">统一社会信用代码<br/><span class="en">Unified social credit code</span></td>
                <td class="code">%s</td></tr>
                <tr><td class="label">注册地<br/><span class="en">Registered in</span></td><td>%s</td></tr>
                <tr><td class="label">签发日期<br/><span class="en">Issued on</span></td><td>%s</td></tr>
                <tr><td class="label">备案登记日期<br/><span class="en">Filed on</span></td><td>%s</td></tr>
                </table>
                <p>该机构经注册地网络借贷风险专项整治联合工作办公室组织整改验收，验收合格，经公示无异议，
                由下列负责同志共同签发本证明。<br/><span class="en">The institution passed the rectification acceptance of
                its registration province's joint rectification office and its public notice; this certificate is
                co-signed by the heads below.</span></p>
                <table>
                <tr><td>签发机关<br/><span class="en">Signing agency</span></td><td>签字人<br/><span class="en">Signed
                by</span></td><td>签字日期<br/><span class="en">Signed on</span></td></tr>
                %s
                </table>
                <div class="verify">验证码 <span class="en">Verification code</span>：<span class="code">%s</span><br/>
                核验方式：访问 %s%s 查询本证明真伪。<br/>
                <span class="en">Verify this certificate at %s%s</span></div>
                </body>
                </html>
                """.formatted(TITLE, FAMILY, TITLE, escape(c.institutionName()), escape(c.creditCode()),
                escape(province), date(c.issuedOn()), c.filedOn() == null ? "—（尚未备案 not yet filed）"
                        : date(c.filedOn()), signatures, escape(c.verificationCode()), escape(verifyAt),
                escape(c.verificationCode()), escape(verifyAt), escape(c.verificationCode()));
    }

    private static String agency(String agency) {
        return switch (agency == null ? "" : agency) {
            case "FINANCIAL_OFFICE" -> "地方金融监管部门";
            case "BANKING_REGULATOR" -> "银保监局";
            default -> String.valueOf(agency);
        };
    }

    private static String agencyInEnglish(String agency) {
        return switch (agency == null ? "" : agency) {
            case "FINANCIAL_OFFICE" -> "local financial regulatory office";
            case "BANKING_REGULATOR" -> "banking and insurance regulatory bureau";
            default -> String.valueOf(agency);
        };
    }

    private static String date(LocalDate day) {
        return day == null ? "—" : day.toString();
    }

    /**
     * Text as XHTML character data: the five markup characters as entities, and characters XML 1.0 cannot carry
     * (control characters other than tab and line breaks, unpaired surrogates) as U+FFFD.
     */
    static String escape(String text) {
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
