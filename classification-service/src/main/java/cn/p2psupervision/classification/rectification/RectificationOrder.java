package cn.p2psupervision.classification.rectification;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import cn.p2psupervision.classification.catalogue.ProblemCatalogue;
import cn.p2psupervision.classification.catalogue.ProblemDefinition;
import cn.p2psupervision.classification.decision.Decision;
import cn.p2psupervision.classification.finding.Finding;
import cn.p2psupervision.classification.proposal.Category;
import cn.p2psupervision.platform.problem.InvalidInputException;
import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.problem.RuleViolationException;
import cn.p2psupervision.platform.security.Actor;

/**
 * A rectification order (整改通知书, CLS-08): what an institution classified for rectification must rectify — items
 * linked to its findings — and by which day. From the day of the order its violating stock must keep falling and no
 * new violating business may appear [001 annex 7]: the successive stock reports are compared item by item, and a rise
 * is recorded as an alert by the report that shows it. The order is overdue once its deadline has passed with an item
 * still open.
 *
 * <p>One order per decision round ({@link #idOf}). An order never changes in place: a stock report or a completion
 * returns its next version, and earlier reports are never changed. Time is a parameter, never read from a clock here:
 * "today" is the day of {@code at} in China (Asia/Shanghai).
 *
 * @param round        the round of the approved rectification decision the order follows (CLS-07)
 * @param stockReports every report, oldest first
 * @param alerts       every rise of stock, in the order they were found
 * @param version      1 when issued, one more with each change: the ETag of the order
 */
public record RectificationOrder(String id, String institutionId, String registeredProvince, int round,
                                 LocalDate issuedOn, LocalDate deadline, List<RectificationItem> items,
                                 List<StockReport> stockReports, List<StockAlert> alerts, long version,
                                 Actor issuedBy, Instant issuedAt, Instant updatedAt) {

    public static final String RULE = "CLS-08";
    public static final int MAX_ITEMS = 100;
    public static final int MAX_TEXT = 2000;
    /** Money: at most 15 digits before the point (docs/api.md, input rules). */
    public static final int MAX_YUAN_DIGITS = 15;
    private static final ZoneId CHINA = Finding.CHINA;

    public RectificationOrder {
        items = items == null ? List.of() : List.copyOf(items);
        stockReports = stockReports == null ? List.of() : List.copyOf(stockReports);
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
    }

    /** {@code O-<institutionId>-<round>}: one order per decision round. */
    public static String idOf(String institutionId, int round) {
        return "O-" + institutionId + "-" + round;
    }

    /**
     * CLS-08: only an institution whose current decision is approved with the category rectification (整改类) gets
     * an order; otherwise 422 saying why.
     */
    public static void requireRectification(String institutionId, Decision decision) {
        if (decision == null) {
            throw new RuleViolationException(RULE, "Institution " + institutionId + " has no classification decision;"
                    + " a rectification order follows an approved decision of category RECTIFICATION (整改类)");
        }
        if (decision.category() != Category.RECTIFICATION) {
            throw new RuleViolationException(RULE, "The decision on " + institutionId + " (round " + decision.round()
                    + ") is " + decision.category() + " (" + decision.category().chinese() + "); only a decision of"
                    + " category RECTIFICATION (整改类) gets a rectification order");
        }
        if (!decision.approved()) {
            throw new RuleViolationException(RULE, "The rectification decision on " + institutionId + " (round "
                    + decision.round() + ") is " + decision.state() + ", not approved; an order follows the approval"
                    + " by a head of the province (AUTH-04)");
        }
    }

    /**
     * CLS-08: issues the order of the decision's round. Every item names an active finding of the institution, once;
     * its problem and, for violating business, its outstanding amount (the baseline stock) are copied from the
     * finding. The order is dated no later than today and no earlier than the day the decision was approved; its
     * deadline lies after its date.
     */
    public static RectificationOrder issue(String institutionId, String registeredProvince, Decision decision,
                                           LocalDate issuedOn, LocalDate deadline, List<OrderedItem> ordered,
                                           List<Finding> findings, ProblemCatalogue catalogue, Actor by,
                                           Instant at) {
        Objects.requireNonNull(at, "at");
        required(issuedOn, "issuedOn");
        required(deadline, "deadline");
        if (ordered == null || ordered.isEmpty() || ordered.size() > MAX_ITEMS) {
            throw new InvalidInputException("items", "must list 1 to " + MAX_ITEMS + " items to rectify", RULE);
        }
        List<String> requirements = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            OrderedItem item = ordered.get(i);
            String member = "items[" + i + "]";
            if (item == null) {
                throw new InvalidInputException(member, "must be an item with findingId and requirement", RULE);
            }
            if (item.findingId() == null || item.findingId().isBlank()) {
                throw new InvalidInputException(member + ".findingId", "is required", RULE);
            }
            requirements.add(text(item.requirement(), member + ".requirement",
                    "must say what is to be rectified (整改要求)"));
        }
        requireRectification(institutionId, decision);
        LocalDate today = LocalDate.ofInstant(at, CHINA);
        if (issuedOn.isAfter(today)) {
            throw new RuleViolationException(RULE, "A rectification order cannot be issued on " + issuedOn
                    + ", after today (" + today + ")");
        }
        LocalDate approvedOn = decision.approvedAt() == null ? null : LocalDate.ofInstant(decision.approvedAt(), CHINA);
        if (approvedOn != null && issuedOn.isBefore(approvedOn)) {
            throw new RuleViolationException(RULE, "A rectification order follows the decision approved on "
                    + approvedOn + "; it cannot be issued on " + issuedOn);
        }
        if (!deadline.isAfter(issuedOn)) {
            throw new RuleViolationException(RULE, "The deadline " + deadline + " must lie after the day of the order ("
                    + issuedOn + ")");
        }
        Map<String, Finding> byId = new HashMap<>();
        for (Finding finding : findings) {
            if (institutionId.equals(finding.institutionId())) {
                byId.put(finding.id(), finding);
            }
        }
        Set<String> listed = new HashSet<>();
        List<RectificationItem> items = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            String findingId = ordered.get(i).findingId().strip();
            Finding finding = byId.get(findingId);
            if (finding == null || !finding.isActive()) {
                throw new RuleViolationException(RULE, "Item " + (i + 1) + ": " + quote(findingId)
                        + " is not an active finding of institution " + institutionId);
            }
            if (!listed.add(findingId)) {
                throw new RuleViolationException(RULE, "Item " + (i + 1) + ": finding " + findingId
                        + " is listed twice; an order lists each finding once");
            }
            ProblemDefinition problem = catalogue.get(finding.problemCode());
            BigDecimal baseline = problem.violatingBusiness() ? finding.outstandingAmount() : null;
            items.add(new RectificationItem(i + 1, findingId, problem.code(), problem.name(), requirements.get(i),
                    baseline, null, null, null, null));
        }
        return new RectificationOrder(idOf(institutionId, decision.round()), institutionId, registeredProvince,
                decision.round(), issuedOn, deadline, items, List.of(), List.of(), 1, Objects.requireNonNull(by, "by"),
                at, at);
    }

    /**
     * CLS-08: a stock report (整改存量报告) as of {@code asOf}: the stock of items with a baseline (violating business),
     * each named once. The report is dated after the previous one, not before the order and not after today. A figure
     * above the item's previous one (its last report's, or its baseline for its first) records a
     * {@link StockAlert.Kind#STOCK_ROSE} alert with this report, in the same version.
     */
    public RectificationOrder report(LocalDate asOf, List<StockFigure> figures, Actor by, Instant at) {
        Objects.requireNonNull(at, "at");
        required(asOf, "asOf");
        if (figures == null || figures.isEmpty() || figures.size() > MAX_ITEMS) {
            throw new InvalidInputException("items", "must report the stock of 1 to " + MAX_ITEMS + " items", RULE);
        }
        List<StockReport.ReportedStock> reported = new ArrayList<>();
        Set<Integer> named = new HashSet<>();
        for (int i = 0; i < figures.size(); i++) {
            StockFigure figure = figures.get(i);
            String member = "items[" + i + "]";
            if (figure == null) {
                throw new InvalidInputException(member, "must be an item's number and amount", RULE);
            }
            if (figure.number() == null) {
                throw new InvalidInputException(member + ".number", "is required", RULE);
            }
            if (figure.amount() == null) {
                throw new InvalidInputException(member + ".amount", "is required", RULE);
            }
            BigDecimal amount = yuan(figure.amount(), member + ".amount");
            if (!named.add(figure.number())) {
                throw new InvalidInputException(member + ".number", "names item " + figure.number()
                        + " a second time; a report states each item once", RULE);
            }
            reported.add(new StockReport.ReportedStock(figure.number(), amount));
        }
        LocalDate today = LocalDate.ofInstant(at, CHINA);
        if (asOf.isAfter(today)) {
            throw new RuleViolationException(RULE, "A stock report cannot be as of " + asOf + ", after today ("
                    + today + ")");
        }
        if (asOf.isBefore(issuedOn)) {
            throw new RuleViolationException(RULE, "A stock report cannot be as of " + asOf
                    + ", before the order of " + issuedOn);
        }
        StockReport previous = stockReports.isEmpty() ? null : stockReports.get(stockReports.size() - 1);
        if (previous != null && !asOf.isAfter(previous.asOf())) {
            throw new RuleViolationException(RULE, "A stock report must be as of a day after the previous report's ("
                    + previous.asOf() + "), not " + asOf);
        }
        for (StockReport.ReportedStock figure : reported) {
            RectificationItem item = find(figure.item()).orElseThrow(() -> new RuleViolationException(RULE,
                    "Order " + id + " has no item " + figure.item() + " (its items are 1 to " + items.size() + ")"));
            if (!item.hasStock()) {
                throw new RuleViolationException(RULE, "Item " + item.number() + " (" + item.problemName()
                        + ") is not violating business: it has no stock to report");
            }
        }
        int number = stockReports.size() + 1;
        reported.sort(Comparator.comparingInt(StockReport.ReportedStock::item));
        List<StockAlert> raised = new ArrayList<>(alerts);
        for (StockReport.ReportedStock figure : reported) {
            RectificationItem item = find(figure.item()).orElseThrow();
            Stock before = latestReported(item.number())
                    .orElse(new Stock(item.baselineStock(), issuedOn, null));
            if (figure.amount().compareTo(before.amount()) > 0) {
                raised.add(new StockAlert(StockAlert.Kind.STOCK_ROSE, item.number(), item.findingId(),
                        item.problemCode(), before.amount(), before.asOf(), before.report(), figure.amount(), asOf,
                        number, at, "Item " + item.number() + " (" + item.problemName() + "): the violating stock rose"
                        + " from " + before.amount().toPlainString() + " (" + before.asOf()
                        + (before.report() == null ? ", baseline of the order" : ", report " + before.report())
                        + ") to " + figure.amount().toPlainString() + " (" + asOf + ", report " + number + ")"));
            }
        }
        List<StockReport> reports = new ArrayList<>(stockReports);
        reports.add(new StockReport(number, asOf, reported, Objects.requireNonNull(by, "by"), at));
        return new RectificationOrder(id, institutionId, registeredProvince, round, issuedOn, deadline, items, reports,
                raised, version + 1, issuedBy, issuedAt, at);
    }

    /**
     * CLS-08: item {@code number} is rectified on {@code completedOn} (not after today, not before the order). An item
     * with a baseline stock completes only when its latest reported stock is 0, and not before the day of that report.
     * An item completes once: completing it again is a conflict (409).
     */
    public RectificationOrder complete(int number, LocalDate completedOn, String note, Actor by, Instant at) {
        Objects.requireNonNull(at, "at");
        RectificationItem item = find(number).orElseThrow(() -> ProblemException.notFound("Item",
                number + " of rectification order " + id));
        if (item.completed()) {
            throw ProblemException.conflict("Item " + number + " of rectification order " + id
                    + " was completed on " + item.completedOn() + " already");
        }
        required(completedOn, "completedOn");
        String stated = text(note, "note", "must say how the item was rectified");
        LocalDate today = LocalDate.ofInstant(at, CHINA);
        if (completedOn.isAfter(today)) {
            throw new RuleViolationException(RULE, "An item cannot be completed on " + completedOn + ", after today ("
                    + today + ")");
        }
        if (completedOn.isBefore(issuedOn)) {
            throw new RuleViolationException(RULE, "An item cannot be completed on " + completedOn
                    + ", before the order of " + issuedOn);
        }
        if (item.hasStock()) {
            Stock latest = latestReported(number).orElseThrow(() -> new RuleViolationException(RULE, "Item " + number
                    + " (" + item.problemName() + ") is violating business and no stock has been reported for it;"
                    + " it completes when its reported stock is 0"));
            if (latest.amount().signum() != 0) {
                throw new RuleViolationException(RULE, "Item " + number + " (" + item.problemName()
                        + ") completes when its reported stock is 0; its latest report (" + latest.asOf() + ") shows "
                        + latest.amount().toPlainString());
            }
            if (completedOn.isBefore(latest.asOf())) {
                throw new RuleViolationException(RULE, "Item " + number + " cannot be completed on " + completedOn
                        + ", before the report of " + latest.asOf() + " that shows its stock at 0");
            }
        }
        List<RectificationItem> next = new ArrayList<>(items);
        next.set(items.indexOf(item), item.complete(completedOn, stated, Objects.requireNonNull(by, "by"), at));
        return new RectificationOrder(id, institutionId, registeredProvince, round, issuedOn, deadline, next,
                stockReports, alerts, version + 1, issuedBy, issuedAt, at);
    }

    /** The item with this number. */
    public Optional<RectificationItem> find(int number) {
        return items.stream().filter(item -> item.number() == number).findFirst();
    }

    /** The item's stock in its latest report; empty before its first (and for an item without stock). */
    public Optional<Stock> latestReported(int number) {
        for (int i = stockReports.size() - 1; i >= 0; i--) {
            StockReport report = stockReports.get(i);
            for (StockReport.ReportedStock figure : report.items()) {
                if (figure.item() == number) {
                    return Optional.of(new Stock(figure.amount(), report.asOf(), report.number()));
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the item's stock has risen at any report since the order: a broken obligation stays flagged. */
    public boolean stockRose(int number) {
        return alerts.stream().anyMatch(alert -> alert.item() == number);
    }

    /** The items not completed yet. */
    public int openItems() {
        return (int) items.stream().filter(item -> !item.completed()).count();
    }

    /** CLS-08: past its deadline ({@code today} after it) with an item still open. */
    public boolean overdue(LocalDate today) {
        return today.isAfter(deadline) && openItems() > 0;
    }

    /**
     * CLS-08: new violating business after the order [001 annex 7]: the active findings of this institution, of a
     * problem that is violating business, found after the day of the order and not items of it. Computed from the
     * findings as they are, so it shows at once.
     */
    public List<Finding> newViolatingBusiness(List<Finding> findings, ProblemCatalogue catalogue) {
        Set<String> listed = new HashSet<>();
        items.forEach(item -> listed.add(item.findingId()));
        return findings.stream()
                .filter(f -> institutionId.equals(f.institutionId()) && f.isActive() && f.foundOn() != null
                        && f.foundOn().isAfter(issuedOn) && !listed.contains(f.id()))
                .filter(f -> catalogue.find(f.problemCode()).map(ProblemDefinition::violatingBusiness).orElse(false))
                .sorted(Comparator.comparing(Finding::foundOn).thenComparing(Finding::id))
                .toList();
    }

    /**
     * An item's stock as of a day.
     *
     * @param report the report that stated it; null for the baseline of the order
     */
    public record Stock(BigDecimal amount, LocalDate asOf, Integer report) {
    }

    private static void required(Object value, String member) {
        if (value == null) {
            throw new InvalidInputException(member, "is required", RULE);
        }
    }

    private static String text(String value, String member, String whenMissing) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(member, whenMissing, RULE);
        }
        String stated = value.strip();
        if (stated.codePointCount(0, stated.length()) > MAX_TEXT) {
            throw new InvalidInputException(member, "must be at most " + MAX_TEXT + " characters long", RULE);
        }
        return stated;
    }

    /** Yuan with two decimals: at least 0, at most two decimals and {@value #MAX_YUAN_DIGITS} digits before the point. */
    private static BigDecimal yuan(BigDecimal amount, String member) {
        if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException(member, "must be an amount in yuan, at least 0, with at most two decimals",
                    RULE);
        }
        BigDecimal yuan = amount.setScale(2, RoundingMode.UNNECESSARY);
        if (yuan.precision() - yuan.scale() > MAX_YUAN_DIGITS) {
            throw new InvalidInputException(member, "must have at most " + MAX_YUAN_DIGITS
                    + " digits before the decimal point", RULE);
        }
        return yuan;
    }

    /** The value in quotes, cut to 64 characters: a message echoes input, never at any length. */
    private static String quote(String value) {
        return "\"" + (value.length() > 64 ? value.substring(0, 64) + "…" : value) + "\"";
    }
}
