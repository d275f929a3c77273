package cn.p2psupervision.portal.acceptance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.p2psupervision.portal.api.ApiProblem;
import cn.p2psupervision.portal.api.ApiProblemException;
import cn.p2psupervision.portal.api.ProblemMessages;
import cn.p2psupervision.portal.institution.InstitutionField;
import cn.p2psupervision.portal.security.PortalUser;
import cn.p2psupervision.portal.web.Entered;

/**
 * 发起整改验收 (ACC-01, ACC-02, ACC-06, ACC-13): the registration province opens an institution's acceptance case from
 * its file, with the kind of institution that sets the filing deadline, whether it is large or influential and the
 * entities split off from it. A refusal is shown in words above the form, a gate refusal with every failed gate, a
 * refused split-off entity at its row, what was entered kept.
 */
@Controller
class OpenCaseController {

    /** The rows of split-off entities the form offers. */
    static final int SPLIT_ROWS = 3;
    private static final Pattern SPLIT_FIELD = Pattern.compile("splitEntities\\[(\\d+)](.*)");

    private final AcceptanceApi api;
    private final InstitutionField institutions;
    private final ProblemMessages problems;

    OpenCaseController(AcceptanceApi api, InstitutionField institutions, ProblemMessages problems) {
        this.api = api;
        this.institutions = institutions;
        this.problems = problems;
    }

    @GetMapping("/acceptance/new")
    String form(@RequestParam(required = false) String institution, Authentication user, Model model,
                Locale locale) {
        return show(institution, Form.empty(institution), user, model, locale);
    }

    @PostMapping("/acceptance/new")
    String open(@RequestParam(required = false) String institution, @RequestParam(required = false) String complexity,
                @RequestParam(required = false) String largeOrInfluential,
                @RequestParam(name = "splitName", required = false) List<String> names,
                @RequestParam(name = "splitCreditCode", required = false) List<String> codes, Authentication user,
                Model model, Locale locale, RedirectAttributes redirect) {
        Form form = new Form(institution, complexity, largeOrInfluential != null, rows(names, codes));
        try {
            Cases.Case opened = api.open(new Cases.Opening(Entered.text(institution), Entered.text(complexity),
                    form.largeOrInfluential() ? Boolean.TRUE : null, form.sent()));
            redirect.addFlashAttribute("caseDone", "opened");
            redirect.addFlashAttribute("caseVersion", opened.version());
            return "redirect:/acceptance/" + opened.institutionId();
        } catch (ApiProblemException refused) {
            ApiProblem problem = form.inRowsOfTheForm(refused.problem());
            model.addAttribute("refusal", problems.describe(problem, locale));
            model.addAttribute("refusedStatus", problem.status());
            model.addAttribute("rowProblems", form.rowProblems(problem));
            return show(institution, form, user, model, locale);
        }
    }

    private String show(String institution, Form form, Authentication user, Model model, Locale locale) {
        model.addAttribute("form", form);
        model.addAttribute("complexities", CaseActs.COMPLEXITIES);
        if (!model.containsAttribute("rowProblems")) {
            model.addAttribute("rowProblems", Map.of());
        }
        institutions.prefill(institution, model, locale).ifPresent(file -> {
            PortalUser portalUser = PortalUser.of(user);
            model.addAttribute("mayOpen", portalUser != null && portalUser.isProvincial()
                    && portalUser.province().equals(file.registeredProvince()));
        });
        return "acceptance/new";
    }

    private static List<Row> rows(List<String> names, List<String> codes) {
        List<Row> rows = new ArrayList<>();
        int count = Math.max(SPLIT_ROWS, Math.max(size(names), size(codes)));
        for (int i = 0; i < count; i++) {
            rows.add(new Row(at(names, i), at(codes, i)));
        }
        return rows;
    }

    private static int size(List<String> list) {
        return list == null ? 0 : list.size();
    }

    private static String at(List<String> list, int i) {
        return list == null || i >= list.size() ? null : list.get(i);
    }

    /** A row of the split-off entities as entered. */
    record Row(String name, String creditCode) {

        boolean blank() {
            return Entered.text(name) == null && Entered.text(creditCode) == null;
        }
    }

    /** What the officer entered, shown again after a refusal. */
    record Form(String institution, String complexity, boolean largeOrInfluential, List<Row> rows) {

        static Form empty(String institution) {
            return new Form(institution, null, false, OpenCaseController.rows(null, null));
        }

        /** The rows filled in, as the service receives them (a blank row is not sent). */
        List<Cases.SplitEntity> sent() {
            return rows.stream().filter(r -> !r.blank())
                    .map(r -> new Cases.SplitEntity(Entered.text(r.name()), Entered.text(r.creditCode()))).toList();
        }

        /** The form rows of what was sent: {@code splitEntities[0]} is the first filled row, which may be another. */
        List<Integer> filledRows() {
            List<Integer> filled = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (!rows.get(i).blank()) {
                    filled.add(i);
                }
            }
            return filled;
        }

        /** The problem with the refused split-off entities named by the rows of the form, counted from 1. */
        ApiProblem inRowsOfTheForm(ApiProblem problem) {
            List<Integer> filled = filledRows();
            return problem.withErrors(problem.errors().stream().map(error -> {
                Matcher split = SPLIT_FIELD.matcher(String.valueOf(error.field()));
                if (split.matches() && Integer.parseInt(split.group(1)) < filled.size()) {
                    return new ApiProblem.FieldError("splitEntities[" + (filled.get(Integer.parseInt(
                            split.group(1))) + 1) + "]" + split.group(2), error.message());
                }
                return error;
            }).toList());
        }

        /** What was refused of each row (0-based), for the row's fields. */
        Map<Integer, String> rowProblems(ApiProblem inRows) {
            Map<Integer, String> byRow = new TreeMap<>();
            for (ApiProblem.FieldError error : inRows.errors()) {
                Matcher split = SPLIT_FIELD.matcher(String.valueOf(error.field()));
                if (split.matches()) {
                    byRow.merge(Integer.parseInt(split.group(1)) - 1, String.valueOf(error.message()),
                            (first, next) -> first + "; " + next);
                }
            }
            return byRow;
        }
    }
}
