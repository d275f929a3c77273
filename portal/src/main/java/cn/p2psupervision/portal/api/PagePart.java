package cn.p2psupervision.portal.api;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.springframework.web.client.ResourceAccessException;

/**
 * One part of a page read from one context: its value, or why it cannot be shown now, so that a context that cannot
 * answer darkens only its own part of the page.
 *
 * @param value       what was read; {@code fallback} when it could not be
 * @param unavailable why it could not be read, in the page's language; empty when it was
 */
public record PagePart<T>(T value, List<String> unavailable) {

    public static <T> PagePart<T> read(Supplier<T> read, T fallback, ProblemMessages problems, Locale locale) {
        try {
            return new PagePart<>(read.get(), List.of());
        } catch (ApiProblemException refused) {
            return new PagePart<>(fallback, problems.describe(refused.problem(), locale));
        } catch (ResourceAccessException unreachable) {
            return new PagePart<>(fallback, problems.describe(ApiProblem.ofStatus(503), locale));
        }
    }

    public boolean shown() {
        return unavailable.isEmpty();
    }
}
