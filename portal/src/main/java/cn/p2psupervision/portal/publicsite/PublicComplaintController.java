package cn.p2psupervision.portal.publicsite;

import java.util.Locale;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.p2psupervision.portal.api.ApiProblemException;
import cn.p2psupervision.portal.api.ProblemMessages;
import cn.p2psupervision.portal.web.Entered;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What the public does without an account (AUTH-06), through the public API only: complain against an institution
 * under notice (ACC-09; the receipt number and secret shown once), follow a complaint with them, and verify a
 * certificate by its code (ACC-11). Forms carry a CSRF token; a refusal of the API (400, 422, the rate limit's 429,
 * ACC-10) shows as a message at the form, what was entered kept.
 */
@Controller
class PublicComplaintController {

    private final PublicApi api;
    private final ProblemMessages problems;

    PublicComplaintController(PublicApi api, ProblemMessages problems) {
        this.api = api;
        this.problems = problems;
    }

    @GetMapping("/public/complaint")
    String complaintForm(@RequestParam(required = false) String creditCode,
                         @RequestParam(required = false) String name, Model model) {
        model.addAttribute("complaint", new ComplaintForm(creditCode, name, null, null));
        return "public/complaint";
    }

    @PostMapping("/public/complaint")
    String complain(@RequestParam(required = false) String creditCode, @RequestParam(required = false) String name,
                    @RequestParam(required = false) String text, @RequestParam(required = false) String contact,
                    HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
        ComplaintForm form = new ComplaintForm(creditCode, name, text, contact);
        try {
            PublicLists.Receipt receipt = api.complain(Entered.text(creditCode), text, Entered.text(contact),
                    forwardedFor(request));
            // the secret is shown this once: no cache may keep the page
            response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
            model.addAttribute("receipt", receipt);
            return "public/complaint-receipt";
        } catch (ApiProblemException refused) {
            model.addAttribute("complaint", form);
            model.addAttribute("refusal", problems.describe(refused.problem(), locale));
            return "public/complaint";
        }
    }

    @GetMapping("/public/complaint-status")
    String statusForm() {
        return "public/complaint-status";
    }

    /** Posted, not asked by address, so that the secret never lands in a URL, a log or the history. */
    @PostMapping("/public/complaint-status")
    String status(@RequestParam(required = false) String receiptNumber,
                  @RequestParam(required = false) String secret, HttpServletResponse response, Model model,
                  Locale locale) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        model.addAttribute("receiptNumber", receiptNumber);
        if (Entered.text(receiptNumber) == null || Entered.text(secret) == null) {
            model.addAttribute("refusalKey", "complaint.status.missing");
            return "public/complaint-status";
        }
        try {
            model.addAttribute("status", api.complaint(Entered.text(receiptNumber), Entered.text(secret)));
        } catch (ApiProblemException refused) {
            if (refused.status() == 404) {
                model.addAttribute("refusalKey", "complaint.status.notFound");
            } else {
                model.addAttribute("refusal", problems.describe(refused.problem(), locale));
            }
        }
        return "public/complaint-status";
    }

    @GetMapping("/public/certificates")
    String certificate(@RequestParam(required = false) String code, Model model, Locale locale) {
        String verificationCode = Entered.text(code);
        model.addAttribute("code", verificationCode);
        if (verificationCode == null) {
            return "public/certificate";
        }
        try {
            model.addAttribute("certificate", api.certificate(verificationCode));
        } catch (ApiProblemException refused) {
            if (refused.status() == 404) {
                model.addAttribute("refusalKey", "certificate.notFound");
            } else {
                model.addAttribute("refusal", problems.describe(refused.problem(), locale));
            }
        }
        return "public/certificate";
    }

    /**
     * The complainant's address for the rate limit (ACC-10), as a proxy passes it on: the {@code X-Forwarded-For}
     * the gateway wrote, with the portal's own peer appended. The complaint door reads it from the right, skipping
     * the platform's proxies, so what a client wrote on the left counts for nothing.
     */
    static String forwardedFor(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        String peer = request.getRemoteAddr();
        return forwarded == null || forwarded.isBlank() ? peer : forwarded.strip() + ", " + peer;
    }

    /** What the complainant entered, shown again after a refusal. */
    record ComplaintForm(String creditCode, String name, String text, String contact) {
    }
}
