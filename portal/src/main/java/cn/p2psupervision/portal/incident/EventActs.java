package cn.p2psupervision.portal.incident;

import java.util.List;
import java.util.stream.Stream;

import cn.p2psupervision.portal.security.PortalUser;

/**
 * Which acts on an event the logged-in user may do now, so that the page offers only those (docs/api.md section 6,
 * "Who may call"): the registration province's officers and heads lead an open event, the institution's signals linked
 * to it included (INC-01); only a head starts or ends the emergency plan (INC-05, AUTH-04); a business-place province
 * adds support notes (INC-09); central reads. The service decides again on every act.
 *
 * @param lead         an officer or head of the registration province, the event open
 * @param head         a head of the registration province, the event open
 * @param support      a business-place province (it reads the event without leading it), the event open
 * @param especiallyMajor the event is especially major: watcher, notification and reports apply (INC-04, INC-06)
 * @param interval     central, the event open and especially major: it sets the hours between follow-ups (INC-06)
 * @param measureKinds the measures that may be taken at the event's level (INC-07, INC-08)
 */
public record EventActs(boolean lead, boolean head, boolean support, boolean especiallyMajor, boolean interval,
                        List<String> measureKinds) {

    /** INC-07: containment, at any level. */
    static final List<String> CONTAINMENT = List.of("CONTROL_ACCOUNTS", "STOP_KEY_PERSONS_LEAVING", "SEAL_ASSETS",
            "PREVENT_CONTAGION", "UNIFIED_MESSAGING", "RIGHTS_PROTECTION_CHANNEL");
    /** INC-08: disposal, for major and especially major events only. */
    static final List<String> DISPOSAL = List.of("SELF_RESCUE_PLAN", "NEGOTIATED_REPAYMENT",
            "MERGER_OR_RESTRUCTURING", "TRANSFORMATION", "APP_AND_LICENCE_SHUTDOWN", "REFERRAL_TO_PUBLIC_SECURITY");
    static final List<String> LEVELS = List.of("ESPECIALLY_MAJOR", "MAJOR", "OTHER");
    static final List<String> EVENT_TYPES = List.of("OVERDUE_PAYMENT", "EXIT", "TRANSFORMATION", "SUSPENSION",
            "LOST_CONTACT", "ABSCONDING", "FRAUD_OR_ILLEGAL_FUNDRAISING", "GUARANTEE_INSURANCE", "LENDER_PETITION",
            "OTHER");
    /** INC-06: the three central offices the 2-hour notification goes to. */
    static final List<String> CENTRAL_OFFICES = List.of("P2P_RECTIFICATION_OFFICE",
            "INTERNET_FINANCE_RECTIFICATION_OFFICE", "ILLEGAL_FUNDRAISING_OFFICE");
    /** A measure in one of these states is finished and does not change (INC-07). */
    static final List<String> FINISHED = List.of("DONE", "ABANDONED");

    static EventActs of(Events.Event event, PortalUser user) {
        boolean open = "OPEN".equals(event.status());
        boolean provincial = user != null && user.isProvincial() && open;
        boolean lead = provincial && user.province().equals(event.registeredProvince());
        boolean especiallyMajor = "ESPECIALLY_MAJOR".equals(event.level());
        boolean disposal = especiallyMajor || "MAJOR".equals(event.level());
        List<String> kinds = disposal
                ? Stream.concat(CONTAINMENT.stream(), DISPOSAL.stream()).toList() : CONTAINMENT;
        boolean interval = user != null && user.isCentral() && open && especiallyMajor;
        return new EventActs(lead, lead && user.isHead(), provincial && !lead, especiallyMajor, interval, kinds);
    }

    /** Any form at all on the page. */
    public boolean any() {
        return lead || support || interval;
    }

    /** INC-05: a head starts the plan once the level is set; it runs until a head ends it. */
    public boolean mayStartPlan(Events.Event event) {
        return head && event.level() != null && event.plan() == null;
    }

    public boolean mayEndPlan(Events.Event event) {
        return head && event.plan() != null && event.plan().endedAt() == null;
    }

    /** INC-04: the watcher of an especially major event. */
    public boolean mayNameWatcher() {
        return lead && especiallyMajor;
    }

    /** INC-06: the notification of the three central offices, once. */
    public boolean mayNotify(Events.Event event) {
        return lead && especiallyMajor && event.notification() == null;
    }

    /** INC-06: the written report first, then follow-ups. */
    public boolean mayReport() {
        return lead && especiallyMajor;
    }

    /** INC-06: the kind of the next report: the written report until there is one, then follow-ups. */
    public String nextReportKind(Events.Event event) {
        return event.reports().stream().anyMatch(r -> "WRITTEN".equals(r.kind())) ? "FOLLOW_UP" : "WRITTEN";
    }

    /** INC-07: a measure not finished yet can be updated. */
    public boolean mayUpdate(Events.Measure measure) {
        return lead && measure.status() != null && !FINISHED.contains(measure.status());
    }

    /** The event closes (办结) once no plan runs (INC-05). */
    public boolean mayClose(Events.Event event) {
        return lead && (event.plan() == null || event.plan().endedAt() != null);
    }

    /**
     * Whether the page shows the form of that name now; a refusal of a form no longer shown (the event changed
     * meanwhile) is shown above the forms instead.
     */
    public boolean shows(String form, Events.Event event) {
        return switch (form) {
            case "level", "measure", "signals" -> lead;
            case "watcher" -> mayNameWatcher();
            case "planStart" -> mayStartPlan(event);
            case "planEnd" -> mayEndPlan(event);
            case "notification" -> mayNotify(event);
            case "report" -> mayReport();
            case "progress" -> true;
            case "support" -> support;
            case "closure" -> mayClose(event);
            case "interval" -> interval;
            default -> false;
        };
    }

    public List<String> levels() {
        return LEVELS;
    }

    public List<String> offices() {
        return CENTRAL_OFFICES;
    }
}
