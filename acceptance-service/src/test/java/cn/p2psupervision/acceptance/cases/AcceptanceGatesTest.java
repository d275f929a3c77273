package cn.p2psupervision.acceptance.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.p2psupervision.acceptance.AcceptanceApiSupport;
import cn.p2psupervision.acceptance.cases.AcceptanceGates.Gate;
import cn.p2psupervision.acceptance.cases.AcceptanceGates.Report;
import cn.p2psupervision.acceptance.cases.AcceptanceGates.Stage;
import cn.p2psupervision.acceptance.classificationfacts.AcceptanceFacts;
import cn.p2psupervision.acceptance.custodybank.CustodyBankList;
import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.registryfeed.InstitutionReference;

/** ACC-02: each gate of filing, as a pure function of the registry's and classification's facts and the checks. */
class AcceptanceGatesTest {

    static final String ID = "inst-1";
    static final CustodyBankList WHITELIST = CustodyBankList.seed(Instant.parse("2017-12-01T00:00:00Z"));
    static final InstitutionReference GOOD = AcceptanceApiSupport.institution(ID, "33");
    static final AcceptanceFacts COMPLIANT = AcceptanceApiSupport.compliant(ID);

    // ---- (a) established or lending after 2016-08-24 -----------------------------------------------------------

    @Test
    void acc02a_anInstitutionEstablishedAfter20160824IsRefused() {
        InstitutionReference late = institution(LocalDate.of(2016, 8, 25), null, true, "浙商银行");

        Gate gate = gate(Stage.OPENING, late, COMPLIANT, List.of(), "ACC-02a");

        assertThat(gate.passed()).isFalse();
        assertThat(gate.reason()).contains("2016-08-25");
    }

    @Test
    void acc02a_lendingStartedAfter20160824IsRefusedThoughEstablishedBefore() {
        InstitutionReference late = institution(LocalDate.of(2015, 1, 1), LocalDate.of(2016, 9, 1), true, "浙商银行");

        assertThat(gate(Stage.OPENING, late, COMPLIANT, List.of(), "ACC-02a").passed()).isFalse();
    }

    @Test
    void acc02a_establishedOnTheCutOffDayItselfPassesAndAnUnknownDayDoesNot() {
        assertThat(gate(Stage.OPENING, institution(LocalDate.of(2016, 8, 24), LocalDate.of(2016, 8, 24), true,
                "浙商银行"), COMPLIANT, List.of(), "ACC-02a").passed()).isTrue();
        Gate unknown = gate(Stage.OPENING, institution(null, null, true, "浙商银行"), COMPLIANT, List.of(), "ACC-02a");
        assertThat(unknown.passed()).isFalse();
        assertThat(unknown.reason()).contains("no day of establishment");
    }

    // ---- (b) not in the campaign from the start ----------------------------------------------------------------

    @Test
    void acc02b_anInstitutionNotInTheCampaignFromTheStartIsRefused() {
        InstitutionReference outside = institution(LocalDate.of(2014, 3, 1), null, false, "浙商银行");

        assertThat(gate(Stage.OPENING, outside, COMPLIANT, List.of(), "ACC-02b").passed()).isFalse();
        assertThat(gate(Stage.OPENING, GOOD, COMPLIANT, List.of(), "ACC-02b").passed()).isTrue();
    }

    // ---- (c) red lines after the cut-off, violating stock ------------------------------------------------------

    @Test
    void acc02c_aRedLineFoundAfter20160824IsRefusedEvenWithoutStock() {
        AcceptanceFacts facts = facts(AcceptanceApiSupport.finding("MISLEADING_PROMOTION", "RED_LINE", "2016-09-10",
                null));

        Gate gate = gate(Stage.OPENING, GOOD, facts, List.of(), "ACC-02c");

        assertThat(gate.passed()).isFalse();
        assertThat(gate.reason()).contains("MISLEADING_PROMOTION", "2016-09-10");
    }

    @Test
    void acc02c_theSingleBorrowerCapExceededAfter20160824IsRefused() {
        AcceptanceFacts facts = facts(AcceptanceApiSupport.finding("BORROWER_CAP_EXCEEDED", "OTHER_PROBLEM",
                "2016-12-01", "0.00"));

        assertThat(gate(Stage.OPENING, GOOD, facts, List.of(), "ACC-02c").passed()).isFalse();
    }

    @Test
    void acc02c_violatingStockNotResolvedIsRefusedAndStockAtZeroPasses() {
        AcceptanceFacts open = facts(AcceptanceApiSupport.finding("FUND_POOL", "RED_LINE", "2016-07-15",
                "1250000.00"));
        AcceptanceFacts resolved = facts(AcceptanceApiSupport.finding("FUND_POOL", "RED_LINE", "2016-07-15",
                "0.00"));

        Gate refused = gate(Stage.OPENING, GOOD, open, List.of(), "ACC-02c");
        assertThat(refused.passed()).isFalse();
        assertThat(refused.reason()).contains("1250000.00");
        assertThat(gate(Stage.OPENING, GOOD, resolved, List.of(), "ACC-02c").passed()).isTrue();
    }

    @Test
    void acc02c_anOpenRectificationItemIsStockNotResolved() {
        AcceptanceFacts facts = AcceptanceApiSupport.rectification(ID, 2);

        Gate gate = gate(Stage.FULL, GOOD, facts, List.of(), "ACC-02c");

        assertThat(gate.passed()).isFalse();
        assertThat(gate.reason()).contains("2 open item");
    }

    // ---- (d) restricted loans after the cut-off ----------------------------------------------------------------

    @Test
    void acc02d_campusCashOrRealEstateLoansFoundAfter20160824AreRefused() {
        for (String code : List.of("REAL_ESTATE_FINANCING", "CAMPUS_LENDING", "CASH_LOAN")) {
            AcceptanceFacts after = facts(AcceptanceApiSupport.finding(code, "BUSINESS_TYPE", "2016-10-01", "0.00"));
            AcceptanceFacts before = facts(AcceptanceApiSupport.finding(code, "BUSINESS_TYPE", "2016-08-01", "0.00"));

            assertThat(gate(Stage.OPENING, GOOD, after, List.of(), "ACC-02d").passed()).as(code).isFalse();
            assertThat(gate(Stage.OPENING, GOOD, before, List.of(), "ACC-02d").passed()).as(code).isTrue();
        }
    }

    // ---- (e) custody bank on the whitelist ---------------------------------------------------------------------

    @Test
    void acc02e_atOpeningTheRegistrysCustodyBankMustBeOnTheWhitelist() {
        assertThat(gate(Stage.OPENING, GOOD, COMPLIANT, List.of(), "ACC-02e").passed()).isTrue();
        assertThat(gate(Stage.OPENING, institution(LocalDate.of(2014, 3, 1), null, true, "某农村商业银行"), COMPLIANT,
                List.of(), "ACC-02e").passed()).isFalse();
        Gate none = gate(Stage.OPENING, institution(LocalDate.of(2014, 3, 1), null, true, null), COMPLIANT,
                List.of(), "ACC-02e");
        assertThat(none.passed()).isFalse();
        assertThat(none.reason()).contains("未实行资金存管");
    }

    @Test
    void acc02e_theCustodyChecksBankDecidesOnceRecordedAndAFullCompanyNameMatches() {
        Check listed = check(CheckCode.CUSTODY_BANK, CheckResult.PASSED, "浙商银行股份有限公司");
        Check unlisted = check(CheckCode.CUSTODY_BANK, CheckResult.PASSED, "某农村商业银行");
        Check failed = check(CheckCode.CUSTODY_BANK, CheckResult.FAILED, "浙商银行");
        InstitutionReference registryUnlisted = institution(LocalDate.of(2014, 3, 1), null, true, "某农村商业银行");

        assertThat(gate(Stage.FULL, registryUnlisted, COMPLIANT, List.of(listed), "ACC-02e").passed()).isTrue();
        assertThat(gate(Stage.FULL, GOOD, COMPLIANT, List.of(unlisted), "ACC-02e").passed()).isFalse();
        assertThat(gate(Stage.FULL, GOOD, COMPLIANT, List.of(failed), "ACC-02e").passed()).isFalse();
    }

    // ---- (f)(g)(h) the gate checks -----------------------------------------------------------------------------

    @Test
    void acc02f_exchangeCooperationNotEndedIsRefusedAndMustBeCheckedBeforeConclusion() {
        gateCheck("ACC-02f", CheckCode.EXCHANGE_COOPERATION_ENDED);
    }

    @Test
    void acc02g_outsourcedCoreBusinessIsRefusedAndMustBeCheckedBeforeConclusion() {
        gateCheck("ACC-02g", CheckCode.CORE_BUSINESS_NOT_OUTSOURCED);
    }

    @Test
    void acc02h_notALegalEntityOrBranchesUnreportedIsRefusedAndMustBeCheckedBeforeConclusion() {
        gateCheck("ACC-02h", CheckCode.LEGAL_ENTITY_AND_BRANCHES);
    }

    // ---- the report ----------------------------------------------------------------------------------------------

    @Test
    void acc02_whenSeveralGatesFailTheFirstIsNamedAndEveryFailedGateListed() {
        InstitutionReference bad = institution(LocalDate.of(2017, 1, 1), null, false, null);

        Report report = AcceptanceGates.evaluate(Stage.OPENING, bad, COMPLIANT, List.of(), WHITELIST);
        ProblemException refused = catchThrowableOfType(ProblemException.class,
                () -> report.require("Opening an acceptance case"));

        assertThat(report.gates()).extracting(Gate::gate).containsExactly("ACC-02a", "ACC-02b", "ACC-02c",
                "ACC-02d", "ACC-02e", "ACC-02f", "ACC-02g", "ACC-02h");
        assertThat(refused.properties().get("rule")).isEqualTo("ACC-02a");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> gates = (List<Map<String, Object>>) refused.properties().get("gates");
        assertThat(gates).extracting(g -> g.get("gate")).containsExactly("ACC-02a", "ACC-02b", "ACC-02e");
        assertThat(refused.getMessage()).contains("ACC-02a", "2 more");
    }

    @Test
    void acc02_aCompliantInstitutionWithEveryCheckPassedPassesEveryGate() {
        List<Check> checks = new ArrayList<>();
        for (CheckCode code : CheckCode.values()) {
            checks.add(check(code, CheckResult.PASSED, code == CheckCode.CUSTODY_BANK ? "招商银行" : null));
        }

        Report report = AcceptanceGates.evaluate(Stage.FULL, GOOD, COMPLIANT, checks, WHITELIST);

        assertThat(report.passed()).isTrue();
        report.require("Filing");
    }

    // -----------------------------------------------------------------------------------------------------------

    private static void gateCheck(String gate, CheckCode code) {
        assertThat(gate(Stage.OPENING, GOOD, COMPLIANT, List.of(), gate).passed()).as("not known at opening")
                .isTrue();
        assertThat(gate(Stage.FULL, GOOD, COMPLIANT, List.of(), gate).passed()).as("not checked at conclusion")
                .isFalse();
        assertThat(gate(Stage.FULL, GOOD, COMPLIANT, List.of(check(code, CheckResult.FAILED, null)), gate).passed())
                .as("checked FAILED").isFalse();
        assertThat(gate(Stage.OPENING, GOOD, COMPLIANT, List.of(check(code, CheckResult.FAILED, null)), gate)
                .passed()).as("checked FAILED, at opening too").isFalse();
        assertThat(gate(Stage.FULL, GOOD, COMPLIANT, List.of(check(code, CheckResult.PASSED, null)), gate).passed())
                .as("checked PASSED").isTrue();
    }

    private static Gate gate(Stage stage, InstitutionReference institution, AcceptanceFacts facts, List<Check> checks,
                             String gate) {
        return AcceptanceGates.evaluate(stage, institution, facts, checks, WHITELIST).gates().stream()
                .filter(g -> g.gate().equals(gate)).findFirst().orElseThrow();
    }

    private static InstitutionReference institution(LocalDate established, LocalDate lending, boolean inScope,
                                                    String bank) {
        return AcceptanceApiSupport.institution(ID, "33", established, lending, inScope, bank);
    }

    private static AcceptanceFacts facts(AcceptanceFacts.Finding... findings) {
        return new AcceptanceFacts(ID, COMPLIANT.approvedDecision(), "APPROVED", null, List.of(findings));
    }

    private static Check check(CheckCode code, CheckResult result, String bank) {
        return new Check(code, result, "证据", List.of(), null, "m1", Instant.parse("2018-03-01T01:00:00Z"), "m2",
                Instant.parse("2018-03-01T02:00:00Z"), bank);
    }
}
