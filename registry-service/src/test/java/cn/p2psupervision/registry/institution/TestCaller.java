package cn.p2psupervision.registry.institution;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.p2psupervision.platform.security.PlatformJwt;

/**
 * The callers of the registry API tests, as Keycloak would describe them in an access token. The authorities are
 * derived from the token exactly as in production ({@link PlatformJwt#authorities}).
 */
public enum TestCaller {
    /** National rectification office: reads all, writes no provincial record (AUTH-03). */
    CENTRAL("central", null, "BANKING_REGULATOR", "central-regulator"),
    /** Zhejiang officer. */
    ZJ_OFFICER("zj-officer", "33", "FINANCIAL_OFFICE", "provincial-officer"),
    /** Zhejiang head of the financial office (also an officer). */
    ZJ_HEAD_FINANCE("zj-head-finance", "33", "FINANCIAL_OFFICE", "provincial-head", "provincial-officer"),
    /** Guangdong officer. */
    GD_OFFICER("gd-officer", "44", "BANKING_REGULATOR", "provincial-officer"),
    /** Beijing officer: used to set up records registered in 11. */
    BJ_OFFICER("bj-officer", "11", "FINANCIAL_OFFICE", "provincial-officer"),
    /** Telecom administration's machine client (AUTH-05). */
    AGENCY("service-account-agency-telecom", null, "TELECOM", "agency-partner"),
    /** The platform's own service account (client credentials of {@code platform-services}). */
    INTERNAL("service-account-platform-services", null, null, "internal-service"),
    /** No token at all. */
    ANONYMOUS(null, null, null);

    private final String username;
    private final String province;
    private final String agency;
    private final List<String> roles;

    TestCaller(String username, String province, String agency, String... roles) {
        this.username = username;
        this.province = province;
        this.agency = agency;
        this.roles = List.of(roles);
    }

    public String username() {
        return username;
    }

    public String province() {
        return province;
    }

    /** The token's claims: {@code sub}, {@code preferred_username}, {@code province}, {@code agency}, {@code realm_access}. */
    public Jwt token() {
        Jwt.Builder builder = Jwt.withTokenValue("test-token-" + username)
                .header("alg", "RS256")
                .subject("id-" + username)
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300))
                .claim("preferred_username", username)
                .claim("realm_access", Map.of("roles", roles));
        if (province != null) {
            builder.claim("province", province);
        }
        if (agency != null) {
            builder.claim("agency", agency);
        }
        return builder.build();
    }

    /** Authenticates a MockMvc request as this caller; {@link #ANONYMOUS} sends no token. */
    public RequestPostProcessor auth() {
        if (this == ANONYMOUS) {
            return request -> request;
        }
        Jwt jwt = token();
        return SecurityMockMvcRequestPostProcessors.jwt().jwt(jwt).authorities(PlatformJwt.authorities(jwt));
    }

    @Override
    public String toString() {
        return this == ANONYMOUS ? "anonymous" : username;
    }
}
