package cn.p2psupervision.portal.central;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.p2psupervision.portal.acceptance.AcceptanceApi;
import cn.p2psupervision.portal.acceptance.CustodyBanks;
import cn.p2psupervision.portal.api.ApiProblemException;
import cn.p2psupervision.portal.api.FieldErrors;
import cn.p2psupervision.portal.api.ProblemMessages;
import cn.p2psupervision.portal.classification.CampaignData;
import cn.p2psupervision.portal.classification.ClassificationApi;
import cn.p2psupervision.portal.incident.IncidentApi;
import cn.p2psupervision.portal.incident.Watch;
import cn.p2psupervision.portal.security.PortalUser;
import cn.p2psupervision.portal.web.Entered;

/**
 * The central office's data (AUTH-03): the campaign schedule (整治工作时间安排, CLS-10), the screening and monitoring
 * thresholds (CLS-04, INC-11) and the custody-bank whitelist (存管银行白名单, ACC-15). Every regulator reads them with
 * their history; central changes them with a written reason, based on the version the page showed
 * ({@code If-Match}). A refusal re-renders the page read now, with the message at the form, the refused members at
 * their fields and the user's entries kept (a stale version: the page now shows the current values and version, so
 * sending again redoes the change on them).
 */
@Controller
class CentralDataController {

    private final ClassificationApi classification;
    private final IncidentApi incidents;
    private final AcceptanceApi acceptance;
    private final ProblemMessages problems;

    CentralDataController(ClassificationApi classification, IncidentApi incidents, AcceptanceApi acceptance,
                          ProblemMessages problems) {
        this.classification = classification;
        this.incidents = incidents;
        this.acceptance = acceptance;
        this.problems = problems;
    }

    @ModelAttribute("fieldErrors")
    FieldErrors noFieldErrors() {
        return FieldErrors.NONE;
    }

    // --- campaign schedule (CLS-10)

    @GetMapping("/central/schedule")
    String schedule(Authentication authentication, Model model) {
        showSchedule(PortalUser.of(authentication), model);
        return "central/schedule";
    }

    @PostMapping("/central/schedule")
    String changeSchedule(@RequestParam(name = "milestone", required = false) List<String> milestones,
                          @RequestParam(name = "dueOn", required = false) List<String> dates,
                          @RequestParam(required = false) String reason, @RequestParam long version,
                          Authentication authentication, Model model, Locale locale, RedirectAttributes redirect) {
        List<ClassificationApi.MilestoneDate> entered = new ArrayList<>();
        List<String> names = milestones == null ? List.of() : milestones;
        for (int i = 0; i < names.size(); i++) {
            entered.add(new ClassificationApi.MilestoneDate(names.get(i),
                    dates != null && i < dates.size() ? Entered.text(dates.get(i)) : null));
        }
        try {
            CampaignData.Schedule changed = classification.changeSchedule(entered, Entered.text(reason), version);
            return done(redirect, "schedule", changed.version(), null, "/central/schedule");
        } catch (ApiProblemException refused) {
            model.addAttribute("scheduleForm", new ScheduleForm(entered, reason));
            refused(model, "schedule", refused, locale);
            showSchedule(PortalUser.of(authentication), model);
            return "central/schedule";
        }
    }

    private void showSchedule(PortalUser user, Model model) {
        model.addAttribute("schedule", classification.schedule());
        model.addAttribute("history", classification.scheduleHistory());
        model.addAttribute("mayChange", user != null && user.isCentral());
    }

    // --- screening (CLS-04) and monitoring (INC-11) thresholds

    @GetMapping("/central/thresholds")
    String thresholds(Authentication authentication, Model model) {
        showThresholds(PortalUser.of(authentication), model);
        return "central/thresholds";
    }

    @PostMapping("/central/thresholds/screening")
    String changeScreening(@RequestParam(required = false) String expansionWindowMonths,
                           @RequestParam(required = false) String balanceGrowthRatio,
                           @RequestParam(required = false) String lenderGrowthRatio,
                           @RequestParam(required = false) String compositeYieldPercent,
                           @RequestParam(required = false) String reason, @RequestParam long version,
                           Authentication authentication, Model model, Locale locale, RedirectAttributes redirect) {
        try {
            CampaignData.ScreeningThresholds changed = classification.changeScreeningThresholds(
                    new ClassificationApi.ScreeningChange(Entered.wholeNumber(expansionWindowMonths),
                            Entered.text(balanceGrowthRatio), Entered.text(lenderGrowthRatio),
                            Entered.text(compositeYieldPercent), Entered.text(reason)), version);
            return done(redirect, "screening", changed.version(), null, "/central/thresholds");
        } catch (ApiProblemException refused) {
            model.addAttribute("screeningForm", new ScreeningForm(expansionWindowMonths, balanceGrowthRatio,
                    lenderGrowthRatio, compositeYieldPercent, reason));
            refused(model, "screening", refused, locale);
            showThresholds(PortalUser.of(authentication), model);
            return "central/thresholds";
        }
    }

    @PostMapping("/central/thresholds/monitoring")
    String changeMonitoring(@RequestParam(required = false) String overdueRateMax,
                            @RequestParam(required = false) String balanceFallMaxPercent,
                            @RequestParam(required = false) String lendersFallMaxPercent,
                            @RequestParam(required = false) String reason, @RequestParam long version,
                            Authentication authentication, Model model, Locale locale, RedirectAttributes redirect) {
        try {
            Watch.MonitoringThresholds changed = incidents.changeMonitoringThresholds(new IncidentApi.MonitoringChange(
                    Entered.text(overdueRateMax), Entered.text(balanceFallMaxPercent),
                    Entered.text(lendersFallMaxPercent), Entered.text(reason)), version);
            return done(redirect, "monitoring", changed.version(), null, "/central/thresholds");
        } catch (ApiProblemException refused) {
            model.addAttribute("monitoringForm", new MonitoringForm(overdueRateMax, balanceFallMaxPercent,
                    lendersFallMaxPercent, reason));
            refused(model, "monitoring", refused, locale);
            showThresholds(PortalUser.of(authentication), model);
            return "central/thresholds";
        }
    }

    private void showThresholds(PortalUser user, Model model) {
        model.addAttribute("screening", classification.screeningThresholds());
        model.addAttribute("screeningHistory", classification.screeningThresholdHistory());
        model.addAttribute("monitoring", incidents.monitoringThresholds());
        model.addAttribute("monitoringHistory", incidents.monitoringThresholdHistory());
        model.addAttribute("mayChange", user != null && user.isCentral());
    }

    // --- custody-bank whitelist (ACC-15)

    @GetMapping("/central/custody-banks")
    String custodyBanks(Authentication authentication, Model model) {
        showCustodyBanks(PortalUser.of(authentication), model);
        return "central/custody-banks";
    }

    /**
     * Adds a bank: the API takes the whole new list, made here from the list as it is now and sent as based on the
     * version the page showed, so a change made meanwhile is refused (412), never overwritten.
     */
    @PostMapping("/central/custody-banks/additions")
    String addBank(@RequestParam(required = false) String bank, @RequestParam(required = false) String reason,
                   @RequestParam long version, Authentication authentication, Model model, Locale locale,
                   RedirectAttributes redirect) {
        String name = bank == null ? "" : bank.strip();
        try {
            List<String> banks = new ArrayList<>(acceptance.custodyBanks().banks());
            banks.add(name);
            CustodyBanks changed = acceptance.changeCustodyBanks(banks, Entered.text(reason), version);
            return done(redirect, "bankAdded", changed.version(), name, "/central/custody-banks");
        } catch (ApiProblemException refused) {
            model.addAttribute("addForm", new BankForm(bank, reason));
            refused(model, "add", refused, locale);
            showCustodyBanks(PortalUser.of(authentication), model);
            return "central/custody-banks";
        }
    }

    /** Removes a bank, the same way as {@link #addBank}. */
    @PostMapping("/central/custody-banks/removals")
    String removeBank(@RequestParam(required = false) String bank, @RequestParam(required = false) String reason,
                      @RequestParam long version, Authentication authentication, Model model, Locale locale,
                      RedirectAttributes redirect) {
        try {
            List<String> banks = new ArrayList<>(acceptance.custodyBanks().banks());
            banks.remove(bank);
            CustodyBanks changed = acceptance.changeCustodyBanks(banks, Entered.text(reason), version);
            return done(redirect, "bankRemoved", changed.version(), bank, "/central/custody-banks");
        } catch (ApiProblemException refused) {
            model.addAttribute("removeForm", new BankForm(bank, reason));
            refused(model, "remove", refused, locale);
            showCustodyBanks(PortalUser.of(authentication), model);
            return "central/custody-banks";
        }
    }

    private void showCustodyBanks(PortalUser user, Model model) {
        model.addAttribute("whitelist", acceptance.custodyBanks());
        model.addAttribute("history", acceptance.custodyBankHistory());
        model.addAttribute("mayChange", user != null && user.isCentral());
    }

    // ---

    /** PRG: back to the page with the confirmation of what was done and the version it made. */
    private static String done(RedirectAttributes redirect, String what, long version, String name, String page) {
        redirect.addFlashAttribute("centralDone", what);
        redirect.addFlashAttribute("centralVersion", version);
        if (name != null) {
            redirect.addFlashAttribute("centralName", name);
        }
        return "redirect:" + page;
    }

    private void refused(Model model, String form, ApiProblemException refused, Locale locale) {
        model.addAttribute("refusedForm", form);
        model.addAttribute("refusal", problems.describe(refused.problem(), locale));
        model.addAttribute("fieldErrors", FieldErrors.of(refused.problem()));
    }

    /** The schedule as entered, shown again after a refusal. */
    record ScheduleForm(List<ClassificationApi.MilestoneDate> milestones, String reason) {

        public String dueOn(String milestone) {
            return milestones.stream().filter(m -> milestone.equals(m.milestone())).map(m -> m.dueOn())
                    .findFirst().orElse(null);
        }
    }

    record ScreeningForm(String expansionWindowMonths, String balanceGrowthRatio, String lenderGrowthRatio,
                         String compositeYieldPercent, String reason) {
    }

    record MonitoringForm(String overdueRateMax, String balanceFallMaxPercent, String lendersFallMaxPercent,
                          String reason) {
    }

    record BankForm(String bank, String reason) {
    }
}
