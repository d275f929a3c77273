package cn.p2psupervision.portal.api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.p2psupervision.portal.security.KeycloakRegistration;

/**
 * Reads the parts of a page from several contexts at the same time, as the logged-in user: a page that asks five
 * contexts waits for the slowest, not for the sum. Each read runs on a worker with the request's user, request and
 * language, as it would on the request's thread. The user's access token is made valid once per request, on the
 * request's thread and before the first read starts (refreshed there if it has expired), so the reads find it valid
 * and never refresh it at the same time.
 *
 * <p>{@link #start} returns at once; the value, or what the read threw, comes with {@link Supplier#get()}, so
 * {@link PagePart#read} and the pages' own handling see the API's refusals as before. When every worker is busy, a
 * read runs on the request's thread when its value is asked for. A request ends only when every read it started has,
 * also one whose value its page did not ask for after a refusal: no read uses a request the server has recycled.
 */
@Component
public class ConcurrentReads implements DisposableBean {

    private static final String TOKEN_READY = ConcurrentReads.class.getName() + ".tokenReady";
    private static final String STARTED = ConcurrentReads.class.getName() + ".started";
    private static final int WORKERS = 16;
    private static final int WAITING = 64;

    private final OAuth2AuthorizedClientManager tokens;
    private final ThreadPoolExecutor workers;

    ConcurrentReads(OAuth2AuthorizedClientManager tokens) {
        this.tokens = tokens;
        AtomicInteger number = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(WORKERS, WORKERS, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(WAITING), work -> {
                    Thread worker = new Thread(work, "portal-read-" + number.incrementAndGet());
                    worker.setDaemon(true);
                    return worker;
                });
        this.workers.allowCoreThreadTimeOut(true);
    }

    /** Starts {@code read}; its value (or what it threw) comes with {@code get()}. */
    public <T> Supplier<T> start(Supplier<T> read) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        SecurityContext security = SecurityContextHolder.getContext();
        LocaleContext locale = LocaleContextHolder.getLocaleContext();
        tokenValid(request, security.getAuthentication());
        Future<T> value;
        try {
            value = workers.submit(() -> {
                RequestContextHolder.setRequestAttributes(request);
                SecurityContextHolder.setContext(security);
                LocaleContextHolder.setLocaleContext(locale);
                try {
                    return read.get();
                } finally {
                    LocaleContextHolder.resetLocaleContext();
                    SecurityContextHolder.clearContext();
                    RequestContextHolder.resetRequestAttributes();
                }
            });
        } catch (RejectedExecutionException allBusy) {
            return read;
        }
        startedIn(request).add(value);
        return () -> valueOf(value);
    }

    /**
     * The reads started in this request; the request does not end before they have (a read whose value a page did not
     * ask for, after a refusal, must not use the request once the server has recycled it).
     */
    @SuppressWarnings("unchecked")
    private static List<Future<?>> startedIn(RequestAttributes request) {
        if (request == null) {
            return new ArrayList<>();
        }
        List<Future<?>> started = (List<Future<?>>) request.getAttribute(STARTED, RequestAttributes.SCOPE_REQUEST);
        if (started == null) {
            List<Future<?>> reads = new ArrayList<>();
            request.setAttribute(STARTED, reads, RequestAttributes.SCOPE_REQUEST);
            request.registerDestructionCallback(STARTED, () -> reads.forEach(ConcurrentReads::awaitQuietly),
                    RequestAttributes.SCOPE_REQUEST);
            started = reads;
        }
        return started;
    }

    private static void awaitQuietly(Future<?> read) {
        try {
            read.get();
        } catch (ExecutionException | CancellationException failedAndNotAskedFor) {
            // its page did not need it
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void tokenValid(RequestAttributes request, Authentication user) {
        if (!(request instanceof ServletRequestAttributes servlet) || !(user instanceof OAuth2AuthenticationToken)
                || servlet.getRequest().getAttribute(TOKEN_READY) != null) {
            return;
        }
        OAuth2AuthorizeRequest.Builder authorize = OAuth2AuthorizeRequest
                .withClientRegistrationId(KeycloakRegistration.ID).principal(user)
                .attribute(HttpServletRequest.class.getName(), servlet.getRequest());
        if (servlet.getResponse() != null) {
            authorize.attribute(HttpServletResponse.class.getName(), servlet.getResponse());
        }
        tokens.authorize(authorize.build());
        servlet.getRequest().setAttribute(TOKEN_READY, Boolean.TRUE);
    }

    private static <T> T valueOf(Future<T> value) {
        try {
            return value.get();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException refused) {
                throw refused;
            }
            if (failed.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            value.cancel(true);
            throw new IllegalStateException("Interrupted while reading a part of the page", interrupted);
        }
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }
}
