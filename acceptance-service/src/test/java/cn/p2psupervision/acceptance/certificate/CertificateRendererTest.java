package cn.p2psupervision.acceptance.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import cn.p2psupervision.platform.pdf.PdfProperties;
import cn.p2psupervision.platform.pdf.PdfRenderer;

/**
 * ACC-11: the certificate's PDF, below the HTTP layer: what a reader of the PDF sees, and that no value of the case
 * becomes markup.
 */
class CertificateRendererTest {

    private final CertificateRenderer renderer = new CertificateRenderer(new PdfRenderer(new PdfProperties(null)),
            new CertificateProperties(null));

    private static CertificateDocument certificate(String name) {
        return new CertificateDocument(name, "91330106MA27XQ1X0K", "33",
                List.of(new CertificateDocument.Signatory("FINANCIAL_OFFICE", "zj-head-finance",
                                LocalDate.of(2018, 4, 2)),
                        new CertificateDocument.Signatory("BANKING_REGULATOR", "zj-head-regulator",
                                LocalDate.of(2018, 4, 3))),
                LocalDate.of(2018, 4, 3), "YS-7K3Q9X-2M4TAB", null);
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void acc11_thePdfCarriesTheInstitutionItsCodesTheSignatoriesAndWhereToVerify() throws IOException {
        byte[] pdf = renderer.pdf(certificate("杭州某某网络科技有限公司"));

        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String text = text(pdf);
        assertThat(text).contains("91330106MA27XQ1X0K", "YS-7K3Q9X-2M4TAB", "zj-head-finance", "zj-head-regulator",
                "2018-04-03", "/api/v1/public/certificates/YS-7K3Q9X-2M4TAB",
                "Certificate of Passed Rectification Acceptance");
        if (renderer.embedsChineseFont()) {
            assertThat(text.replaceAll("\\s", "")).contains(CertificateRenderer.TITLE, "杭州某某网络科技有限公司",
                    "地方金融监管部门", "银保监局", "浙江");
        }
    }

    @Test
    void acc10_aNameThatLooksLikeMarkupIsPrintedAsText() throws IOException {
        String hostile = "<b>Evil</b> & <script>alert('x')</script> \"Co\"";

        String page = renderer.xhtml(certificate(hostile));
        byte[] pdf = renderer.pdf(certificate(hostile));

        assertThat(page).doesNotContain("<script>", "<b>Evil").contains("&lt;script&gt;", "&amp;");
        assertThat(text(pdf)).contains("<b>Evil</b> & <script>alert('x')</script> \"Co\"");
    }
}
