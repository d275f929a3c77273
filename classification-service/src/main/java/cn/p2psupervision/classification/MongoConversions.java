package cn.p2psupervision.classification;

import java.time.YearMonth;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * How this context's values are stored: months ({@link YearMonth}, in the screening flags a decision keeps with its
 * proposal) as {@code yyyy-MM} text, and amounts as decimal128 as everywhere on the platform
 * ({@code spring.data.mongodb.representation.big-decimal}, which this bean replaces).
 */
@Configuration(proxyBeanMethods = false)
class MongoConversions {

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return MongoCustomConversions.create(config -> config
                .bigDecimal(MongoCustomConversions.BigDecimalRepresentation.DECIMAL128)
                .registerConverters(List.of(new MonthToText(), new TextToMonth())));
    }

    @WritingConverter
    static final class MonthToText implements Converter<YearMonth, String> {
        @Override
        public String convert(YearMonth month) {
            return month.toString();
        }
    }

    @ReadingConverter
    static final class TextToMonth implements Converter<String, YearMonth> {
        @Override
        public YearMonth convert(String text) {
            return YearMonth.parse(text);
        }
    }
}
