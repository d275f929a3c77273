package cn.p2psupervision.acceptance.cases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.p2psupervision.acceptance.classificationfacts.AcceptanceFacts;
import cn.p2psupervision.acceptance.custodybank.CustodyBankList;
import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.problem.ProblemType;
import cn.p2psupervision.platform.registryfeed.InstitutionReference;

/**
 * ACC-02: the eligibility gates of filing (不予备案的情形) [N 二(三), annexes 3, 5, 7, 8, 9], as a pure function of the
 * registry's facts (the projection), classification's facts, the case's checks and the custody-bank whitelist. Each
 * gate passes or fails with its reason in words:
 * <ul>
 *   <li>(a) established, or lending online, after {@value #CUT_OFF_TEXT};</li>
 *   <li>(b) not in the campaign from the start;</li>
 *   <li>(c) a red line (业务红线) or the single-borrower cap found after the cut-off, or violating stock (违规存量) not
 *       resolved: a finding of violating business with stock above zero, or an open rectification item;</li>
 *   <li>(d) real-estate down-payment (首付贷), campus (校园贷) or cash loans (现金贷) found after the cut-off;</li>
 *   <li>(e) the custody bank not on the whitelist (ACC-15): the bank the {@link CheckCode#CUSTODY_BANK} check found,
 *       before that check the registry's; the check recorded FAILED fails it too;</li>
 *   <li>(f)(g)(h) the checks of exchange cooperation, outsourcing, legal entity and branches recorded FAILED; at
 *       {@link Stage#OPENING} a check not made yet passes, at {@link Stage#FULL} each must be recorded PASSED.</li>
 * </ul>
 * Evaluated when a case opens ({@link Stage#OPENING}) and again at a passed conclusion and before filing
 * ({@link Stage#FULL}). Plain Java, no clock: the cut-off is the regulation's date.
 */
public final class AcceptanceGates {

    /** 2016-08-24: the day the interim measures (《网络借贷信息中介机构业务活动管理暂行办法》) took effect. */
    public static final LocalDate CUT_OFF = LocalDate.of(2016, 8, 24);
    static final String CUT_OFF_TEXT = "2016-08-24";
    private static final Set<String> CAP_PROBLEMS = Set.of("BORROWER_CAP_EXCEEDED");
    private static final Set<String> RESTRICTED_LOANS = Set.of("REAL_ESTATE_FINANCING", "CAMPUS_LENDING", "CASH_LOAN");

    private AcceptanceGates() {
    }

    /** When the gates are evaluated. */
    public enum Stage {
        /** The case opens: only what is known before the checks. */
        OPENING,
        /** A passed conclusion, the filing, and the gates as a reader asks for them: every gate. */
        FULL
    }

    /** One gate: {@code ACC-02a} … {@code ACC-02h}, whether it passed and why. */
    public record Gate(String gate, boolean passed, String reason) {
    }

    /** The eight gates in order. */
    public record Report(Stage stage, List<Gate> gates) {

        public Report {
            gates = List.copyOf(gates);
        }

        public boolean passed() {
            return gates.stream().allMatch(Gate::passed);
        }

        public List<Gate> failed() {
            return gates.stream().filter(g -> !g.passed()).toList();
        }

        /**
         * ACC-02: nothing when every gate passed; otherwise 422 naming the first failed gate in {@code rule} and every
         * failed gate with its reason in {@code gates}.
         */
        public void require(String act) {
            List<Gate> failed = failed();
            if (failed.isEmpty()) {
                return;
            }
            Gate first = failed.get(0);
            List<Map<String, Object>> listed = failed.stream().map(g -> {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("gate", g.gate());
                line.put("reason", g.reason());
                return line;
            }).toList();
            throw new ProblemException(ProblemType.RULE_VIOLATION, act + " is refused by gate " + first.gate() + ": "
                    + first.reason() + (failed.size() > 1 ? " (and " + (failed.size() - 1) + " more gate(s))" : ""),
                    Map.of("rule", first.gate(), "gates", listed));
        }
    }

    public static Report evaluate(Stage stage, InstitutionReference institution, AcceptanceFacts facts,
                                  List<Check> checks, CustodyBankList whitelist) {
        Map<CheckCode, Check> byCode = new LinkedHashMap<>();
        for (Check check : checks) {
            byCode.put(check.code(), check);
        }
        return new Report(stage, List.of(
                establishment(institution),
                inScope(institution),
                violations(facts),
                restrictedLoans(facts),
                custody(institution, byCode.get(CheckCode.CUSTODY_BANK), whitelist),
                checked(stage, "ACC-02f", byCode.get(CheckCode.EXCHANGE_COOPERATION_ENDED),
                        "its cooperation with local financial exchanges (与地方交易所合作) has ended"),
                checked(stage, "ACC-02g", byCode.get(CheckCode.CORE_BUSINESS_NOT_OUTSOURCED),
                        "its core business is not outsourced (核心业务外包)"),
                checked(stage, "ACC-02h", byCode.get(CheckCode.LEGAL_ENTITY_AND_BRANCHES),
                        "it is a legal entity with all its branches reported (法人及分支机构)")));
    }

    /** (a) 2016-08-24 及以后成立或开展网贷业务的机构不予备案. */
    static Gate establishment(InstitutionReference institution) {
        LocalDate established = institution.establishedOn();
        LocalDate lending = institution.lendingStartedOn();
        if (established == null) {
            return new Gate("ACC-02a", false, "the registry states no day of establishment (成立日期): eligibility"
                    + " cannot be shown");
        }
        if (established.isAfter(CUT_OFF)) {
            return new Gate("ACC-02a", false, "established on " + established + ", after " + CUT_OFF_TEXT);
        }
        if (lending != null && lending.isAfter(CUT_OFF)) {
            return new Gate("ACC-02a", false, "started online lending (开展网贷业务) on " + lending + ", after "
                    + CUT_OFF_TEXT);
        }
        return new Gate("ACC-02a", true, "established on " + established
                + (lending == null ? "" : ", lending since " + lending) + ": not after " + CUT_OFF_TEXT);
    }

    /** (b) 未纳入本次专项整治的机构不予验收. */
    static Gate inScope(InstitutionReference institution) {
        return institution.inScope()
                ? new Gate("ACC-02b", true, "included in the campaign from the start (纳入专项整治)")
                : new Gate("ACC-02b", false, "not included in the campaign from the start (未纳入专项整治)");
    }

    /** (c) 2016-08-24 后仍违反 13 项禁止性行为或借款限额，或违规存量未化解. */
    static Gate violations(AcceptanceFacts facts) {
        List<String> problems = new ArrayList<>();
        for (AcceptanceFacts.Finding finding : facts.findings()) {
            boolean redLineOrCap = "RED_LINE".equals(finding.kind())
                    || finding.problemCode() != null && CAP_PROBLEMS.contains(finding.problemCode());
            if (redLineOrCap && finding.foundOn() != null && finding.foundOn().isAfter(CUT_OFF)) {
                problems.add(name(finding) + " found on " + finding.foundOn() + ", after " + CUT_OFF_TEXT);
            }
        }
        for (AcceptanceFacts.Finding finding : facts.findings()) {
            BigDecimal stock = finding.outstandingAmount();
            if (finding.violatingBusiness() && stock != null && stock.signum() > 0) {
                problems.add("violating stock (违规存量) of " + name(finding) + " not resolved: "
                        + stock.toPlainString() + " yuan");
            }
        }
        int open = facts.rectification().openItems();
        if (open > 0) {
            problems.add("the rectification order (整改通知书) has " + open + " open item(s)");
        }
        return problems.isEmpty()
                ? new Gate("ACC-02c", true, "no red line or borrower cap after " + CUT_OFF_TEXT
                        + " and no violating stock left")
                : new Gate("ACC-02c", false, String.join("; ", problems));
    }

    /** (d) 2016-08-24 后仍开展房地产首付贷、校园贷、现金贷业务. */
    static Gate restrictedLoans(AcceptanceFacts facts) {
        List<String> problems = new ArrayList<>();
        for (AcceptanceFacts.Finding finding : facts.findings()) {
            if (finding.problemCode() != null && RESTRICTED_LOANS.contains(finding.problemCode())
                    && finding.foundOn() != null
                    && finding.foundOn().isAfter(CUT_OFF)) {
                problems.add(name(finding) + " found on " + finding.foundOn() + ", after " + CUT_OFF_TEXT);
            }
        }
        return problems.isEmpty()
                ? new Gate("ACC-02d", true, "no real-estate down-payment, campus or cash loans after " + CUT_OFF_TEXT)
                : new Gate("ACC-02d", false, String.join("; ", problems));
    }

    /** (e) 存管银行不在通过存管测评的银行名单内. */
    static Gate custody(InstitutionReference institution, Check check, CustodyBankList whitelist) {
        if (check != null) {
            if (!check.passed()) {
                return new Gate("ACC-02e", false, "the custody check (资金存管) was recorded FAILED");
            }
            return listed(check.custodyBank(), "the custody check found", whitelist);
        }
        if (!institution.hasCustodyBank()) {
            return new Gate("ACC-02e", false, "the registry names no custody bank (未实行资金存管)");
        }
        return listed(institution.custodyBank(), "the registry names", whitelist);
    }

    private static Gate listed(String bank, String source, CustodyBankList whitelist) {
        if (bank == null || bank.isBlank()) {
            return new Gate("ACC-02e", false, source + " no custody bank (未实行资金存管)");
        }
        return whitelist.lists(bank)
                ? new Gate("ACC-02e", true, source + " " + bank + ", on the whitelist (version " + whitelist.version()
                        + ")")
                : new Gate("ACC-02e", false, source + " " + bank + ", not on the custody-bank whitelist (version "
                        + whitelist.version() + ", ACC-15)");
    }

    /** (f)(g)(h): the check recorded FAILED fails; at the full stage it must be recorded PASSED. */
    static Gate checked(Stage stage, String gate, Check check, String requirement) {
        if (check == null) {
            return stage == Stage.OPENING
                    ? new Gate(gate, true, "not checked yet: the joint team checks that " + requirement)
                    : new Gate(gate, false, "not checked: the joint team must check that " + requirement);
        }
        return check.passed()
                ? new Gate(gate, true, "checked: " + requirement)
                : new Gate(gate, false, "the check was recorded FAILED: not shown that " + requirement);
    }

    private static String name(AcceptanceFacts.Finding finding) {
        return finding.problemCode() + (finding.problemName() == null ? "" : " (" + finding.problemName() + ")");
    }
}
