package cn.p2psupervision.platform.input;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Pattern;

import cn.p2psupervision.platform.problem.InvalidInputException;

/**
 * The one input policy of the platform, the same for JSON bodies, query parameters, CSV imports and paths (see
 * docs/api.md, "Input rules"). Every check names the member it refuses and says what is wrong in words.
 *
 * <ul>
 *   <li><b>Text</b>: at most {@value #MAX_TEXT} characters (fields set tighter limits), no NUL or other control
 *       characters except tab and line breaks, no unpaired UTF-16 surrogates (they cannot be stored as UTF-8).</li>
 *   <li><b>Decimals</b> (money in yuan, rates and shares in percent): plain decimal notation, as a JSON string
 *       ({@code "1250000.00"}) or a JSON number ({@code 1250000.00}) alike, read exactly (never through binary
 *       floating point), at most {@value #MAX_INTEGER_DIGITS} digits before the point and {@value #MAX_FRACTION_DIGITS}
 *       after it; no exponent ({@code 1e5}). Fields narrow this further (money: 15 and 2).</li>
 *   <li><b>Dates</b> {@code yyyy-MM-dd} and <b>months</b> {@code yyyy-MM}, years {@value #MIN_YEAR} to
 *       {@value #MAX_YEAR}.</li>
 * </ul>
 */
public final class InputPolicy {

    public static final int MAX_TEXT = 10_000;
    public static final int MAX_INTEGER_DIGITS = 18;
    public static final int MAX_FRACTION_DIGITS = 6;
    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2099;

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private InputPolicy() {
    }

    /** {@code value} as acceptable text of at most {@code maxLength} characters (null stays null). */
    public static String text(String member, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.length() > maxLength) {
            throw new InvalidInputException(member, "must be at most " + maxLength + " characters long");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                throw new InvalidInputException(member, "must not contain control characters (found U+"
                        + String.format("%04X", (int) c) + " at position " + (i + 1) + ")");
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw new InvalidInputException(member, "contains a broken character at position " + (i + 1)
                        + " (an unpaired UTF-16 surrogate)");
            }
            if (Character.isLowSurrogate(c)) {
                throw new InvalidInputException(member, "contains a broken character at position " + (i + 1)
                        + " (an unpaired UTF-16 surrogate)");
            }
        }
        return value;
    }

    /**
     * Text a person stated, stripped, at most {@code max} characters (counted as characters, not UTF-16 units), by
     * the rules above; a blank value counts as absent: 400 naming {@code rule} when {@code required}, else null.
     */
    public static String statedText(String member, String value, int max, String rule, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidInputException(member, "is required", rule);
            }
            return null;
        }
        String stated = value.strip();
        if (stated.codePointCount(0, stated.length()) > max) {
            throw new InvalidInputException(member, "must be at most " + max + " characters long", rule);
        }
        try {
            return text(member, stated, 2 * max);
        } catch (InvalidInputException refused) {
            throw new InvalidInputException(member, refused.problem(), rule);
        }
    }

    /** Text within the platform's general limit. */
    public static String text(String member, String value) {
        return text(member, value, MAX_TEXT);
    }

    /** A decimal written in plain notation (string or number form alike), read exactly. */
    public static BigDecimal decimal(String member, String written) {
        if (written == null) {
            return null;
        }
        String value = written.strip();
        // longer than any allowed decimal can be (18 + 1 + 6 digits, a sign): refused before it is parsed at all
        if (value.length() > MAX_INTEGER_DIGITS + MAX_FRACTION_DIGITS + 2 + 20) {
            throw new InvalidInputException(member, "must have at most " + MAX_INTEGER_DIGITS
                    + " digits before the decimal point and " + MAX_FRACTION_DIGITS + " after it");
        }
        if (!PLAIN_DECIMAL.matcher(value).matches()) {
            throw new InvalidInputException(member, "must be a decimal number in plain notation, e.g. \"1250000.00\"");
        }
        return decimal(member, new BigDecimal(value));
    }

    /** A decimal read by the JSON parser; the same range rule as the written form. */
    public static BigDecimal decimal(String member, BigDecimal value) {
        if (value == null) {
            return null;
        }
        long integerDigits = (long) value.precision() - value.scale();
        if (integerDigits > MAX_INTEGER_DIGITS) {
            throw new InvalidInputException(member, "must have at most " + MAX_INTEGER_DIGITS
                    + " digits before the decimal point");
        }
        if (value.scale() > MAX_FRACTION_DIGITS) {
            throw new InvalidInputException(member, "must have at most " + MAX_FRACTION_DIGITS
                    + " digits after the decimal point");
        }
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    /** A calendar date {@code yyyy-MM-dd} between {@value #MIN_YEAR} and {@value #MAX_YEAR}. */
    public static LocalDate date(String member, String written) {
        if (written == null) {
            return null;
        }
        String value = written.strip();
        if (DATE.matcher(value).matches()) {
            try {
                LocalDate date = LocalDate.parse(value);
                if (date.getYear() >= MIN_YEAR && date.getYear() <= MAX_YEAR) {
                    return date;
                }
                throw new InvalidInputException(member, "must be a date between " + MIN_YEAR + "-01-01 and "
                        + MAX_YEAR + "-12-31");
            } catch (DateTimeException notADay) {
                // falls through to the common message
            }
        }
        throw new InvalidInputException(member, "must be a date written yyyy-MM-dd, e.g. 2017-06-30");
    }

    /** A month (reporting period) {@code yyyy-MM} between {@value #MIN_YEAR} and {@value #MAX_YEAR}. */
    public static YearMonth month(String member, String written) {
        if (written == null) {
            return null;
        }
        String value = written.strip();
        if (MONTH.matcher(value).matches()) {
            try {
                YearMonth month = YearMonth.parse(value);
                if (month.getYear() >= MIN_YEAR && month.getYear() <= MAX_YEAR) {
                    return month;
                }
                throw new InvalidInputException(member, "must be a month between " + MIN_YEAR + "-01 and "
                        + MAX_YEAR + "-12");
            } catch (DateTimeException notAMonth) {
                // falls through to the common message
            }
        }
        throw new InvalidInputException(member, "must be a month written yyyy-MM, e.g. 2017-05");
    }

    /** An instant written ISO-8601 with its offset, e.g. {@code 2018-03-01T09:00:00+08:00}, years as for dates. */
    public static Instant instant(String member, String written) {
        if (written == null || written.isBlank()) {
            return null;
        }
        try {
            OffsetDateTime at = OffsetDateTime.parse(written.strip());
            if (at.getYear() >= MIN_YEAR && at.getYear() <= MAX_YEAR) {
                return at.toInstant();
            }
        } catch (DateTimeException notAnInstant) {
            // falls through to the common message
        }
        throw new InvalidInputException(member, "must be a date and time with its offset, written"
                + " yyyy-MM-ddTHH:mm:ss+08:00, between " + MIN_YEAR + " and " + MAX_YEAR);
    }

    /** One of an enumeration's constants, by name; the message lists them. */
    public static <E extends Enum<E>> E oneOf(String member, String written, Class<E> type) {
        if (written == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(written.strip())) {
                return constant;
            }
        }
        throw new InvalidInputException(member, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }
}
