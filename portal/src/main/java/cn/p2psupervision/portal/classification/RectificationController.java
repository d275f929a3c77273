package cn.p2psupervision.portal.classification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.p2psupervision.portal.api.ApiProblemException;
import cn.p2psupervision.portal.web.Entered;

/**
 * The rectification order (整改通知书, CLS-08) from an institution's file: the registration province issues the order
 * of an approved rectification decision (the findings to rectify, each with its requirement), reports the violating
 * stock of its items and records an item's completion; the last two send the version the page showed
 * ({@code If-Match}). Rows left blank are not sent; a refusal names the rows of the form.
 */
@Controller
class RectificationController {

    /** The most rows a form reads (the service takes at most 100 items). */
    static final int MAX_ROWS = 100;

    private final ClassificationApi api;
    private final FileActs acts;

    RectificationController(ClassificationApi api, FileActs acts) {
        this.api = api;
        this.acts = acts;
    }

    /** The findings whose requirement is filled in, in the form's order, become the order's items. */
    @PostMapping("/institutions/{id}/rectification-order")
    String issue(@PathVariable String id, @RequestParam MultiValueMap<String, String> form,
                 Authentication authentication, Model model, Locale locale, RedirectAttributes redirect) {
        List<Integer> rows = new ArrayList<>();
        List<ClassificationApi.OrderItem> items = new ArrayList<>();
        for (int row = 0; row < MAX_ROWS && form.containsKey("items[" + row + "].findingId"); row++) {
            String requirement = Entered.field(form, "items[" + row + "].requirement");
            if (requirement != null) {
                rows.add(row);
                items.add(new ClassificationApi.OrderItem(Entered.field(form, "items[" + row + "].findingId"),
                        requirement));
            }
        }
        try {
            Rectification.Order issued = api.issueRectificationOrder(id, new ClassificationApi.OrderBody(
                    Entered.field(form, "issuedOn"), Entered.field(form, "deadline"), items));
            return done(redirect, "issued", issued, null);
        } catch (ApiProblemException refused) {
            return acts.refused(id, "issueOrder", null, FileActs.inRowsOfTheForm(refused.problem(), rows), form,
                    authentication, model, locale);
        }
    }

    /** The stock of the items whose amount is filled in, as of a day. */
    @PostMapping("/institutions/{id}/rectification-order/stock-reports")
    String report(@PathVariable String id, @RequestParam long version,
                  @RequestParam MultiValueMap<String, String> form, Authentication authentication, Model model,
                  Locale locale, RedirectAttributes redirect) {
        List<Integer> rows = new ArrayList<>();
        List<ClassificationApi.StockFigure> figures = new ArrayList<>();
        for (int row = 0; row < MAX_ROWS && form.containsKey("items[" + row + "].number"); row++) {
            Object amount = FileActs.amount(form, "items[" + row + "].amount");
            Integer number = number(Entered.field(form, "items[" + row + "].number"));
            if (amount != null && number != null) {
                rows.add(row);
                figures.add(new ClassificationApi.StockFigure(number, amount));
            }
        }
        try {
            Rectification.Order reported = api.reportStock(id, new ClassificationApi.StockReportBody(
                    Entered.field(form, "asOf"), figures), version);
            return done(redirect, "reported", reported, null);
        } catch (ApiProblemException refused) {
            return acts.refused(id, "stockReport", null, FileActs.inRowsOfTheForm(refused.problem(), rows), form,
                    authentication, model, locale);
        }
    }

    /** An open item is rectified: the day and how. */
    @PostMapping("/institutions/{id}/rectification-order/completion")
    String complete(@PathVariable String id, @RequestParam long version, @RequestParam int item,
                    @RequestParam MultiValueMap<String, String> form, Authentication authentication, Model model,
                    Locale locale, RedirectAttributes redirect) {
        try {
            Rectification.Order completed = api.completeItem(id, item, new ClassificationApi.CompletionBody(
                    Entered.field(form, "completedOn"), Entered.field(form, "note")), version);
            return done(redirect, "completed", completed, item);
        } catch (ApiProblemException refused) {
            return acts.refused(id, "completeItem", String.valueOf(item), refused.problem(), form, authentication,
                    model, locale);
        }
    }

    private static String done(RedirectAttributes redirect, String act, Rectification.Order order, Integer item) {
        redirect.addFlashAttribute("orderDone", act);
        redirect.addFlashAttribute("orderVersion", order == null ? "" : order.version());
        redirect.addFlashAttribute("orderItem", item == null ? "" : item);
        return "redirect:/institutions/{id}";
    }

    private static Integer number(String text) {
        return text != null && text.matches("\\d{1,4}") ? Integer.valueOf(text) : null;
    }
}
