package cn.p2psupervision.portal.institution;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import cn.p2psupervision.portal.classification.ClassificationSection;
import cn.p2psupervision.portal.security.PortalUser;

/**
 * The institution list with its filters, and an institution's file (一户一档), read-only, with its classification. What a user may see is the
 * registry's decision (AUTH-02/03): a file outside the user's scope is the registry's 404, shown as "not found or no
 * access" like an absent one.
 */
@Controller
class InstitutionController {

    /** The statuses the list filters by (REG-08), in the registry's order. */
    static final List<String> STATUSES = List.of("OPERATING", "SUSPENDED", "LOST_CONTACT", "ABSCONDED", "EXITED",
            "TRANSFORMED", "BANNED", "FILED");
    static final List<String> PROVINCES = List.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33",
            "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63",
            "64", "65");

    /** GB 32100-2015: 18 characters of digits and capitals but I, O, S, V, Z. */
    static final Pattern CREDIT_CODE = Pattern.compile("[0-9A-HJ-NP-RTUWXY]{18}");

    private final RegistryApi registry;
    private final ClassificationSection classification;

    InstitutionController(RegistryApi registry, ClassificationSection classification) {
        this.registry = registry;
        this.classification = classification;
    }

    /**
     * The list, searched across every province the user may read by name, by an actual controller (REG-04), or by a
     * unified social credit code, which goes straight to that file.
     */
    @GetMapping("/institutions")
    String list(@RequestParam(required = false) String province, @RequestParam(required = false) String status,
                @RequestParam(required = false) Boolean crossRegion, @RequestParam(required = false) String namePrefix,
                @RequestParam(required = false) String controller, @RequestParam(defaultValue = "0") int page,
                Model model) {
        if (namePrefix != null && CREDIT_CODE.matcher(namePrefix.strip()).matches()) {
            return "redirect:/institutions/" + namePrefix.strip();
        }
        InstitutionQuery query = new InstitutionQuery(province, status, crossRegion, namePrefix, controller, page);
        model.addAttribute("query", query);
        model.addAttribute("institutions", registry.list(query));
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("provinces", PROVINCES);
        return "institutions";
    }

    /** The file with its classification (分类处置, CLS-07) below it. */
    @GetMapping("/institutions/{id}")
    String file(@PathVariable String id, Authentication authentication, Model model, Locale locale) {
        Institutions.File file = registry.file(id);
        model.addAttribute("file", file);
        classification.addTo(model, file, PortalUser.of(authentication), locale);
        return "institution";
    }
}
