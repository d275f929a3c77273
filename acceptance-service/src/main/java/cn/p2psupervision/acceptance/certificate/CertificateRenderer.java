package cn.p2psupervision.acceptance.certificate;

import static cn.p2psupervision.platform.pdf.PdfRenderer.escape;

import java.time.LocalDate;

import cn.p2psupervision.platform.pdf.PdfRenderer;
import cn.p2psupervision.platform.province.Province;

/**
 * ACC-11: the acceptance certificate (网络借贷信息中介机构整改验收合格证明) as a PDF: its page and wording, rendered by
 * the platform's {@link PdfRenderer} from XHTML in which every value is escaped ({@link PdfRenderer#escape}): a name
 * can never become markup.
 *
 * <p>The Chinese needs the platform's CJK font ({@code platform.pdf.font-files}); without one it prints as
 * placeholders, so every line also carries its English, and the codes and dates are ASCII.
 */
public class CertificateRenderer {

    static final String TITLE = "网络借贷信息中介机构整改验收合格证明";

    private final PdfRenderer pdf;
    private final String verifyAt;

    public CertificateRenderer(PdfRenderer pdf, CertificateProperties properties) {
        this.pdf = pdf;
        this.verifyAt = properties.verifyAt();
    }

    /** Whether a font with Chinese glyphs is embedded. */
    public boolean embedsChineseFont() {
        return pdf.embedsChineseFont();
    }

    /** The certificate as a PDF. */
    public byte[] pdf(CertificateDocument certificate) {
        return pdf.pdf(xhtml(certificate));
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
                """.formatted(TITLE, PdfRenderer.CJK_FAMILY, TITLE, escape(c.institutionName()),
                escape(c.creditCode()), escape(province), date(c.issuedOn()), c.filedOn() == null ? "—（尚未备案 not yet filed）"
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
}
