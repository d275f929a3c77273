package cn.p2psupervision.portal.publicsite;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import cn.p2psupervision.portal.web.Entered;

/**
 * The public pages, without login (AUTH-06): the institutions under public notice (公示) and the filed institutions
 * (备案登记), searchable by a part of the name or of the credit code.
 */
@Controller
class PublicController {

    private final PublicApi api;

    PublicController(PublicApi api) {
        this.api = api;
    }

    @GetMapping({"/public", "/public/"})
    String index() {
        return "redirect:/public/notices";
    }

    @GetMapping("/public/notices")
    String notices(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        String search = Entered.text(q);
        model.addAttribute("q", search);
        model.addAttribute("notices", api.notices(search, Math.max(page, 0)));
        model.addAttribute("pageUrl", pageUrl("/public/notices", search));
        return "public/notices";
    }

    @GetMapping("/public/filed")
    String filed(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        String search = Entered.text(q);
        model.addAttribute("q", search);
        model.addAttribute("filed", api.filed(search, Math.max(page, 0)));
        model.addAttribute("pageUrl", pageUrl("/public/filed", search));
        return "public/filed";
    }

    /** The list's address with the search kept, to which the pager appends {@code page=n}. */
    private static String pageUrl(String path, String q) {
        if (q == null) {
            return path + "?page=";
        }
        return UriComponentsBuilder.fromPath(path).queryParam("q", "{q}").encode().buildAndExpand(q).toUriString()
                + "&page=";
    }

}
