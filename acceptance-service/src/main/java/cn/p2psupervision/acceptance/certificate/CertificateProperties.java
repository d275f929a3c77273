package cn.p2psupervision.acceptance.certificate;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The acceptance certificate's PDF ({@code acceptance.certificate.*}). Its CJK font is the platform's, from
 * {@code platform.pdf.font-files} ({@link cn.p2psupervision.platform.pdf.PdfProperties}).
 *
 * @param verifyAt where the public verifies a certificate: the public verification path prefix, to which the code
 *                 is appended (e.g. {@code https://<gateway host>/api/v1/public/certificates/})
 */
@ConfigurationProperties("acceptance.certificate")
public record CertificateProperties(String verifyAt) {

    public CertificateProperties {
        verifyAt = verifyAt == null || verifyAt.isBlank() ? "/api/v1/public/certificates/" : verifyAt;
    }
}
