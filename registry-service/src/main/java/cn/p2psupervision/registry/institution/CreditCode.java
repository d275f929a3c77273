package cn.p2psupervision.registry.institution;

import java.util.Locale;

/**
 * Unified Social Credit Code (统一社会信用代码) of an institution, as defined by GB 32100-2015.
 *
 * <p>Requirement REG-01: the code has 18 characters drawn from {@value #CHARSET} (digits and
 * upper-case letters without I, O, S, V and Z). The 18th character is a check character: with
 * weights {@code 3^(i-1) mod 31} for positions i = 1..17, the check value is
 * {@code 31 - (sum(value_i * weight_i) mod 31)}, where a result of 31 maps to {@code '0'}.
 *
 * <p>The canonical constructor expects an already normalised value; use {@link #parse(String)}
 * for user input, which trims and upper-cases first.
 */
public record CreditCode(String value) {

    /** Allowed characters, in order of their numeric value (0..30). */
    public static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    public static final int LENGTH = 18;

    private static final int BODY_LENGTH = LENGTH - 1;
    private static final int MODULUS = 31;
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** Validates the value as-is (no trimming or case folding); see REG-01. */
    public CreditCode {
        if (value == null) {
            throw new InvalidCreditCodeException("is required");
        }
        if (value.length() != LENGTH) {
            throw new InvalidCreditCodeException("must be " + LENGTH + " characters long but was " + value.length()
                    + (value.length() <= 40 ? ": '" + value + "'" : ""));
        }
        checkCharacters(value);
        char expected = checkCharacter(value.substring(0, BODY_LENGTH));
        char actual = value.charAt(BODY_LENGTH);
        if (actual != expected) {
            throw new InvalidCreditCodeException(
                    "'" + value + "' has check character " + actual + " but it should be " + expected);
        }
    }

    /** Trims and upper-cases {@code raw}, then validates it (REG-01). */
    public static CreditCode parse(String raw) {
        if (raw == null) {
            throw new InvalidCreditCodeException("is required");
        }
        return new CreditCode(raw.strip().toUpperCase(Locale.ROOT));
    }

    /** Whether {@link #parse(String)} would accept {@code raw}. */
    public static boolean isValid(String raw) {
        try {
            parse(raw);
            return true;
        } catch (InvalidCreditCodeException e) {
            return false;
        }
    }

    /**
     * Computes the GB 32100-2015 check character for the first 17 characters of a code.
     *
     * @throws InvalidCreditCodeException if {@code first17} is not 17 allowed characters
     */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != BODY_LENGTH) {
            throw new InvalidCreditCodeException("must have a body of " + BODY_LENGTH + " characters but had "
                    + (first17 == null ? "none" : first17.length()));
        }
        checkCharacters(first17);
        int sum = 0;
        for (int i = 0; i < BODY_LENGTH; i++) {
            sum += CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int checkValue = MODULUS - sum % MODULUS;
        return CHARSET.charAt(checkValue == MODULUS ? 0 : checkValue);
    }

    private static void checkCharacters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (CHARSET.indexOf(c) < 0) {
                throw new InvalidCreditCodeException(
                        "has character '" + c + "' at position " + (i + 1) + ", which a credit code cannot hold"
                                + " (allowed: digits and upper-case letters except I, O, S, V, Z)");
            }
        }
    }
}
