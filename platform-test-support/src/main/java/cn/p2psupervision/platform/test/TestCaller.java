package cn.p2psupervision.platform.test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.p2psupervision.platform.security.Caller;
import cn.p2psupervision.platform.security.PlatformJwt;

/**
 * The callers of the services' API tests, as Keycloak would describe them in an access token (the demo realm's users
 * and clients). The authorities are derived from the token exactly as in production ({@link PlatformJwt#authorities}).
 */
public enum TestCaller {
    /** National rectification office: reads all, writes central data, reopens decisions, waives opinions (AUTH-03). */
    CENTRAL("central", null, null, "central-regulator"),
    ZJ_OFFICER("zj-officer", "33", "FINANCIAL_OFFICE", "provincial-officer"),
    /** Head of Zhejiang's financial office (also an officer, AUTH-04). */
    ZJ_HEAD_FINANCE("zj-head-finance", "33", "FINANCIAL_OFFICE", "provincial-head", "provincial-officer"),
    /** Head of Zhejiang's banking regulator's bureau. */
    ZJ_HEAD_REGULATOR("zj-head-regulator", "33", "BANKING_REGULATOR", "provincial-head", "provincial-officer"),
    GD_OFFICER("gd-officer", "44", "FINANCIAL_OFFICE", "provincial-officer"),
    GD_HEAD_FINANCE("gd-head-finance", "44", "FINANCIAL_OFFICE", "provincial-head", "provincial-officer"),
    GD_HEAD_REGULATOR("gd-head-regulator", "44", "BANKING_REGULATOR", "provincial-head", "provincial-officer"),
    PUBLIC_SECURITY("service-account-agency-public-security", null, "PUBLIC_SECURITY", "agency-partner"),
    TELECOM("service-account-agency-telecom", null, "TELECOM", "agency-partner"),
    MARKET_REGULATION("service-account-agency-market-regulation", null, "MARKET_REGULATION", "agency-partner"),
    CENTRAL_BANK("service-account-agency-central-bank", null, "CENTRAL_BANK", "agency-partner"),
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

    public String userId() {
        return "id-" + username;
    }

    public String province() {
        return province;
    }

    public boolean isAgency() {
        return roles.contains("agency-partner");
    }

    public boolean isHead() {
        return roles.contains("provincial-head");
    }

    /** The token's claims: {@code sub}, {@code preferred_username}, {@code province}, {@code agency}, {@code realm_access}. */
    public Jwt token() {
        return token(username, province, agency, roles);
    }

    /**
     * Authenticates a MockMvc request as {@code officer-<province>}, an officer of the financial office of a province
     * the demo realm has no users in (the realm's users are of 33 and 44).
     */
    public static RequestPostProcessor officerOf(String province) {
        return auth(token("officer-" + province, province, "FINANCIAL_OFFICE", List.of("provincial-officer")));
    }

    private static Jwt token(String username, String province, String agency, List<String> roles) {
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

    /** The caller as services see it, for tests below the HTTP layer. */
    public Caller caller() {
        return Caller.fromJwt(token());
    }

    /** Authenticates a MockMvc request as this caller; {@link #ANONYMOUS} sends no token. */
    public RequestPostProcessor auth() {
        if (this == ANONYMOUS) {
            return request -> request;
        }
        return auth(token());
    }

    private static RequestPostProcessor auth(Jwt jwt) {
        return SecurityMockMvcRequestPostProcessors.jwt().jwt(jwt).authorities(PlatformJwt.authorities(jwt));
    }

    @Override
    public String toString() {
        return this == ANONYMOUS ? "anonymous" : username;
    }
}
