package cn.p2psupervision.platform.feign;

import java.util.List;
import java.util.Map;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.MDC;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs circuit-breaker work on pool threads while keeping the submitting thread's security context (the caller's
 * token, relayed by Feign) and log context (the request id). Without it a Feign call inside a Resilience4j breaker
 * runs anonymous.
 */
public class ContextPropagatingExecutorService extends AbstractExecutorService {

    private final ExecutorService delegate;

    public ContextPropagatingExecutorService(ExecutorService delegate) {
        this.delegate = delegate;
    }

    @Override
    public void execute(Runnable task) {
        SecurityContext securityContext = SecurityContextHolder.getContext();
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        delegate.execute(() -> {
            SecurityContext previousSecurity = SecurityContextHolder.getContext();
            Map<String, String> previousLog = MDC.getCopyOfContextMap();
            SecurityContextHolder.setContext(securityContext);
            setLogContext(logContext);
            try {
                task.run();
            } finally {
                SecurityContextHolder.setContext(previousSecurity);
                setLogContext(previousLog);
            }
        });
    }

    private static void setLogContext(Map<String, String> context) {
        if (context == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(context);
        }
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        return delegate.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return delegate.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return delegate.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return delegate.awaitTermination(timeout, unit);
    }
}
