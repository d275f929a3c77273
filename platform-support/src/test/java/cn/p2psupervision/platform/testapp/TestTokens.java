package cn.p2psupervision.platform.testapp;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Signs Keycloak-shaped access tokens with a key of the test's own, for slice and integration tests. */
public final class TestTokens {

    public static final String ISSUER = "https://keycloak.test/realms/p2p-supervision";
    public static final RSAKey KEY = generate();
    public static final RSAKey OTHER_KEY = generate();

    private TestTokens() {
    }

    public static String token(String username, List<String> roles, String province, String agency) {
        return sign(KEY, claims(username, roles, province, agency, ISSUER, List.of("p2p-api"),
                Instant.now().plusSeconds(300)));
    }

    public static JWTClaimsSet.Builder claims(String username, List<String> roles, String province, String agency,
                                              String issuer, List<String> audience, Instant expiresAt) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject("id-" + username).issuer(issuer).audience(audience)
                .issueTime(Date.from(expiresAt.minusSeconds(300))).expirationTime(Date.from(expiresAt))
                .claim("preferred_username", username)
                .claim("realm_access", Map.of("roles", roles));
        if (province != null) {
            claims.claim("province", province);
        }
        if (agency != null) {
            claims.claim("agency", agency);
        }
        return claims;
    }

    public static String sign(RSAKey key, JWTClaimsSet.Builder claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("test-" + System.nanoTime()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
