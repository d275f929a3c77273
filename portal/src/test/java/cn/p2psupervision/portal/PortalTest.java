package cn.p2psupervision.portal;

import java.time.Clock;
import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import cn.p2psupervision.portal.web.Formats;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import cn.p2psupervision.portal.acceptance.AcceptanceApi;
import cn.p2psupervision.portal.dashboard.StatisticsApi;
import cn.p2psupervision.portal.incident.IncidentApi;
import cn.p2psupervision.portal.institution.RegistryApi;
import cn.p2psupervision.portal.publicsite.PublicApi;
import cn.p2psupervision.portal.security.KeycloakRegistration;
import cn.p2psupervision.portal.classification.ClassificationApi;

/**
 * The whole portal (security, pages, messages) in one application context with MockMvc; the API behind the gateway
 * is replaced by mocks of the portal's API clients. Subclasses share the context.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(PortalTest.FixedClock.class)
public abstract class PortalTest {

    /** The tests' campaign clock stands still here, so that hours and days left are the same however slow a run. */
    public static final Instant NOW = Instant.parse("2026-11-22T02:00:00Z");

    @TestConfiguration
    static class FixedClock {

        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, Formats.BEIJING);
        }
    }

    /** The logged-in test users' access token (Spring Security's test default); it must never appear in a page. */
    public static final String ACCESS_TOKEN = "access-token";

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected PortalProperties properties;
    @MockitoBean
    protected RegistryApi registry;
    @MockitoBean
    protected StatisticsApi statistics;
    @MockitoBean
    protected ClassificationApi classification;
    @MockitoBean
    protected PublicApi publicApi;
    @MockitoBean
    protected AcceptanceApi acceptance;
    @MockitoBean
    protected IncidentApi incidents;

    /** Logged in as the realm's {@code central} user. */
    protected OidcLoginRequestPostProcessor central() {
        return user("central", null, "central-regulator");
    }

    /** Logged in as an officer of a province, e.g. {@code gd-officer} of 44. */
    protected OidcLoginRequestPostProcessor officer(String username, String province) {
        return user(username, province, "provincial-officer");
    }

    protected OidcLoginRequestPostProcessor head(String username, String province) {
        return user(username, province, "provincial-head", "provincial-officer");
    }

    /** A head of a province's agency, e.g. {@code zj-head-regulator} of 33, {@code BANKING_REGULATOR}. */
    protected OidcLoginRequestPostProcessor head(String username, String province, String agency) {
        return userOfAgency(username, province, agency, "provincial-head", "provincial-officer");
    }

    protected OidcLoginRequestPostProcessor user(String username, String province, String... roles) {
        return userOfAgency(username, province, null, roles);
    }

    protected OidcLoginRequestPostProcessor userOfAgency(String username, String province, String agency,
                                                         String... roles) {
        return oidcLogin()
                .clientRegistration(KeycloakRegistration.of(properties))
                .idToken(token -> {
                    token.claim("preferred_username", username).subject("id-" + username);
                    if (province != null) {
                        token.claim("province", province);
                    }
                    if (agency != null) {
                        token.claim("agency", agency);
                    }
                })
                .authorities(Stream.of(roles).map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                        .toArray(GrantedAuthority[]::new));
    }
}
