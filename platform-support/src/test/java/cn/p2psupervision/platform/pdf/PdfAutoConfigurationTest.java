package cn.p2psupervision.platform.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The PDF renderer is there in the services that bring openhtmltopdf, with the fonts of platform.pdf.font-files. */
class PdfAutoConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PdfAutoConfiguration.class));

    @Test
    void withOpenhtmltopdfThereIsARendererWithTheDebianFontsByDefault() {
        context.run(c -> {
            assertThat(c).hasNotFailed().hasSingleBean(PdfRenderer.class);
            assertThat(c.getBean(PdfProperties.class).fontFiles()).isEqualTo(PdfProperties.DEBIAN_CJK_FONTS);
        });
    }

    @Test
    void platformPdfFontFilesNamesTheFonts() {
        File droid = new File(PdfProperties.DEBIAN_CJK_FONTS.get(0));
        context.withPropertyValues("platform.pdf.font-files[0]=/nonexistent/a.ttf",
                "platform.pdf.font-files[1]=" + droid.getPath()).run(c -> {
                    assertThat(c.getBean(PdfProperties.class).fontFiles())
                            .containsExactly("/nonexistent/a.ttf", droid.getPath());
                    assertThat(c.getBean(PdfRenderer.class).embedsChineseFont()).isEqualTo(droid.isFile());
                });
        context.withPropertyValues("platform.pdf.font-files=/nonexistent/a.ttf")
                .run(c -> assertThat(c.getBean(PdfRenderer.class).embedsChineseFont()).isFalse());
    }

    @Test
    void withoutOpenhtmltopdfThereIsNoRenderer() {
        context.withClassLoader(new FilteredClassLoader(PdfRendererBuilder.class))
                .run(c -> assertThat(c).hasNotFailed().doesNotHaveBean(PdfRenderer.class));
    }
}
