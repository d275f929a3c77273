package cn.p2psupervision.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** AUTH-01: behind TLS ({@code PORTAL_COOKIE_SECURE=true}) both cookies are also Secure. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "PORTAL_COOKIE_SECURE=true")
class SecureCookiesTest extends CookieSettingsTest {

    @Test
    @Override
    void auth01_theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        List<String> cookies = setCookies("/dashboard");

        assertThat(cookies).filteredOn(c -> c.startsWith("P2P_PORTAL_SESSION=")).singleElement()
                .satisfies(cookie -> assertThat(cookie).contains("HttpOnly", "Secure").containsIgnoringCase("SameSite=Lax"));
    }

    @Test
    @Override
    void theLanguageCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        List<String> cookies = setCookies("/?lang=en");

        assertThat(cookies).filteredOn(c -> c.startsWith("portal-lang=")).singleElement()
                .satisfies(cookie -> assertThat(cookie).contains("HttpOnly", "Secure").containsIgnoringCase("SameSite=Lax"));
    }
}
