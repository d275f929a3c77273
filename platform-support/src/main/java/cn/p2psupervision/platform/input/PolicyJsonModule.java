package cn.p2psupervision.platform.input;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

import cn.p2psupervision.platform.problem.InvalidInputException;

/**
 * The {@link InputPolicy} for JSON bodies: text, decimals, dates and months are read only through these, so every
 * record of every service gets the same rules without a line of its own. A refusal is a {@link PolicyViolation}, which
 * Jackson places at its member path ({@code branches[2].province}); {@link JsonInputProblems} turns it into a 400.
 */
public final class PolicyJsonModule extends SimpleModule {

    public PolicyJsonModule() {
        super("platform-input-policy");
        addDeserializer(String.class, new TextDeserializer());
        addDeserializer(BigDecimal.class, new DecimalDeserializer());
        addDeserializer(LocalDate.class, new DateDeserializer());
        addDeserializer(YearMonth.class, new MonthDeserializer());
    }

    /** A refusal by the input policy, carrying words for the caller (no Java names). */
    public static final class PolicyViolation extends MismatchedInputException {
        PolicyViolation(JsonParser parser, String problem, Class<?> targetType) {
            super(parser, problem, targetType);
        }
    }

    private static PolicyViolation violation(JsonParser parser, InvalidInputException e, Class<?> type) {
        return new PolicyViolation(parser, e.problem(), type);
    }

    private static PolicyViolation wrongType(JsonParser parser, String expected, Class<?> type) {
        return new PolicyViolation(parser, "must be " + expected, type);
    }

    /** Strings only from JSON strings (never a number, boolean, object or list), within the text rules. */
    static final class TextDeserializer extends StdScalarDeserializer<String> {
        TextDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw wrongType(p, "a string", String.class);
            }
            try {
                return InputPolicy.text(null, p.getString());
            } catch (InvalidInputException e) {
                throw violation(p, e, String.class);
            }
        }
    }

    /** Decimals from a JSON number or a JSON string, under one rule, read exactly. */
    static final class DecimalDeserializer extends StdScalarDeserializer<BigDecimal> {
        DecimalDeserializer() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) {
            try {
                if (p.hasToken(JsonToken.VALUE_STRING) || p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)
                        || p.hasToken(JsonToken.VALUE_NUMBER_INT)) {
                    // the text as written (a number's too): an exponent is refused in both forms alike
                    return InputPolicy.decimal(null, p.getString());
                }
            } catch (InvalidInputException e) {
                throw violation(p, e, BigDecimal.class);
            }
            throw wrongType(p, "a decimal number, e.g. \"1250000.00\"", BigDecimal.class);
        }
    }

    static final class DateDeserializer extends StdScalarDeserializer<LocalDate> {
        DateDeserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw wrongType(p, "a date written yyyy-MM-dd", LocalDate.class);
            }
            try {
                return InputPolicy.date(null, p.getString());
            } catch (InvalidInputException e) {
                throw violation(p, e, LocalDate.class);
            }
        }
    }

    static final class MonthDeserializer extends StdScalarDeserializer<YearMonth> {
        MonthDeserializer() {
            super(YearMonth.class);
        }

        @Override
        public YearMonth deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw wrongType(p, "a month written yyyy-MM", YearMonth.class);
            }
            try {
                return InputPolicy.month(null, p.getString());
            } catch (InvalidInputException e) {
                throw violation(p, e, YearMonth.class);
            }
        }
    }
}
