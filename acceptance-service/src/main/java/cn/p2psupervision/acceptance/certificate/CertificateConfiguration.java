package cn.p2psupervision.acceptance.certificate;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import cn.p2psupervision.platform.pdf.PdfRenderer;

/**
 * ACC-11: the certificate's renderer ({@link CertificateProperties}) over the platform's {@link PdfRenderer}, whose
 * CJK font is {@code platform.pdf.font-files}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CertificateProperties.class)
class CertificateConfiguration {

    /** The certificate's font setting before the platform's PDFs shared one. */
    static final String MOVED_FONT_FILES = "acceptance.certificate.font-files";

    @Bean
    CertificateRenderer certificateRenderer(PdfRenderer pdf, CertificateProperties properties,
                                            Environment environment) {
        Binder.get(environment).bind(MOVED_FONT_FILES, Bindable.listOf(String.class)).ifBound(files -> {
            throw new IllegalStateException(MOVED_FONT_FILES + " is now platform.pdf.font-files (every PDF of the"
                    + " platform): set " + files + " there instead");
        });
        return new CertificateRenderer(pdf, properties);
    }
}
