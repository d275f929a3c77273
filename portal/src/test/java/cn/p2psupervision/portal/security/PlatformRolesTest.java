package cn.p2psupervision.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class PlatformRolesTest {

    @Test
    void auth01_thePlatformsRealmRolesAreReadFromTheAccessTokenAndOthersDropped() {
        String token = token("""
                {"sub":"u1","realm_access":{"roles":["provincial-head","provincial-officer","offline_access",
                "default-roles-p2p-supervision"]},"province":"33"}""");

        assertThat(PlatformRoles.of(token)).containsExactly("provincial-head", "provincial-officer");
    }

    @Test
    void aTokenWithoutRolesOrNotAJwtHasNone() {
        assertThat(PlatformRoles.of(token("{\"sub\":\"u1\"}"))).isEmpty();
        assertThat(PlatformRoles.of("not-a-jwt")).isEmpty();
    }

    private static String token(String claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }
}
