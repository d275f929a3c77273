package cn.p2psupervision.registry;

import java.util.concurrent.atomic.AtomicLong;

import cn.p2psupervision.registry.institution.CreditCode;

/** Valid, unique GB 32100-2015 credit codes for tests sharing one database. */
public final class TestCodes {

    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 10_000_000L);

    private TestCodes() {
    }

    public static String next(String prefix8) {
        String body = prefix8 + String.format("%09d", SERIAL.incrementAndGet() % 1_000_000_000L);
        return body + CreditCode.checkCharacter(body);
    }
}
