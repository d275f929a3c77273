package cn.p2psupervision.portal.institution;

import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import cn.p2psupervision.portal.api.ApiProblem;
import cn.p2psupervision.portal.api.ApiProblemException;
import cn.p2psupervision.portal.api.ProblemMessages;

/**
 * The institution a form names by id or credit code (a risk event, a risk signal, an acceptance case), looked up in
 * the registry as the user: found, it is put on the page ({@code institutionFile}) to show its name beside the field;
 * unknown, out of the user's scope or not named, the refusal is put at the field ({@code institutionProblem}) and
 * nothing is sent.
 */
@Component
public class InstitutionField {

    private final RegistryApi registry;
    private final ProblemMessages problems;

    InstitutionField(RegistryApi registry, ProblemMessages problems) {
        this.registry = registry;
        this.problems = problems;
    }

    /** The institution entered; empty (the refusal at the field) when there is none the user may read. */
    public Optional<Institutions.File> lookUp(String entered, Model model, Locale locale) {
        try {
            if (entered == null || entered.isBlank()) {
                throw new ApiProblemException(ApiProblem.ofStatus(404));
            }
            Institutions.File file = registry.file(entered.strip());
            model.addAttribute("institutionFile", file);
            return Optional.of(file);
        } catch (ApiProblemException unknown) {
            model.addAttribute("institutionProblem", problems.describe(unknown.problem(), locale));
            return Optional.empty();
        }
    }

    /** A form opened from a file names its institution already; opened empty, there is nothing to look up yet. */
    public Optional<Institutions.File> prefill(String entered, Model model, Locale locale) {
        return entered == null || entered.isBlank() ? Optional.empty() : lookUp(entered, model, locale);
    }
}
