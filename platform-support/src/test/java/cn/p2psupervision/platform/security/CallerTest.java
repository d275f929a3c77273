package cn.p2psupervision.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class CallerTest {

    @Test
    void auth01_readsRolesProvinceAndAgencyFromAKeycloakToken() {
        Jwt jwt = token(Map.of("preferred_username", "zj-head-finance",
                "realm_access", Map.of("roles", List.of("provincial-head", "provincial-officer", "offline_access",
                        "default-roles-p2p-supervision")),
                "province", "33", "agency", "FINANCIAL_OFFICE"));

        Caller caller = Caller.fromJwt(jwt);

        assertThat(caller.userId()).isEqualTo("user-1");
        assertThat(caller.username()).isEqualTo("zj-head-finance");
        assertThat(caller.roles()).containsExactlyInAnyOrder(PlatformRole.PROVINCIAL_HEAD, PlatformRole.PROVINCIAL_OFFICER);
        assertThat(caller.isProvincialHead()).isTrue();
        assertThat(CallerView.of(caller)).isEqualTo(new CallerView("user-1", "zj-head-finance",
                List.of("provincial-officer", "provincial-head"), "33", "FINANCIAL_OFFICE"));
    }

    @Test
    void auth05_anAgencyClientHasNoProvinceAndFallsBackToItsClientId() {
        Jwt jwt = token(Map.of("azp", "agency-telecom", "realm_access", Map.of("roles", List.of("agency-partner")),
                "agency", "TELECOM"));

        Caller caller = Caller.fromJwt(jwt);

        assertThat(caller.username()).isEqualTo("agency-telecom");
        assertThat(caller.roles()).containsExactly(PlatformRole.AGENCY_PARTNER);
        assertThat(caller.province()).isNull();
        assertThat(caller.isProvincial()).isFalse();
        assertThat(caller.agency()).isEqualTo("TELECOM");
    }

    @Test
    void auth02_aProvincialRoleWithoutProvinceIsNotProvincial() {
        Caller caller = new Caller("u", "u", java.util.Set.of(PlatformRole.PROVINCIAL_OFFICER), " ", null);

        assertThat(caller.province()).isNull();
        assertThat(caller.isProvincial()).isFalse();
    }

    private static Jwt token(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject("user-1")
                .issuedAt(Instant.parse("2026-01-01T00:00:00Z")).expiresAt(Instant.parse("2026-01-01T00:05:00Z"));
        claims.forEach(builder::claim);
        return builder.build();
    }
}
