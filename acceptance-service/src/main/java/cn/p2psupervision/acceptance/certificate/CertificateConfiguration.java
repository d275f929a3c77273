package cn.p2psupervision.acceptance.certificate;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** ACC-11: the certificate's renderer with its font ({@link CertificateProperties}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CertificateProperties.class)
class CertificateConfiguration {

    @Bean
    CertificateRenderer certificateRenderer(CertificateProperties properties) {
        return new CertificateRenderer(properties);
    }
}
