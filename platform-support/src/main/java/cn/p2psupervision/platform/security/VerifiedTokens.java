package cn.p2psupervision.platform.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Access tokens whose signature has been checked, kept until they expire, so that a caller's next requests with the
 * same token skip the RSA verification and the parsing (a portal page sends the same token many times; both the gateway
 * and the service check it). Every use still runs the full {@link PlatformJwt#validator validator} again (expiry with
 * the clock skew, issuer, audience), so a cached token is refused from the moment it expires, exactly as an uncached
 * one. What the cache gives up: a token signed by a key Keycloak has since withdrawn stays accepted until it expires
 * (at most its lifetime, 5 minutes), as it would anyway by a service that has not refetched the key set yet.
 * <p>
 * Bounded: at most {@code capacity} tokens; when full, expired tokens go first, and if none has expired the whole cache
 * is emptied (the next requests pay for one verification each again).
 */
public final class VerifiedTokens {

    /** Enough for every signed-in user of a busy day's five-minute window; about 3 KiB each. */
    public static final int DEFAULT_CAPACITY = 2_000;

    private final Map<String, Jwt> tokens = new ConcurrentHashMap<>();
    private final OAuth2TokenValidator<Jwt> validator;
    private final int capacity;
    private final Clock clock;

    public VerifiedTokens(OAuth2TokenValidator<Jwt> validator, int capacity, Clock clock) {
        this.validator = validator;
        this.capacity = capacity;
        this.clock = clock;
    }

    /** A decoder that verifies with {@code decoder} once per token (the reactive one is the gateway's). */
    public JwtDecoder caching(JwtDecoder decoder) {
        return token -> {
            Jwt known = lookUp(token);
            if (known != null) {
                return known;
            }
            Jwt verified = decoder.decode(token);
            remember(token, verified);
            return verified;
        };
    }

    int size() {
        return tokens.size();
    }

    /**
     * The verified token, validated again now; {@code null} if this token has not been verified before.
     *
     * @throws JwtValidationException if it no longer passes the validator (it has expired)
     */
    public Jwt lookUp(String token) {
        Jwt known = tokens.get(token);
        if (known == null) {
            return null;
        }
        OAuth2TokenValidatorResult result = validator.validate(known);
        if (result.hasErrors()) {
            tokens.remove(token);
            throw new JwtValidationException(result.getErrors().iterator().next().getDescription(),
                    result.getErrors());
        }
        return known;
    }

    /** Keeps a token {@code decoder} has just verified. */
    public void remember(String token, Jwt verified) {
        if (tokens.size() >= capacity) {
            Instant now = clock.instant();
            tokens.values().removeIf(jwt -> jwt.getExpiresAt() == null || !jwt.getExpiresAt().isAfter(now));
            if (tokens.size() >= capacity) {
                tokens.clear();
            }
        }
        tokens.put(token, verified);
    }
}
