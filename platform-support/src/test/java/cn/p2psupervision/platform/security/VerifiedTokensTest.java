package cn.p2psupervision.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** A verified token is verified once, checked for expiry on every use, and the cache stays bounded. */
class VerifiedTokensTest {

    private Instant now = Instant.parse("2026-11-22T08:00:00Z");
    private final AtomicInteger verifications = new AtomicInteger();

    @Test
    void verifiesEachTokenOnceAndRefusesItOnceExpired() {
        VerifiedTokens tokens = new VerifiedTokens(timestamps(), 10, clock());
        JwtDecoder decoder = tokens.caching(expiringIn(Duration.ofMinutes(5)));

        Jwt first = decoder.decode("token-a");
        Jwt again = decoder.decode("token-a");
        assertThat(again).isSameAs(first);
        assertThat(verifications).hasValue(1);

        now = now.plus(Duration.ofMinutes(6));
        assertThatThrownBy(() -> decoder.decode("token-a")).isInstanceOf(JwtValidationException.class);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aTokenTheDecoderRefusesIsNotRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(timestamps(), 10, clock());
        JwtDecoder decoder = tokens.caching(token -> {
            verifications.incrementAndGet();
            throw new BadJwtException("bad signature");
        });
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void staysWithinItsCapacity() {
        VerifiedTokens tokens = new VerifiedTokens(timestamps(), 3, clock());
        JwtDecoder decoder = tokens.caching(expiringIn(Duration.ofMinutes(5)));
        for (int i = 0; i < 10; i++) {
            decoder.decode("token-" + i);
            assertThat(tokens.size()).isLessThanOrEqualTo(3);
        }
    }

    private JwtDecoder expiringIn(Duration lifetime) {
        return token -> {
            verifications.incrementAndGet();
            return Jwt.withTokenValue(token).header("alg", "RS256").subject("zj-officer")
                    .issuedAt(now).expiresAt(now.plus(lifetime)).build();
        };
    }

    private JwtTimestampValidator timestamps() {
        JwtTimestampValidator validator = new JwtTimestampValidator(Duration.ZERO);
        validator.setClock(clock());
        return validator;
    }

    /** Reads {@link #now}, which a test moves forward. */
    private Clock clock() {
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
    }
}
