package cn.p2psupervision.platform.registryfeed;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import feign.FeignException;
import feign.RetryableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import org.slf4j.Logger;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.problem.Problems;

/**
 * What the registry clients ({@link RegistryReports}, {@link RegistryFigures}, {@link RegistryStatusDelivery})
 * share: a read through breaker and retry, the breaker's fallback, and failures and refusals put in words for logs
 * and for the people who read an outbox entry — never a Java name.
 */
final class RegistryCalls {

    /** The dependency a 503 problem names. */
    static final String SERVICE = "registry-service";

    /** Reads the registry's problem bodies as they come, whatever the service's own JSON conventions. */
    private static final JsonMapper PROBLEMS = JsonMapper.builder().build();

    private RegistryCalls() {
    }

    /**
     * The retry named {@code name}, as configured ({@code resilience4j.retry.instances.<name>}, else the default), that
     * retries only what is worth it ({@link RegistryFeed#worthRetrying}).
     */
    static Retry retry(RetryRegistry retries, String name) {
        RetryConfig configured = retries.getConfiguration(name).orElseGet(retries::getDefaultConfig);
        return retries.retry(name, RetryConfig.from(configured).retryOnException(RegistryFeed::worthRetrying).build());
    }

    /**
     * One read of the registry: {@code request} through {@code breaker}, retried as {@code retry} says; any failure is
     * logged as {@code what} was not read (at debug level while the breaker is open) and becomes a 503 problem naming
     * {@code registry-service}.
     */
    static <T> T call(Retry retry, CircuitBreaker breaker, Supplier<T> request, Logger log, String what) {
        try {
            return retry.executeSupplier(() -> breaker.run(request, RegistryCalls::rethrow));
        } catch (RuntimeException failure) {
            if (failure instanceof CallNotPermittedException) {
                log.debug("{} not read: {}", what, describe(failure));
            } else {
                log.warn("{} not read: {}", what, describe(failure));
            }
            throw ProblemException.unavailable(SERVICE);
        }
    }

    /**
     * The breaker's fallback: no fallback, the failure itself; a time limit reached (a checked exception) becomes
     * {@link TimedOut}.
     */
    static <T> T rethrow(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof TimeoutException timeout) {
            throw new TimedOut(timeout);
        }
        throw new IllegalStateException(SERVICE + " could not be called", failure);
    }

    /** Why a call failed, in words: unreachable, too slow, the breaker open, or the registry's answer. */
    static String describe(Throwable failure) {
        if (failure instanceof CallNotPermittedException) {
            return SERVICE + " is not called for now: its circuit breaker is open after repeated failures";
        }
        if (failure instanceof TimedOut) {
            return SERVICE + " did not answer within the time limit";
        }
        if (failure instanceof RetryableException retryable && retryable.status() <= 0) {
            return SERVICE + " could not be reached or did not answer in time";
        }
        if (failure instanceof FeignException answer && answer.status() > 0) {
            return SERVICE + " answered " + answer.status() + problemText(answer).map(text -> ": " + text).orElse("");
        }
        return SERVICE + " could not be called";
    }

    /**
     * The problem the registry answered with, in a line: its {@code detail}, the {@code rule} it names, and the
     * members its {@code errors} name; empty when the body is not a problem, or when its words name Java code.
     */
    static Optional<String> problemText(FeignException answer) {
        String body = answer.contentUTF8();
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        JsonNode problem;
        try {
            problem = PROBLEMS.readTree(body);
        } catch (JacksonException notJson) {
            return Optional.empty();
        }
        if (problem == null || !problem.isObject()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        String detail = text(problem.get("detail"));
        if (detail != null) {
            parts.add(detail);
        }
        String rule = text(problem.get("rule"));
        if (rule != null) {
            parts.add("(" + rule + ")");
        }
        JsonNode errors = problem.get("errors");
        if (errors != null && errors.isArray()) {
            List<String> named = new ArrayList<>();
            for (JsonNode error : errors) {
                String field = text(error.get("field"));
                String message = text(error.get("message"));
                if (message != null) {
                    named.add(field == null ? message : field + " " + message);
                }
            }
            if (!named.isEmpty()) {
                parts.add("[" + String.join("; ", named) + "]");
            }
        }
        String text = String.join(" ", parts);
        return text.isBlank() || Problems.namesJavaCode(text) ? Optional.empty() : Optional.of(text);
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() && !node.asString().isBlank() ? node.asString().strip() : null;
    }

    /** The breaker's time limit was reached before the registry answered. */
    static final class TimedOut extends RuntimeException {

        TimedOut(TimeoutException cause) {
            super(SERVICE + " did not answer within the time limit", cause);
        }
    }
}
