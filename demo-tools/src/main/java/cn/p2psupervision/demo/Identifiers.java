package cn.p2psupervision.demo;

/**
 * Check characters of the identifiers the demo data carries. The credit-code computation is a copy of the registry's
 * {@code CreditCode} (GB 32100-2015), so that this tool does not depend on the registry module.
 */
final class Identifiers {

    /** Characters of a credit code, in order of their numeric value (0..30): no I, O, S, V, Z. */
    static final String CREDIT_CODE_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_CODE_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORGANISATION_CODE_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
    private static final int[] ID_NUMBER_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_NUMBER_CHECK = "10X98765432";

    private Identifiers() {
    }

    /** GB 32100-2015: check character of the first 17 characters (same as the registry's CreditCode). */
    static char creditCodeCheck(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("a credit code body has 17 characters: " + first17);
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = CREDIT_CODE_CHARSET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("'" + first17.charAt(i) + "' is not allowed in a credit code");
            }
            sum += value * CREDIT_CODE_WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return CREDIT_CODE_CHARSET.charAt(check == 31 ? 0 : check);
    }

    static boolean isValidCreditCode(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        for (int i = 0; i < 18; i++) {
            if (CREDIT_CODE_CHARSET.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        return creditCodeCheck(code.substring(0, 17)) == code.charAt(17);
    }

    /**
     * A credit code of an enterprise registered with market regulation ({@code 91}), in the division {@code area}
     * (6 digits), with the organisation code {@code 8 digits + GB 11714 check}.
     */
    static String creditCode(String area, long organisationNumber) {
        String organisation = String.format("%08d", organisationNumber % 100_000_000L);
        String first17 = "91" + area + organisation + organisationCheck(organisation);
        return first17 + creditCodeCheck(first17);
    }

    /** GB 11714: check character of an 8-digit organisation code body. */
    static char organisationCheck(String eightDigits) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (eightDigits.charAt(i) - '0') * ORGANISATION_CODE_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }

    /** GB 11643: an 18-character resident identity number: area, birth date yyyyMMdd, sequence, check. */
    static String idNumber(String area, String birthDate, int sequence) {
        String first17 = area + birthDate + String.format("%03d", sequence % 1000);
        return first17 + idNumberCheck(first17);
    }

    static char idNumberCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * ID_NUMBER_WEIGHTS[i];
        }
        return ID_NUMBER_CHECK.charAt(sum % 11);
    }
}
