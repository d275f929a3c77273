package cn.p2psupervision.portal.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Every refusal of the API as a sentence a regulator reads (in the page's language), chosen by the problem's stable
 * {@code type} (docs/api.md, "Errors"), else by its status: the rule a 422 names, the fields a 400 refuses, the
 * service a 503 could not reach, the request id to quote for a failure. A rule the messages explain
 * ({@code rule.<id>}) is said in the page's language, the API's own detail following; a stale version names the
 * current one. A refusal by the gates of ACC-02 lists each failed gate in words, one by the checks each check, one by
 * the opinions of the business places (ACC-16) the provinces still to answer.
 */
@Component
public class ProblemMessages {

    /** The problem types that have a message of their own ({@code problem.<slug>} in the messages files). */
    static final Set<String> KNOWN = Set.of("validation-failed", "malformed-request", "unauthenticated", "forbidden",
            "not-found", "conflict", "stale-version", "version-required", "payload-too-large", "rule-violation",
            "idempotency-key-reused", "too-many-requests", "service-unavailable", "gateway-timeout", "service-error",
            "internal-error");

    private final MessageSource messages;

    public ProblemMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** The message's lines: the main sentence first, then what the problem adds (refused fields, request id). */
    public List<String> describe(ApiProblem problem, Locale locale) {
        List<String> lines = new ArrayList<>();
        String slug = slugOf(problem);
        String service = problem.service() == null ? null
                : messages.getMessage("service." + problem.service(), null, problem.service(), locale);
        String rule = problem.rule() == null ? null
                : messages.getMessage("rule." + problem.rule(), null, null, locale);
        Object[] arguments = {problem.rule(), service, problem.retryAfter(), problem.detail(),
                problem.currentVersion(), rule};
        lines.add(messages.getMessage(keyOf(slug, arguments), arguments, locale));
        if (rule != null && "rule-violation".equals(slug) && problem.detail() != null) {
            lines.add(messages.getMessage("problem.detail", new Object[] {problem.detail()}, locale));
        }
        for (ApiProblem.Gate gate : problem.gates()) {
            String named = messages.getMessage("gate." + gate.gate(), null, null, locale);
            lines.add(messages.getMessage(named == null ? "problem.gate.unnamed" : "problem.gate",
                    new Object[] {gate.gate(), named, gate.reason()}, locale));
        }
        for (ApiProblem.Deficiency check : problem.checks()) {
            String name = messages.getMessage("checkCode." + check.code(), null,
                    check.name() != null ? check.name() : check.code(), locale);
            String what = messages.getMessage("checkProblem." + check.problem(), null, check.problem(), locale);
            lines.add(messages.getMessage("problem.check", new Object[] {name, what}, locale));
        }
        if (!problem.provinces().isEmpty()) {
            String separator = "en".equals(locale.getLanguage()) ? ", " : "、";
            lines.add(messages.getMessage("problem.provinces", new Object[] {String.join(separator,
                    problem.provinces().stream().map(p -> messages.getMessage("province." + p, null, p, locale))
                            .toList())}, locale));
        }
        for (ApiProblem.FieldError error : problem.errors()) {
            lines.add(messages.getMessage("problem.field", new Object[] {error.field(), error.message()}, locale));
        }
        if (problem.requestId() != null && problem.status() >= 500) {
            lines.add(messages.getMessage("problem.requestId", new Object[] {problem.requestId()}, locale));
        }
        return lines;
    }

    /**
     * What a 400 refused, by the field the problem names ({@code loanBalance}, {@code products[0].name}), to show at
     * the form's field; several messages for one field are joined. Empty when the problem names no field.
     */
    public static Map<String, String> byField(ApiProblem problem) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (ApiProblem.FieldError error : problem.errors()) {
            if (error.field() != null) {
                fields.merge(error.field(), String.valueOf(error.message()), (first, next) -> first + "; " + next);
            }
        }
        return fields;
    }

    /**
     * {@code problem.<slug>}; {@code problem.<slug>.unnamed} when the problem lacks what that message names (the rule,
     * the service, the seconds to wait); {@code problem.rule-violation.known} for a rule the messages explain,
     * {@code problem.rule-violation.detail} for another rule refusal that says why; {@code problem.stale-version.current}
     * when a 412 names the current version.
     */
    static String keyOf(String slug, Object[] arguments) {
        int named = switch (slug) {
            case "rule-violation" -> 0;
            case "service-unavailable", "gateway-timeout", "service-error" -> 1;
            case "too-many-requests" -> 2;
            default -> -1;
        };
        if (named >= 0 && arguments[named] == null) {
            return "problem." + slug + ".unnamed";
        }
        if ("rule-violation".equals(slug) && arguments[5] != null) {
            return "problem.rule-violation.known";
        }
        if ("rule-violation".equals(slug) && arguments[3] != null) {
            return "problem.rule-violation.detail";
        }
        if ("stale-version".equals(slug) && arguments[4] != null) {
            return "problem.stale-version.current";
        }
        return "problem." + slug;
    }

    /** The message key's slug: the problem's own when known, else one for its status. */
    static String slugOf(ApiProblem problem) {
        String slug = problem.slug();
        if (slug != null && KNOWN.contains(slug)) {
            return slug;
        }
        return switch (problem.status()) {
            case 400 -> "validation-failed";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404, 410 -> "not-found";
            case 409 -> "conflict";
            case 412 -> "stale-version";
            case 413 -> "payload-too-large";
            case 422 -> "rule-violation";
            case 428 -> "version-required";
            case 429 -> "too-many-requests";
            case 503 -> "service-unavailable";
            case 504 -> "gateway-timeout";
            default -> problem.status() >= 500 ? "service-error" : "generic";
        };
    }
}
