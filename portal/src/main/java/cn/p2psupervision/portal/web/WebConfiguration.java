package cn.p2psupervision.portal.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import cn.p2psupervision.portal.PortalProperties;

/** The language of the pages: messages_zh_CN.properties by default, messages_en.properties on request. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

    /** The pages' texts; also what {@link cn.p2psupervision.portal.api.ProblemMessages} says problems with. */
    @Bean
    MessageSource messageSource() {
        return portalMessages();
    }

    /** The messages as the application reads them (tests use the same). */
    public static ResourceBundleMessageSource portalMessages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(PortalLocales.CHINESE);
        return messages;
    }

    /**
     * The campaign clock, as the services keep it: real time, or from {@code portal.clock-start} on (the same
     * {@code PLATFORM_CLOCK_START} the services read), for the days and hours left that pages show.
     */
    @Bean
    Clock clock(PortalProperties properties) {
        Clock system = Clock.system(Formats.BEIJING);
        if (properties.clockStart() == null) {
            return system;
        }
        return Clock.offset(system, Duration.between(system.instant(),
                OffsetDateTime.parse(properties.clockStart()).toInstant()));
    }

    @Bean
    LocaleResolver localeResolver(PortalProperties properties) {
        return new PortalLocales(properties.secureCookies());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName(PortalLocales.PARAMETER);
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
