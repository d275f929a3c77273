package cn.p2psupervision.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import cn.p2psupervision.portal.PortalTest;
import cn.p2psupervision.portal.web.PortalLocales;

/** Keycloak's login page speaks the portal's language (OIDC {@code ui_locales}), whatever the browser's. */
class LoginLanguageTest extends PortalTest {

    @Test
    void theLoginAsksKeycloakForChineseByDefaultWhateverTheBrowsersLanguage() throws Exception {
        assertThat(uiLocales(get(KeycloakRegistration.LOGIN_PATH).header("Accept-Language", "en-US"))).isEqualTo("zh-CN");
    }

    @Test
    void theLoginAsksKeycloakForEnglishOnceTheUserChoseIt() throws Exception {
        assertThat(uiLocales(get(KeycloakRegistration.LOGIN_PATH).cookie(new Cookie(PortalLocales.COOKIE, "en"))))
                .isEqualTo("en");
    }

    private String uiLocales(MockHttpServletRequestBuilder login)
            throws Exception {
        String location = mvc.perform(login).andExpect(status().isFound()).andReturn().getResponse()
                .getRedirectedUrl();
        return UriComponentsBuilder.fromUri(URI.create(location)).build().getQueryParams().getFirst("ui_locales");
    }
}
