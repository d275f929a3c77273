package cn.p2psupervision.platform.input;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import cn.p2psupervision.platform.problem.InvalidInputException;

/**
 * Turns what the JSON reader refused into an {@link InvalidInputException}: the member's path and what is wrong, in
 * words. Never the reader's own message, which names Java types ({@code Cannot deserialize value of type ...}).
 */
public final class JsonInputProblems {

    private JsonInputProblems() {
    }

    public static InvalidInputException of(JacksonException e) {
        String member = pathOf(e.getPath());
        InvalidInputException cause = causeOf(e);
        if (cause != null) {
            return member == null ? cause : cause.member() == null
                    ? new InvalidInputException(member, cause.problem(), cause.rule()) : cause.within(member);
        }
        return new InvalidInputException(member, problemOf(e));
    }

    private static String problemOf(JacksonException e) {
        if (e instanceof PolicyJsonModule.PolicyViolation) {
            return e.getOriginalMessage();
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            Collection<Object> known = unknown.getKnownPropertyIds();
            return "is not a member of this request" + (known == null || known.isEmpty() ? ""
                    : "; members are " + known.stream().map(String::valueOf).sorted().toList());
        }
        if (e instanceof InvalidNullException) {
            return "must not be null";
        }
        if (e instanceof MismatchedInputException mismatch) {
            if (mismatch.getOriginalMessage() != null && mismatch.getOriginalMessage().contains("`null`")) {
                // an absent or null member where a number must be given
                return "is required: " + expected(mismatch.getTargetType());
            }
            return "must be " + expected(mismatch.getTargetType());
        }
        if (e instanceof InputCoercionException) {
            return "is a number out of range";
        }
        if (e instanceof StreamConstraintsException) {
            return "is too long or too deeply nested";
        }
        if (e instanceof StreamReadException) {
            TokenStreamLocation at = e.getLocation();
            return "is not valid JSON" + (at == null || at.getLineNr() < 0 ? ""
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                    + ": send UTF-8 JSON of the documented shape";
        }
        return "has a value that cannot be read";
    }

    /** What a value of {@code type} looks like, in the words of the API guide. */
    public static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == BigDecimal.class || Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a decimal number, e.g. \"1250000.00\"";
        }
        if (type == LocalDate.class) {
            return "a date written yyyy-MM-dd";
        }
        if (type == YearMonth.class) {
            return "a month written yyyy-MM";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || !type.getName().startsWith("java.")) {
            return "an object";
        }
        return "of another type";
    }

    private static InvalidInputException causeOf(Throwable e) {
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof InvalidInputException invalid) {
                return invalid;
            }
        }
        return null;
    }

    /** {@code shareholders[0].name}; null for the body as a whole. */
    static String pathOf(List<JacksonException.Reference> path) {
        if (path == null || path.isEmpty()) {
            return null;
        }
        StringBuilder member = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                if (!member.isEmpty()) {
                    member.append('.');
                }
                member.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                member.append('[').append(reference.getIndex()).append(']');
            }
        }
        return member.isEmpty() ? null : member.toString();
    }
}
