package cn.p2psupervision.portal.institution;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.p2psupervision.portal.api.ApiProblem;
import cn.p2psupervision.portal.api.ApiProblemException;
import cn.p2psupervision.portal.api.ProblemMessages;
import cn.p2psupervision.portal.security.PortalUser;
import cn.p2psupervision.portal.web.Formats;
import cn.p2psupervision.portal.web.Entered;

/**
 * 月度经营数据 of a file (REG-03): the monthly series, newest month first, and the form to report a month for the
 * registration province (the registry answers {@code access: WRITE}) and for central, which reports from its own
 * sources; business places read only. A second report of a month is a correction and needs a reason. A refusal
 * re-renders the page with the message at the form and what the registry refused at its fields, the entries kept.
 */
@Controller
class ReportController {

    /** Product rows the form offers; blank rows are not sent. */
    static final int PRODUCT_ROWS = 3;
    private static final Pattern PRODUCT_FIELD = Pattern.compile("products\\[(\\d{1,4})](.*)");

    private final RegistryApi registry;
    private final ProblemMessages problems;
    private final MessageSource messages;
    private final Formats fmt;
    private final Clock clock;

    ReportController(RegistryApi registry, ProblemMessages problems, MessageSource messages, Formats fmt,
                     Clock clock) {
        this.registry = registry;
        this.problems = problems;
        this.messages = messages;
        this.fmt = fmt;
        this.clock = clock;
    }

    @GetMapping("/institutions/{id}/reports")
    String page(@PathVariable String id, Authentication authentication, Model model) {
        model.addAttribute("reportForm", ReportForm.empty());
        return page(id, PortalUser.of(authentication), model);
    }

    @PostMapping("/institutions/{id}/reports")
    String submit(@PathVariable String id, @RequestParam Map<String, String> parameters, Authentication authentication,
                  Model model, Locale locale, RedirectAttributes redirect) {
        ReportForm form = ReportForm.of(parameters);
        try {
            Reports.Report report = registry.submitReport(id, form.submission());
            redirect.addFlashAttribute("reportDone", report.revision() > 1 ? "corrected" : "reported");
            redirect.addFlashAttribute("reportPeriod", fmt.month(report.period()));
            redirect.addFlashAttribute("reportRevision", report.revision());
            return "redirect:/institutions/{id}/reports";
        } catch (ApiProblemException refused) {
            ApiProblem problem = form.inRowsOfTheForm(refused.problem());
            List<String> refusal = new ArrayList<>(problems.describe(problem, locale));
            if (refused.status() == 409) {
                refusal.set(0, messages.getMessage("report.conflict", new Object[] {month(form.period())}, locale));
            }
            model.addAttribute("reportForm", form);
            model.addAttribute("refusal", refusal);
            model.addAttribute("fieldErrors", ProblemMessages.byField(problem));
            return page(id, PortalUser.of(authentication), model);
        }
    }

    private String page(String id, PortalUser user, Model model) {
        Institutions.File file = registry.file(id);
        List<Reports.Report> reports = new ArrayList<>(registry.reports(id));
        Collections.reverse(reports);
        model.addAttribute("file", file);
        model.addAttribute("reports", reports);
        model.addAttribute("mayReport", file.writable() || user != null && user.isCentral());
        model.addAttribute("currentMonth", YearMonth.now(clock));
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", Map.of());
        }
        return "institution-reports";
    }

    /** The period as the page says it, or as entered when it is no month. */
    private String month(String period) {
        try {
            return fmt.month(period);
        } catch (RuntimeException notAMonth) {
            return period;
        }
    }

    /** A number as typed, without the thousands separators a user may write ({@code 1,250,000.00}). */
    private static String number(String value) {
        String text = Entered.text(value);
        return text == null ? null : text.replace(",", "").replace("，", "").replace(" ", "");
    }

    /** A count as a whole number when it is one; else as typed, so that the registry names the field it refuses. */
    private static Object wholeNumber(String value) {
        String text = number(value);
        if (text != null && text.matches("-?\\d{1,18}")) {
            return Long.parseLong(text);
        }
        return text;
    }

    /**
     * What the user entered, as entered: the month's figures, up to {@link #PRODUCT_ROWS} products and, for a
     * correction, the reason. Field names are the registry's ({@code products[1].name}), so its refusals land at
     * their fields.
     */
    record ReportForm(String period, String loanBalance, String newLending, String lenders, String borrowers,
                      String overdueAmount, String overdueRate, String reason, List<ProductRow> products) {

        static ReportForm empty() {
            return of(Map.of());
        }

        static ReportForm of(Map<String, String> parameters) {
            List<ProductRow> products = new ArrayList<>();
            for (int row = 0; row < PRODUCT_ROWS; row++) {
                String prefix = "products[" + row + "].";
                products.add(new ProductRow(parameters.get(prefix + "name"), parameters.get(prefix + "termMonths"),
                        parameters.get(prefix + "compositeYield")));
            }
            return new ReportForm(parameters.get("period"), parameters.get("loanBalance"),
                    parameters.get("newLending"), parameters.get("lenders"), parameters.get("borrowers"),
                    parameters.get("overdueAmount"), parameters.get("overdueRate"), parameters.get("reason"),
                    List.copyOf(products));
        }

        /** The rows the user filled in, in order: what is sent as {@code products}. */
        List<Integer> filledRows() {
            List<Integer> filled = new ArrayList<>();
            for (int row = 0; row < products.size(); row++) {
                if (!products.get(row).blank()) {
                    filled.add(row);
                }
            }
            return filled;
        }

        Reports.Submission submission() {
            List<Reports.ProductSubmission> sent = filledRows().stream().map(products::get)
                    .map(p -> new Reports.ProductSubmission(Entered.text(p.name()), wholeNumber(p.termMonths()),
                            number(p.compositeYield())))
                    .toList();
            return new Reports.Submission(Entered.text(period), number(loanBalance), wholeNumber(lenders),
                    wholeNumber(borrowers), number(newLending), sent.isEmpty() ? null : sent, number(overdueAmount),
                    number(overdueRate), Entered.text(reason));
        }

        /**
         * The problem with the refused fields as the form names them: {@code products[0]} of what was sent is the
         * first filled row of the form, which may be another.
         */
        ApiProblem inRowsOfTheForm(ApiProblem problem) {
            List<Integer> filled = filledRows();
            List<ApiProblem.FieldError> errors = problem.errors().stream().map(error -> {
                Matcher product = PRODUCT_FIELD.matcher(String.valueOf(error.field()));
                if (product.matches() && Integer.parseInt(product.group(1)) < filled.size()) {
                    return new ApiProblem.FieldError("products[" + filled.get(Integer.parseInt(product.group(1))) + "]"
                            + product.group(2), error.message());
                }
                return error;
            }).toList();
            return problem.withErrors(errors);
        }
    }

    record ProductRow(String name, String termMonths, String compositeYield) {

        boolean blank() {
            return Entered.text(name) == null && Entered.text(termMonths) == null && Entered.text(compositeYield) == null;
        }
    }
}
