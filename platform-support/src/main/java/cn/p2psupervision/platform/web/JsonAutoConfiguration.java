package cn.p2psupervision.platform.web;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import tools.jackson.core.StreamWriteFeature;

/**
 * JSON conventions of the API: money and rates are decimal strings ({@code "1250000.00"}, {@code "8.50"}), never
 * binary floating point.
 */
@AutoConfiguration
@ConditionalOnClass(JsonMapperBuilderCustomizer.class)
public class JsonAutoConfiguration {

    @Bean
    JsonMapperBuilderCustomizer platformJsonConventions() {
        return builder -> builder
                .withConfigOverride(BigDecimal.class,
                        override -> override.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);
    }
}
