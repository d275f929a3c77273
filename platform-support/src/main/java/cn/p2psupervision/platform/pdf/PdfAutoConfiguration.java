package cn.p2psupervision.platform.pdf;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The platform's {@link PdfRenderer} with its CJK font ({@link PdfProperties}), in the services that bring
 * openhtmltopdf ({@code io.github.openhtmltopdf:openhtmltopdf-pdfbox}, optional in platform-support).
 */
@AutoConfiguration
@ConditionalOnClass(PdfRendererBuilder.class)
@EnableConfigurationProperties(PdfProperties.class)
public class PdfAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PdfRenderer pdfRenderer(PdfProperties properties) {
        return new PdfRenderer(properties);
    }
}
