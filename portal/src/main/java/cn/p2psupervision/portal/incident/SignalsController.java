package cn.p2psupervision.portal.incident;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import cn.p2psupervision.portal.api.ApiProblemException;
import cn.p2psupervision.portal.api.PageOf;
import cn.p2psupervision.portal.api.ProblemMessages;
import cn.p2psupervision.portal.institution.Institutions;
import cn.p2psupervision.portal.institution.InstitutionField;
import cn.p2psupervision.portal.institution.RegistryApi;
import cn.p2psupervision.portal.web.Formats;
import cn.p2psupervision.portal.web.Entered;

/**
 * 风险信息 (INC-01): the signals the user may read, all, not yet linked to an event or linked, of one institution
 * when asked; one signal with the institutions it names; and the form on which a provincial officer or head records
 * one (central reads and records none: the API refuses it, and the page offers no form). The institution is looked up
 * in the registry first, by credit code or id, so that one out of scope is refused at its field; the time it was seen
 * is entered in Beijing time and sent with its offset.
 */
@Controller
class SignalsController {

    private static final DateTimeFormatter LOCAL_MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");

    private final IncidentApi api;
    private final RegistryApi registry;
    private final InstitutionField institutions;
    private final ProblemMessages problems;
    private final Clock clock;

    SignalsController(IncidentApi api, RegistryApi registry, InstitutionField institutions, ProblemMessages problems,
                      Clock clock) {
        this.api = api;
        this.registry = registry;
        this.institutions = institutions;
        this.problems = problems;
        this.clock = clock;
    }

    /** {@code linked}: {@code false} not yet linked, {@code true} linked, anything else both. */
    @GetMapping("/incidents/signals")
    String list(@RequestParam(required = false) String linked, @RequestParam(required = false) String institutionId,
                @RequestParam(defaultValue = "0") int page, Model model) {
        Boolean byLinked = "true".equals(linked) ? Boolean.TRUE : "false".equals(linked) ? Boolean.FALSE : null;
        String byInstitution = Entered.text(institutionId);
        PageOf<Signals.Signal> signals = api.signals(byLinked, byInstitution, Math.max(page, 0));
        model.addAttribute("linked", byLinked == null ? null : byLinked.toString());
        model.addAttribute("institutionId", byInstitution);
        model.addAttribute("signals", signals);
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/incidents/signals");
        if (byLinked != null) {
            url.queryParam("linked", byLinked);
        }
        if (byInstitution != null) {
            url.queryParam("institutionId", byInstitution);
        }
        String base = url.encode().build().toUriString();
        model.addAttribute("pageUrl", base + (base.contains("?") ? "&" : "?") + "page=");
        return "incidents/signals";
    }

    @GetMapping("/incidents/signals/new")
    String form(@RequestParam(required = false) String institution, Model model, Locale locale) {
        Form form = new Form(institution, null, null, LocalDateTime.now(clock.withZone(Formats.BEIJING))
                .truncatedTo(ChronoUnit.MINUTES).format(LOCAL_MINUTES), null);
        institutions.prefill(institution, model, locale);
        return show(form, model);
    }

    /** One signal, the institutions it names by name where the registry gives it (each is in the reader's scope). */
    @GetMapping("/incidents/signals/{id}")
    String signal(@PathVariable String id, Model model) {
        Signals.Signal signal = api.signal(id);
        List<Signals.Named> institutions = new ArrayList<>();
        for (String institutionId : signal.institutionIds()) {
            institutions.add(named(institutionId));
        }
        model.addAttribute("signal", signal);
        model.addAttribute("institutions", institutions);
        return "incidents/signal";
    }

    @PostMapping("/incidents/signals")
    String record(@RequestParam(required = false) String institution, @RequestParam(required = false) String type,
                  @RequestParam(required = false) String source, @RequestParam(required = false) String observedAt,
                  @RequestParam(required = false) String description, Model model, Locale locale,
                  RedirectAttributes redirect) {
        Form form = new Form(institution, type, source, observedAt, description);
        Institutions.File file = institutions.lookUp(institution, model, locale).orElse(null);
        if (file == null) {
            return show(form, model);
        }
        try {
            Signals.Signal recorded = api.recordSignal(new Signals.Draft(Entered.text(type), List.of(file.id()),
                    Entered.text(source), beijing(Entered.text(observedAt)), Entered.text(description)));
            redirect.addFlashAttribute("signalDone", "recorded");
            return "redirect:/incidents/signals/" + recorded.id();
        } catch (ApiProblemException refused) {
            model.addAttribute("refusal", problems.describe(refused.problem(), locale));
            return show(form, model);
        }
    }

    private String show(Form form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("signalTypes", Signals.TYPES);
        model.addAttribute("now", LocalDateTime.now(clock.withZone(Formats.BEIJING)).truncatedTo(ChronoUnit.MINUTES)
                .format(LOCAL_MINUTES));
        return "incidents/new-signal";
    }

    private Signals.Named named(String institutionId) {
        try {
            Institutions.File file = registry.file(institutionId);
            return new Signals.Named(institutionId, file.name(), file.registeredProvince());
        } catch (ApiProblemException unreadable) {
            return new Signals.Named(institutionId, null, null);
        }
    }

    /**
     * A time entered in Beijing time ({@code 2018-03-01T08:30}) as the API reads it,
     * {@code 2018-03-01T08:30:00+08:00}; anything else as entered, for the API to refuse in words.
     */
    static String beijing(String local) {
        if (local == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(local).atZone(Formats.BEIJING).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException notATime) {
            return local;
        }
    }

    /** What the officer entered, shown again after a refusal; {@code observedAt} as the browser sends it. */
    record Form(String institution, String type, String source, String observedAt, String description) {
    }
}
