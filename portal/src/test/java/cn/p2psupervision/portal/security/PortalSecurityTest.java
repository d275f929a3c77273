package cn.p2psupervision.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.UriComponentsBuilder;

import cn.p2psupervision.portal.PortalTest;
import cn.p2psupervision.portal.api.PageOf;

/**
 * The portal as a backend for frontend (AUTH-01): login through Keycloak with PKCE, tokens never in the browser, the
 * screen of each role, CSRF on every form, logout that ends the Keycloak session too.
 */
class PortalSecurityTest extends PortalTest {

    @ParameterizedTest(name = "AUTH-01 {0} without login -> Keycloak login")
    @ValueSource(strings = {"/dashboard", "/work", "/institutions", "/institutions/91330100MA28A7K3X6"})
    void auth01_aProtectedPageWithoutLoginLeadsToTheLogin(String path) throws Exception {
        mvc.perform(get(path)).andExpect(status().isFound())
                .andExpect(redirectedUrl(KeycloakRegistration.LOGIN_PATH));
    }

    @Test
    void auth01_theLoginIsAnAuthorizationCodeRequestWithPkceS256BackToTheGatewaysAddress() throws Exception {
        MvcResult result = mvc.perform(get(KeycloakRegistration.LOGIN_PATH)).andExpect(status().isFound()).andReturn();

        URI location = URI.create(result.getResponse().getRedirectedUrl());
        Map<String, List<String>> query = UriComponentsBuilder.fromUri(location).build(true).getQueryParams();
        assertThat(location.toString()).startsWith("http://localhost:8180/realms/p2p-supervision/protocol/openid-connect/auth?");
        assertThat(query.get("response_type")).containsExactly("code");
        assertThat(query.get("client_id")).containsExactly("portal");
        assertThat(decoded(query.get("redirect_uri").get(0))).isEqualTo("http://localhost:8080/login/oauth2/code/keycloak");
        assertThat(decoded(query.get("scope").get(0))).contains("openid");
        assertThat(query.get("code_challenge_method")).containsExactly("S256");
        assertThat(query.get("code_challenge").get(0)).hasSizeGreaterThanOrEqualTo(43);
        assertThat(query).containsKeys("state", "nonce");
    }

    @ParameterizedTest(name = "AUTH-06 {0} is open without login")
    @ValueSource(strings = {"/", "/public/notices", "/public/filed", "/public/complaint", "/public/complaint-status",
            "/public/certificates", "/webjars/bootstrap/css/bootstrap.min.css",
            "/webjars/htmx.org/dist/htmx.min.js", "/webjars/chart.js/dist/chart.umd.min.js", "/assets/css/portal.css",
            "/actuator/health"})
    void auth06_publicPagesAndFilesAreOpenWithoutLogin(String path) throws Exception {
        when(publicApi.notices(any(), anyInt())).thenReturn(new PageOf<>(List.of(), 0, 20, 0));
        when(publicApi.filed(any(), anyInt())).thenReturn(new PageOf<>(List.of(), 0, 20, 0));

        mvc.perform(get(path)).andExpect(status().isOk());
    }

    @Test
    void auth01_centralLandsOnTheNationalDashboardAndAnOfficerOnTheWorkQueue() throws Exception {
        mvc.perform(get("/").with(central())).andExpect(redirectedUrl("/dashboard"));
        mvc.perform(get("/").with(officer("gd-officer", "44"))).andExpect(redirectedUrl("/work"));
        mvc.perform(get("/").with(head("zj-head-finance", "33"))).andExpect(redirectedUrl("/work"));
    }

    @Test
    void auth02_aProvincialOfficerGetsNoNationalDashboardAndCentralNoWorkQueue() throws Exception {
        mvc.perform(get("/dashboard").with(officer("gd-officer", "44"))).andExpect(status().isForbidden());
        mvc.perform(get("/work").with(central())).andExpect(status().isForbidden());
    }

    @Test
    void auth01_aLogoutWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/logout").with(central())).andExpect(status().isForbidden());
    }

    @Test
    void auth01_logoutEndsTheKeycloakSessionAndComesBackToThePortal() throws Exception {
        MvcResult result = mvc.perform(post("/logout").with(central()).with(csrf()))
                .andExpect(status().isFound()).andReturn();

        URI location = URI.create(result.getResponse().getRedirectedUrl());
        Map<String, List<String>> query = UriComponentsBuilder.fromUri(location).build(true).getQueryParams();
        assertThat(location.toString())
                .startsWith("http://localhost:8180/realms/p2p-supervision/protocol/openid-connect/logout?");
        assertThat(query).containsKey("id_token_hint");
        assertThat(decoded(query.get("post_logout_redirect_uri").get(0))).isEqualTo("http://localhost:8080/");
    }

    @Test
    void auth01_everyFormCarriesACsrfTokenAndNoPageCarriesTheAccessToken() throws Exception {
        when(publicApi.notices(any(), anyInt())).thenReturn(new PageOf<>(List.of(), 0, 20, 0));

        String page = mvc.perform(get("/public/notices").with(officer("zj-officer", "33")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("action=\"/logout\"").containsPattern("name=\"_csrf\" value=\"[^\"]+\"");
        assertThat(page).doesNotContain(ACCESS_TOKEN);
    }

    @Test
    void auth01_pagesAllowOnlyTheirOwnScriptsAndCannotBeFramed() throws Exception {
        mvc.perform(get("/"))
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("script-src 'self'"),
                        org.hamcrest.Matchers.containsString("frame-ancestors 'none'"),
                        org.hamcrest.Matchers.containsString("form-action 'self' http://localhost:8180"))))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    private static String decoded(String value) {
        return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
