package cn.p2psupervision.acceptance.complaint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;

/**
 * ACC-10: the receipt number (回执编号) and the secret (查询密码) a complainant gets for a complaint, and how the secret is
 * kept: only its salted hash is stored, and the secret itself is shown once, in the answer to the complaint.
 *
 * <p>Both are drawn by {@link SecureRandom} from 30 letters and digits that cannot be mistaken for one another (no
 * 0/O, 1/I/L, U). The secret has 25 of them, about 122 bits: too many to guess, so one round of SHA-256 over a random
 * 16-byte salt of its own and the secret keeps it safe in the store; stretching (PBKDF2) protects secrets people
 * choose, and this one is chosen by the platform. Hyphens, spaces and case do not matter when it is typed back.
 */
final class ComplaintSecret {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    /** A secret and its hash: the secret goes to the complainant, salt and hash into the store. */
    record Issued(String secret, String salt, String hash) {
    }

    private ComplaintSecret() {
    }

    /** {@code TS-20180315-7K3Q9X}: the day the complaint was lodged, then six random characters. */
    static String receiptNumber(LocalDate submittedOn) {
        return "TS-" + DAY.format(submittedOn) + "-" + random(6);
    }

    /** A new secret in five groups of five, e.g. {@code 7K3Q9-XM4TA-...}, with a fresh salt and its hash. */
    static Issued issue() {
        StringBuilder secret = new StringBuilder();
        for (int group = 0; group < 5; group++) {
            if (group > 0) {
                secret.append('-');
            }
            secret.append(random(5));
        }
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        String saltHex = HEX.formatHex(salt);
        return new Issued(secret.toString(), saltHex, hash(saltHex, secret.toString()));
    }

    /** Whether {@code typed} is the secret of {@code salt} and {@code hash}; in constant time. */
    static boolean matches(String typed, String salt, String hash) {
        if (typed == null || typed.isBlank() || typed.length() > 100 || salt == null || hash == null) {
            return false;
        }
        byte[] expected = HEX.parseHex(hash);
        byte[] actual = HEX.parseHex(hash(salt, typed));
        return MessageDigest.isEqual(expected, actual);
    }

    private static String hash(String saltHex, String secret) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(HEX.parseHex(saltHex));
            sha256.update(normalized(secret).getBytes(StandardCharsets.UTF_8));
            return HEX.formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }

    private static String normalized(String secret) {
        return secret.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
    }

    private static String random(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }
}
