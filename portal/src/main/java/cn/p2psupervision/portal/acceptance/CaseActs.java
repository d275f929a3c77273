package cn.p2psupervision.portal.acceptance;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.p2psupervision.portal.security.PortalUser;

/**
 * Which acts on an acceptance case the logged-in user may do now, so that the page offers only those (docs/api.md
 * section 5, "Who may call", "The states of a case"): the registration province's officers and heads open the case,
 * keep the joint team and its checks, conclude, record the resumption, resolve complaints and file; its heads of the
 * financial office and the banking regulator co-sign the certificate (ACC-11, AUTH-04); a business-place province
 * answers its own opinion (ACC-16); central waives an opinion still asked (AUTH-03). The service decides again on
 * every act.
 *
 * @param acceptanceCase the case as the page shows it
 * @param complaints     the complaints against it (ACC-09)
 * @param lead           an officer or head of the registration province
 * @param central        the central regulator
 * @param province       the user's province, null for central
 * @param maySign        a head of a signing agency, the case under notice and that agency's signature missing
 */
public record CaseActs(Cases.Case acceptanceCase, List<Cases.Complaint> complaints, boolean lead, boolean central,
                       String province, boolean maySign) {

    /** The agencies whose heads co-sign the certificate (ACC-11). */
    static final List<String> SIGNING_AGENCIES = List.of("FINANCIAL_OFFICE", "BANKING_REGULATOR");
    /** ACC-03: the agencies of the joint team. */
    static final List<String> TEAM_AGENCIES = List.of("FINANCIAL_OFFICE", "BANKING_REGULATOR", "CENTRAL_BANK",
            "PUBLIC_SECURITY", "TELECOM", "MARKET_REGULATION", "THIRD_PARTY");
    /** ACC-04, ACC-05, ACC-02e..h: the checks by their requirement, in the service's order. */
    static final Map<String, List<String>> CHECK_GROUPS = groupedChecks();
    static final String CUSTODY_BANK = "CUSTODY_BANK";
    static final List<String> RESULTS = List.of("PASSED", "FAILED");
    /** ACC-07: the outcomes of a conclusion. */
    static final List<String> OUTCOMES = List.of("PASSED", "MUST_RESUME", "GUIDED_EXIT", "MERGER", "BANNING");
    static final List<String> BANNING_GROUNDS = List.of("NOT_COOPERATIVE", "SERIOUS_VIOLATIONS", "POLICE_INVOLVED",
            "LOST_CONTACT");
    /** ACC-13: the kinds of institution with the day each is to be filed by. */
    static final Map<String, LocalDate> COMPLEXITIES = complexities();

    static CaseActs of(Cases.Case acceptanceCase, List<Cases.Complaint> complaints, PortalUser user) {
        boolean provincial = user != null && user.isProvincial();
        boolean lead = provincial && user.province().equals(acceptanceCase.registeredProvince());
        boolean maySign = lead && user.isHead() && user.agency() != null && SIGNING_AGENCIES.contains(user.agency())
                && "ON_NOTICE".equals(acceptanceCase.state()) && acceptanceCase.signatureOf(user.agency()) == null;
        return new CaseActs(acceptanceCase, complaints, lead, user != null && user.isCentral(),
                provincial ? user.province() : null, maySign);
    }

    /** The case is under acceptance: its team, checks and opinions change only now. */
    public boolean open() {
        return "OPEN".equals(acceptanceCase.state());
    }

    /** ACC-03: a member joins or leaves the joint team. */
    public boolean mayKeepTeam() {
        return lead && open();
    }

    /** ACC-04, ACC-05: a check is recorded by a current member, so there must be one. */
    public boolean mayRecordCheck() {
        return mayKeepTeam() && !acceptanceCase.currentTeam().isEmpty();
    }

    /** ACC-03: a recorded check not yet cross-verified. */
    public boolean mayConfirmCheck() {
        return mayRecordCheck() && !acceptanceCase.unconfirmedChecks().isEmpty();
    }

    /** ACC-16: the officers and heads of that business place answer its opinion, again while the case is open. */
    public boolean mayAnswer(Cases.Opinion opinion) {
        return open() && province != null && province.equals(opinion.province()) && !lead
                && !"WAIVED".equals(opinion.state());
    }

    /** ACC-16, AUTH-03: central waives an opinion still asked. */
    public boolean mayWaive(Cases.Opinion opinion) {
        return central && open() && "ASKED".equals(opinion.state());
    }

    /** ACC-07 */
    public boolean mayConclude() {
        return lead && open();
    }

    /** ACC-07: the institution resumed normal operation. */
    public boolean mayResume() {
        return lead && "AWAITING_RESUMPTION".equals(acceptanceCase.state());
    }

    /** ACC-09: the registration province resolves each open complaint, once. */
    public boolean mayResolve(Cases.Complaint complaint) {
        return lead && "OPEN".equals(complaint.state());
    }

    /** ACC-12: the filing of a certified case. */
    public boolean mayFile() {
        return lead && "CERTIFIED".equals(acceptanceCase.state());
    }

    /**
     * Whether the page shows the form of that name ({@code item}: the member, province or complaint it is about)
     * now; the refusal of a form no longer shown (the case changed meanwhile) is shown above the case instead.
     */
    public boolean shows(String form, String item) {
        return switch (form) {
            case "team" -> mayKeepTeam();
            case "teamRemoval" -> mayKeepTeam() && acceptanceCase.currentTeam().stream()
                    .anyMatch(m -> m.id().equals(item));
            case "check" -> mayRecordCheck();
            case "confirmation" -> mayConfirmCheck();
            case "opinion" -> acceptanceCase.opinions().stream()
                    .anyMatch(o -> o.province().equals(item) && mayAnswer(o));
            case "waiver" -> acceptanceCase.opinions().stream()
                    .anyMatch(o -> o.province().equals(item) && mayWaive(o));
            case "conclusion" -> mayConclude();
            case "resumption" -> mayResume();
            case "resolution" -> complaints.stream()
                    .anyMatch(c -> c.receiptNumber().equals(item) && mayResolve(c));
            // the signature and the filing show their refusal in their own section either way
            case "sign", "filing" -> true;
            default -> false;
        };
    }

    public List<String> teamAgencies() {
        return TEAM_AGENCIES;
    }

    public Map<String, List<String>> checkGroups() {
        return CHECK_GROUPS;
    }

    public List<String> results() {
        return RESULTS;
    }

    public List<String> outcomes() {
        return OUTCOMES;
    }

    public List<String> banningGrounds() {
        return BANNING_GROUNDS;
    }

    /**
     * The check the record form offers first: the first outstanding one the team has still to record or record
     * again (missing or failed), else the first code.
     */
    public String suggestedCheck() {
        return acceptanceCase.outstandingChecks().stream().filter(d -> !"UNCONFIRMED".equals(d.problem()))
                .map(Cases.Deficiency::code).findFirst().orElse(CHECK_GROUPS.get("ACC-04").get(0));
    }

    private static Map<String, List<String>> groupedChecks() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("ACC-04", List.of("LEDGER_SYSTEM", "FUND_FLOWS", "PROJECT_AUTHENTICITY", "LOAN_CONTRACTS",
                "OFFLINE_MARKETING", "PRODUCT_COMPLIANCE"));
        groups.put("ACC-05", List.of("DEBT_TRANSFER", "RISK_RESERVE", "BORROWING_COST", "OFFLINE_STORES",
                "DISCLOSURE", "NETWORK_SECURITY"));
        groups.put("gates", List.of(CUSTODY_BANK, "EXCHANGE_COOPERATION_ENDED", "CORE_BUSINESS_NOT_OUTSOURCED",
                "LEGAL_ENTITY_AND_BRANCHES"));
        return java.util.Collections.unmodifiableMap(groups);
    }

    private static Map<String, LocalDate> complexities() {
        Map<String, LocalDate> kinds = new LinkedHashMap<>();
        kinds.put("MAIN", LocalDate.of(2018, 4, 30));
        kinds.put("HEAVY_STOCK", LocalDate.of(2018, 5, 31));
        kinds.put("COMPLEX", LocalDate.of(2018, 6, 30));
        return java.util.Collections.unmodifiableMap(kinds);
    }
}
