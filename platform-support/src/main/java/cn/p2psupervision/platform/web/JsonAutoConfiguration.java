package cn.p2psupervision.platform.web;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.Nulls;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;

import cn.p2psupervision.platform.input.PolicyJsonModule;

/**
 * JSON conventions of the API, for every service:
 * <ul>
 *   <li>money and rates are written as decimal strings ({@code "1250000.00"}, {@code "8.50"}), never binary floating
 *       point;</li>
 *   <li>requests are read under the input policy ({@link PolicyJsonModule}): numbers read exactly (a JSON number
 *       read into a tree keeps every digit and its scale), no float taken as a whole number ({@code 1.5} lenders),
 *       no unknown or duplicate member, no enum by its index, no null inside a list, nothing after the body.</li>
 * </ul>
 * The same mapper reads what a service receives from another context (Feign): DTOs for those responses say
 * {@code @JsonIgnoreProperties(ignoreUnknown = true)}, so that a context may add members without breaking its callers;
 * the text, decimal and date rules apply to them too.
 */
@AutoConfiguration
@ConditionalOnClass(JsonMapperBuilderCustomizer.class)
public class JsonAutoConfiguration {

    @Bean
    JsonMapperBuilderCustomizer platformJsonConventions() {
        return builder -> builder
                .withConfigOverride(BigDecimal.class,
                        override -> override.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .addModule(new PolicyJsonModule())
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                // a null inside a list is never a value of this API ([null] shareholders, products, facts)
                .changeDefaultNullHandling(nulls -> nulls.withContentNulls(Nulls.FAIL));
    }
}
