package cn.p2psupervision.registry.institution;

/** Identity-document numbers of persons (身份证号码等): personal data. */
public final class IdentityDocuments {

    /** Resident identity cards (18 characters) and other documents: letters, digits and dashes. */
    public static final String PATTERN = "[0-9A-Za-z-]{6,30}";

    private IdentityDocuments() {
    }

    /** Keeps the first three and last two characters: {@code 330106199001011234} → {@code 330*************34}. */
    public static String mask(String number) {
        if (number == null || number.length() <= 5) {
            return number == null ? null : "*".repeat(number.length());
        }
        return number.substring(0, 3) + "*".repeat(number.length() - 5) + number.substring(number.length() - 2);
    }
}
