package cn.p2psupervision.platform.web.servlet;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

import cn.p2psupervision.platform.web.PlatformWebProperties;

/** Problem details and request ids for servlet services. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(PlatformWebProperties.class)
public class ServletWebAutoConfiguration {

    @Bean
    ServletProblemHandler platformProblemHandler() {
        return new ServletProblemHandler();
    }

    /** Runs before Spring Security so that 401/403 problems and their log lines carry the request id. */
    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Tomcat answers the requests it refuses itself (before any filter) as problems, not with its HTML page. */
    @Bean
    @ConditionalOnClass(name = "org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory")
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    /** The input policy's checks of path, query and body size, right after the request id (docs/api.md). */
    @Bean
    FilterRegistrationBean<RequestInputFilter> requestInputFilter(PlatformWebProperties properties) {
        FilterRegistrationBean<RequestInputFilter> registration =
                new FilterRegistrationBean<>(new RequestInputFilter(properties));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
