package cn.p2psupervision.portal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The parts of a page are read at the same time, each as the logged-in user in the page's language, with the user's
 * token made valid once, first, on the request's thread; a part's refusal reaches the page as it was thrown.
 */
class ConcurrentReadsTest {

    private final OAuth2AuthorizedClientManager tokens = mock(OAuth2AuthorizedClientManager.class);
    private final ConcurrentReads reads = new ConcurrentReads(tokens);
    private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/dashboard");
    private final OAuth2AuthenticationToken user = new OAuth2AuthenticationToken(
            new DefaultOAuth2User(AuthorityUtils.createAuthorityList("ROLE_central-regulator"),
                    Map.of("preferred_username", "central"), "preferred_username"),
            AuthorityUtils.createAuthorityList("ROLE_central-regulator"), "keycloak");

    @BeforeEach
    void aRequestOfTheLoggedInUser() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request, new MockHttpServletResponse()));
        SecurityContextHolder.getContext().setAuthentication(user);
        LocaleContextHolder.setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void clear() {
        RequestContextHolder.resetRequestAttributes();
        SecurityContextHolder.clearContext();
        LocaleContextHolder.resetLocaleContext();
        reads.destroy();
    }

    @Test
    void partsAreReadAtTheSameTime() {
        CountDownLatch bothStarted = new CountDownLatch(2);
        Supplier<String> waitForTheOther = () -> {
            bothStarted.countDown();
            try {
                return bothStarted.await(5, TimeUnit.SECONDS) ? "read" : "alone";
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };

        Supplier<String> registry = reads.start(waitForTheOther);
        Supplier<String> classification = reads.start(waitForTheOther);

        assertThat(List.of(registry.get(), classification.get())).containsExactly("read", "read");
    }

    @Test
    void eachPartIsReadAsTheUserInThePagesLanguage_withTheTokenMadeValidOnceOnTheRequestsThread() {
        AtomicReference<Thread> authorizedOn = new AtomicReference<>();
        when(tokens.authorize(any(OAuth2AuthorizeRequest.class))).thenAnswer(call -> {
            authorizedOn.set(Thread.currentThread());
            OAuth2AuthorizeRequest asked = call.getArgument(0);
            assertThat(asked.getPrincipal()).isSameAs(user);
            assertThat(asked.<Object>getAttribute(jakarta.servlet.http.HttpServletRequest.class.getName()))
                    .isSameAs(request);
            return null;
        });
        Supplier<String> seen = () -> SecurityContextHolder.getContext().getAuthentication().getName() + " "
                + LocaleContextHolder.getLocale() + " "
                + ((ServletRequestAttributes) RequestContextHolder.getRequestAttributes()).getRequest().getRequestURI()
                + " " + Thread.currentThread().getName().startsWith("portal-read-");

        Supplier<String> first = reads.start(seen);
        Supplier<String> second = reads.start(seen);

        assertThat(first.get()).isEqualTo("central en /dashboard true");
        assertThat(second.get()).isEqualTo("central en /dashboard true");
        verify(tokens, times(1)).authorize(any(OAuth2AuthorizeRequest.class));
        assertThat(authorizedOn.get()).isSameAs(Thread.currentThread());
    }

    @Test
    void aPartsRefusalReachesThePageAsThrown() {
        ApiProblemException refused = new ApiProblemException(ApiProblem.ofStatus(503));

        Supplier<String> part = reads.start(() -> {
            throw refused;
        });

        assertThatThrownBy(part::get).isSameAs(refused);
    }

    @Test
    void theRequestEndsOnlyAfterEveryReadItStarted_alsoOneThePageDidNotAskFor() {
        AtomicBoolean done = new AtomicBoolean();
        reads.start(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            done.set(true);
            return "not asked for";
        });

        ((ServletRequestAttributes) RequestContextHolder.getRequestAttributes()).requestCompleted();

        assertThat(done).isTrue();
    }
}
