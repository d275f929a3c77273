package cn.p2psupervision.incident;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Identifiers of incident records: a prefix, the recording day in China and eight random characters
 * ({@code EV-20180301-7KQ2M9XA}): readable on the phone, unguessable, and they reveal nothing about other records.
 */
public final class RecordIds {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd")
            .withZone(ZoneId.of("Asia/Shanghai"));
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecordIds() {
    }

    public static String next(String prefix, Instant now) {
        StringBuilder id = new StringBuilder(prefix).append('-').append(DAY.format(now)).append('-');
        for (int i = 0; i < 8; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }
}
