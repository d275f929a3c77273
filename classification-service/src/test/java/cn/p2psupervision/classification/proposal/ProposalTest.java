package cn.p2psupervision.classification.proposal;

import static cn.p2psupervision.classification.Fixtures.AT;
import static cn.p2psupervision.classification.Fixtures.CATALOGUE;
import static cn.p2psupervision.classification.Fixtures.INSTITUTION;
import static cn.p2psupervision.classification.Fixtures.details;
import static cn.p2psupervision.classification.Fixtures.facts;
import static cn.p2psupervision.classification.Fixtures.finding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.p2psupervision.classification.catalogue.Standard;
import cn.p2psupervision.classification.finding.Finding;
import cn.p2psupervision.classification.screening.FlagCode;
import cn.p2psupervision.classification.screening.FlagEvidence;
import cn.p2psupervision.classification.screening.ScreeningFlag;
import cn.p2psupervision.platform.problem.RuleViolationException;

/** CLS-05..CLS-07: the proposed category, with the standards, the deciding facts and the reasons. */
class ProposalTest {

    private static final String BANK = "某某银行股份有限公司";
    private static final ScreeningFlag HIGH_YIELD = new ScreeningFlag(FlagCode.HIGH_YIELD,
            List.of(new FlagEvidence.HighYield(YearMonth.of(2016, 6), new BigDecimal("14.00"))));

    @Test
    void cls06_noFindingsAndACustodyBankIsCompliant() {
        Proposal proposal = Proposal.propose(List.of(), List.of(), facts(BANK), CATALOGUE);

        assertThat(proposal.category()).isEqualTo(Category.COMPLIANT);
        assertThat(proposal.institutionId()).isEqualTo(INSTITUTION);
        assertThat(proposal.standards()).extracting(StandardAssessment::standard).containsExactly(Standard.values());
        assertThat(proposal.standards()).allSatisfy(s -> {
            assertThat(s.outcome()).isEqualTo(Outcome.MET);
            assertThat(s.grounds()).isEmpty();
        });
        assertThat(proposal.reasons()).containsExactly(new Reason(Reason.Code.ALL_STANDARDS_MET, List.of(),
                "五项标准均已满足，且无涉嫌违法犯罪的发现"));
        assertThat(proposal.facts()).isEqualTo(facts(BANK));
    }

    @Test
    void cls05_aRedLineFailsItsStandardsAndProposesRectification() {
        Proposal proposal = Proposal.propose(List.of(finding("F-2", "TERM_SPLITTING"), finding("F-1", "FUND_POOL")),
                List.of(), facts(BANK), CATALOGUE);

        assertThat(proposal.category()).isEqualTo(Category.RECTIFICATION);
        assertThat(assessment(proposal, Standard.NO_RED_LINE)).isEqualTo(new StandardAssessment(Standard.NO_RED_LINE,
                Outcome.FAILED, List.of(Ground.finding("F-1", "FUND_POOL", "设立资金池"),
                        Ground.finding("F-2", "TERM_SPLITTING", "期限拆分"))));
        assertThat(assessment(proposal, Standard.INFORMATION_INTERMEDIARY).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(assessment(proposal, Standard.THIRD_PARTY_CUSTODY).outcome()).isEqualTo(Outcome.MET);
        assertThat(proposal.reasons()).containsExactly(
                new Reason(Reason.Code.STANDARD_FAILED, List.of("INFORMATION_INTERMEDIARY", "F-1", "F-2"),
                        "未满足标准一「信息中介非信用中介」：设立资金池（发现 F-1）；期限拆分（发现 F-2）"),
                new Reason(Reason.Code.STANDARD_FAILED, List.of("NO_RED_LINE", "F-1", "F-2"),
                        "未满足标准三「未触及业务红线」：设立资金池（发现 F-1）；期限拆分（发现 F-2）"));
    }

    @Test
    void cls05_noCustodyBankInTheRegistryFailsStandardFour() {
        Proposal proposal = Proposal.propose(List.of(), List.of(), facts(null), CATALOGUE);

        assertThat(proposal.category()).isEqualTo(Category.RECTIFICATION);
        assertThat(assessment(proposal, Standard.THIRD_PARTY_CUSTODY).grounds()).containsExactly(
                Ground.registry(INSTITUTION, Ground.NO_CUSTODY_BANK, "登记信息中没有资金存管银行"));
        assertThat(proposal.reasons()).containsExactly(new Reason(Reason.Code.STANDARD_FAILED,
                List.of("THIRD_PARTY_CUSTODY", "NO_CUSTODY_BANK"), "未满足标准四「资金第三方存管」：登记信息中没有资金存管银行"));
    }

    @Test
    void cls05_otherProblemsFailTheirStandards() {
        Proposal proposal = Proposal.propose(List.of(finding("F-1", "DISCLOSURE_NOT_TIMELY"),
                finding("F-2", "NETWORK_SECURITY_NON_COMPLIANT")), List.of(), facts(BANK), CATALOGUE);

        assertThat(proposal.category()).isEqualTo(Category.RECTIFICATION);
        assertThat(proposal.standards()).filteredOn(StandardAssessment::failed).extracting(StandardAssessment::standard)
                .containsExactly(Standard.DISCLOSURE_AND_SECURITY);
        assertThat(assessment(proposal, Standard.DISCLOSURE_AND_SECURITY).grounds()).extracting(Ground::reference)
                .containsExactly("F-1", "F-2");
    }

    @Test
    void cls06_aCriminalFindingProposesBanningAndTheReasonNamesIt() {
        List<Finding> findings = List.of(finding("F-1", "FUND_POOL"), finding("F-9", "ILLEGAL_FUNDRAISING"));

        Proposal proposal = Proposal.propose(findings, List.of(), facts(BANK), CATALOGUE);

        assertThat(proposal.category()).isEqualTo(Category.BANNING);
        assertThat(proposal.reasons().get(0)).isEqualTo(new Reason(Reason.Code.CRIMINAL_SUSPICION,
                List.of("F-9", "ILLEGAL_FUNDRAISING"), "发现 F-9：涉嫌非法集资，属取缔类情形"));
        assertThat(proposal.reasons()).extracting(Reason::code).containsExactly(Reason.Code.CRIMINAL_SUSPICION,
                Reason.Code.STANDARD_FAILED, Reason.Code.STANDARD_FAILED);
    }

    @Test
    void cls04_flagsAndBusinessTypesAreListedButDoNotDecide() {
        ScreeningFlag campus = new ScreeningFlag(FlagCode.CAMPUS_LENDING,
                List.of(new FlagEvidence.FindingRef("F-1", "CAMPUS_LENDING")));

        Proposal proposal = Proposal.propose(List.of(finding("F-1", "CAMPUS_LENDING")), List.of(campus, HIGH_YIELD),
                facts(BANK), CATALOGUE);

        assertThat(proposal.category()).isEqualTo(Category.COMPLIANT);
        assertThat(proposal.flags()).containsExactly(HIGH_YIELD, campus);
        assertThat(proposal.standards()).noneMatch(StandardAssessment::failed);
    }

    @Test
    void cls07_withdrawnFindingsDoNotCount() {
        Finding withdrawn = finding("F-1", "FUND_POOL").withdraw("复核不成立", "officer-33", "33", AT);

        assertThat(Proposal.propose(List.of(withdrawn), List.of(), facts(BANK), CATALOGUE).category())
                .isEqualTo(Category.COMPLIANT);
    }

    @Test
    void cls07_findingsOfAnotherInstitutionOrTwiceGivenAreACallersError() {
        Finding other = Finding.record("F-1", "91110000100000000X", details("FUND_POOL"), CATALOGUE, "officer-11",
                "11", AT);

        assertThatThrownBy(() -> Proposal.propose(List.of(other), List.of(), facts(BANK), CATALOGUE))
                .isInstanceOf(IllegalArgumentException.class);
        Finding f1 = finding("F-1", "FUND_POOL");
        assertThatThrownBy(() -> Proposal.propose(List.of(f1, f1.amend(f1.details(), CATALOGUE, "o", "33", AT)),
                List.of(), facts(BANK), CATALOGUE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cls07_anInstitutionOutsideTheCampaignGetsNoProposal() {
        InstitutionFacts outside = new InstitutionFacts(INSTITUTION, false, "OPERATING", BANK,
                LocalDate.of(2015, 1, 1), null);

        assertThatThrownBy(() -> Proposal.propose(List.of(), List.of(), outside, CATALOGUE))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo("CLS-07"));
    }

    @Test
    void cls06_categoriesAreOrderedBySeverity() {
        assertThat(Category.COMPLIANT.severity()).isLessThan(Category.RECTIFICATION.severity());
        assertThat(Category.RECTIFICATION.severity()).isLessThan(Category.BANNING.severity());
        assertThat(Category.values()).extracting(Category::chinese).containsExactly("合规类", "整改类", "取缔类");
        assertThat(Category.mostSevere(Category.BANNING, Category.COMPLIANT)).isEqualTo(Category.BANNING);
    }

    private static StandardAssessment assessment(Proposal proposal, Standard standard) {
        return proposal.standards().stream().filter(s -> s.standard() == standard).findFirst().orElseThrow();
    }
}
