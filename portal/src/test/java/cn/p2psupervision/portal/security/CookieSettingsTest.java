package cn.p2psupervision.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * AUTH-01: the portal's cookies, as the real server (Tomcat) writes them: the session cookie (which holds the user's
 * tokens on the server side) and the language cookie are HttpOnly and SameSite=Lax, and not Secure on plain local
 * HTTP (see {@link SecureCookiesTest} for TLS).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CookieSettingsTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void auth01_theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        List<String> cookies = setCookies("/dashboard");

        assertThat(cookies).filteredOn(c -> c.startsWith("P2P_PORTAL_SESSION=")).singleElement()
                .satisfies(cookie -> assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax")
                        .doesNotContain("Secure"));
    }

    @Test
    void theLanguageCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        List<String> cookies = setCookies("/?lang=en");

        assertThat(cookies).filteredOn(c -> c.startsWith("portal-lang=")).singleElement()
                .satisfies(cookie -> assertThat(cookie).startsWith("portal-lang=en").contains("HttpOnly")
                        .containsIgnoringCase("SameSite=Lax").doesNotContain("Secure"));
    }

    List<String> setCookies(String path) throws Exception {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET().build(), HttpResponse.BodyHandlers.discarding());
        return response.headers().allValues("Set-Cookie");
    }
}
