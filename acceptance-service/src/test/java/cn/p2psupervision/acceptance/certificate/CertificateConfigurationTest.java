package cn.p2psupervision.acceptance.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import cn.p2psupervision.platform.pdf.PdfAutoConfiguration;

/**
 * ACC-11: the certificate renders with the platform's PDF renderer and font ({@code platform.pdf.font-files}); the
 * certificate's former font setting keeps the service from starting rather than being ignored.
 */
class CertificateConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PdfAutoConfiguration.class))
            .withUserConfiguration(CertificateConfiguration.class);

    @Test
    void acc11_theCertificateUsesThePlatformsFontsAndKeepsItsVerificationPath() {
        context.withPropertyValues("platform.pdf.font-files=/nonexistent/a.ttf",
                "acceptance.certificate.verify-at=https://gateway.example.cn/api/v1/public/certificates/").run(c -> {
                    assertThat(c).hasNotFailed();
                    assertThat(c.getBean(CertificateRenderer.class).embedsChineseFont()).isFalse();
                    assertThat(c.getBean(CertificateProperties.class).verifyAt())
                            .isEqualTo("https://gateway.example.cn/api/v1/public/certificates/");
                });
    }

    @Test
    void acc11_theFormerFontSettingKeepsTheServiceFromStartingSayingWhereItMoved() {
        context.withPropertyValues("acceptance.certificate.font-files[0]=/opt/fonts/simsun.ttc").run(c ->
                assertThat(c).hasFailed().getFailure().rootCause().hasMessageContaining(
                        "acceptance.certificate.font-files is now platform.pdf.font-files")
                        .hasMessageContaining("/opt/fonts/simsun.ttc"));
    }
}
