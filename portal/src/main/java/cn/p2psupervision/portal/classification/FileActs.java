package cn.p2psupervision.portal.classification;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;

import cn.p2psupervision.portal.api.ApiProblem;
import cn.p2psupervision.portal.api.FieldErrors;
import cn.p2psupervision.portal.api.ProblemMessages;
import cn.p2psupervision.portal.institution.Institutions;
import cn.p2psupervision.portal.institution.RegistryApi;
import cn.p2psupervision.portal.security.PortalUser;
import cn.p2psupervision.portal.web.Entered;

/**
 * What the acts on an institution's classification share (CLS-01, CLS-08): a refusal re-renders the file as it stands
 * now, the refusal in words at the form that was sent ({@code refusedForm}), what the API refused at its fields
 * ({@code fieldErrors}) and what the user entered kept ({@code entered}); and the reading of the entries as the API
 * takes them (blank as absent, amounts without thousands separators).
 */
@Component
class FileActs {

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?\\d{1,18}(\\.\\d{1,6})?");
    private static final Pattern ROW_FIELD = Pattern.compile("items\\[(\\d{1,4})](.*)");

    private final RegistryApi registry;
    private final ClassificationSection section;
    private final ProblemMessages problems;

    FileActs(RegistryApi registry, ClassificationSection section, ProblemMessages problems) {
        this.registry = registry;
        this.section = section;
        this.problems = problems;
    }

    /**
     * The file again with the refusal at {@code form}; {@code subject} names the finding or item the form was about
     * (null for a form of its own), so that the page opens that one.
     */
    String refused(String id, String form, String subject, ApiProblem problem, MultiValueMap<String, String> entered,
                   Authentication authentication, Model model, Locale locale) {
        Institutions.File file = registry.file(id);
        model.addAttribute("file", file);
        model.addAttribute("refusedForm", form);
        model.addAttribute("refusedSubject", subject);
        model.addAttribute("refusal", problems.describe(problem, locale));
        model.addAttribute("fieldErrors", FieldErrors.of(problem));
        model.addAttribute("entered", entered.toSingleValueMap());
        section.addTo(model, file, PortalUser.of(authentication), locale);
        return "institution";
    }

    /**
     * An amount in yuan as entered: without the thousands separators a user may write ({@code 1,250,000.00}), a
     * decimal when it is one (sent as a JSON number, read exactly), else the text as typed so that the service names
     * the field it refuses; null when blank.
     */
    static Object amount(MultiValueMap<String, String> form, String field) {
        String text = Entered.field(form, field);
        if (text == null) {
            return null;
        }
        String digits = text.replace(",", "").replace("，", "").replace(" ", "").replace("\u00a0", "");
        return PLAIN_DECIMAL.matcher(digits).matches() ? new BigDecimal(digits) : digits;
    }

    /** Lines of a text area (document references), blank lines left out. */
    static List<String> lines(MultiValueMap<String, String> form, String field) {
        String text = form.getFirst(field);
        if (text == null) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /**
     * The problem with the refused rows as the form numbers them: {@code items[0]} of what was sent is the first
     * row the user filled in, {@code rows.get(0)}, which may be another row of the form.
     */
    static ApiProblem inRowsOfTheForm(ApiProblem problem, List<Integer> rows) {
        List<ApiProblem.FieldError> errors = problem.errors().stream().map(error -> {
            Matcher row = ROW_FIELD.matcher(String.valueOf(error.field()));
            if (row.matches() && Integer.parseInt(row.group(1)) < rows.size()) {
                return new ApiProblem.FieldError("items[" + rows.get(Integer.parseInt(row.group(1))) + "]"
                        + row.group(2), error.message());
            }
            return error;
        }).toList();
        return new ApiProblem(problem.type(), problem.title(), problem.status(), problem.detail(), problem.rule(),
                problem.service(), problem.requestId(), errors, problem.retryAfter(), problem.currentVersion());
    }
}
