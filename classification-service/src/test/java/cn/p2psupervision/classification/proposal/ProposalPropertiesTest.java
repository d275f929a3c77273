package cn.p2psupervision.classification.proposal;

import static cn.p2psupervision.classification.Fixtures.AT;
import static cn.p2psupervision.classification.Fixtures.CATALOGUE;
import static cn.p2psupervision.classification.Fixtures.INSTITUTION;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import cn.p2psupervision.classification.catalogue.ProblemDefinition;
import cn.p2psupervision.classification.catalogue.ProblemKind;
import cn.p2psupervision.classification.finding.Evidence;
import cn.p2psupervision.classification.finding.Finding;
import cn.p2psupervision.classification.finding.FindingDetails;
import cn.p2psupervision.classification.finding.FindingSource;
import cn.p2psupervision.classification.screening.FlagCode;
import cn.p2psupervision.classification.screening.FlagEvidence;
import cn.p2psupervision.classification.screening.ScreeningFlag;

/** CLS-04..CLS-07 as properties over any findings of the catalogue, any flags and any registry facts. */
class ProposalPropertiesTest {

    @Property
    void cls07_theSameInputsInAnyOrderGiveAnEqualProposal(@ForAll("findings") List<Finding> findings,
                                                         @ForAll("flags") List<ScreeningFlag> flags,
                                                         @ForAll("facts") InstitutionFacts facts,
                                                         @ForAll Random random) {
        Proposal original = Proposal.propose(findings, flags, facts, CATALOGUE);

        Proposal shuffled = Proposal.propose(shuffle(findings, random), shuffle(flags, random), facts, CATALOGUE);

        assertThat(shuffled).isEqualTo(original);
        assertThat(shuffled.reasons()).isEqualTo(original.reasons());
    }

    @Property
    void cls06_addingARedLineFindingNeverMovesTheCategoryTowardsCompliant(
            @ForAll("findings") List<Finding> findings, @ForAll("facts") InstitutionFacts facts,
            @ForAll("redLines") String redLine) {
        Category before = Proposal.propose(findings, List.of(), facts, CATALOGUE).category();

        Category after = Proposal.propose(plus(findings, finding("X-RED", redLine)), List.of(), facts, CATALOGUE)
                .category();

        assertThat(after.severity()).isGreaterThanOrEqualTo(before.severity())
                .isGreaterThanOrEqualTo(Category.RECTIFICATION.severity());
    }

    @Property
    void cls06_anyCriminalFindingGivesBanning(@ForAll("findings") List<Finding> findings,
                                             @ForAll("flags") List<ScreeningFlag> flags,
                                             @ForAll("facts") InstitutionFacts facts,
                                             @ForAll("criminal") String criminal) {
        Proposal proposal = Proposal.propose(plus(findings, finding("X-CRIME", criminal)), flags, facts, CATALOGUE);

        assertThat(proposal.category()).isEqualTo(Category.BANNING);
        assertThat(proposal.reasons()).contains(new Reason(Reason.Code.CRIMINAL_SUSPICION,
                List.of("X-CRIME", criminal), "发现 X-CRIME：" + CATALOGUE.get(criminal).name() + "，属取缔类情形"));
    }

    @Property
    void cls04_flagsNeverChangeTheCategory(@ForAll("findings") List<Finding> findings,
                                          @ForAll("flags") List<ScreeningFlag> flags,
                                          @ForAll("facts") InstitutionFacts facts) {
        Proposal without = Proposal.propose(findings, List.of(), facts, CATALOGUE);

        Proposal with = Proposal.propose(findings, flags, facts, CATALOGUE);

        assertThat(with.category()).isEqualTo(without.category());
        assertThat(with.standards()).isEqualTo(without.standards());
        assertThat(with.reasons()).isEqualTo(without.reasons());
        assertThat(with.flags()).containsExactlyInAnyOrderElementsOf(flags.stream().distinct().toList());
    }

    @Property
    void cls04_businessTypeFindingsNeverChangeTheCategory(@ForAll("findings") List<Finding> findings,
                                                         @ForAll("facts") InstitutionFacts facts,
                                                         @ForAll("businessTypes") String businessType) {
        Proposal without = Proposal.propose(findings, List.of(), facts, CATALOGUE);

        Proposal with = Proposal.propose(plus(findings, finding("X-TYPE", businessType)), List.of(), facts,
                CATALOGUE);

        assertThat(with.category()).isEqualTo(without.category());
        assertThat(with.standards()).isEqualTo(without.standards());
    }

    @Property
    void cls06_theCategoryFollowsTheRule(@ForAll("findings") List<Finding> findings,
                                        @ForAll("facts") InstitutionFacts facts) {
        List<ProblemDefinition> counted = findings.stream().filter(Finding::isActive)
                .map(f -> CATALOGUE.get(f.problemCode())).toList();
        Category expected = counted.stream().anyMatch(p -> p.kind() == ProblemKind.CRIMINAL) ? Category.BANNING
                : counted.stream().anyMatch(p -> !p.fails().isEmpty()) || !facts.hasCustodyBank()
                        ? Category.RECTIFICATION : Category.COMPLIANT;

        Proposal proposal = Proposal.propose(findings, List.of(), facts, CATALOGUE);

        assertThat(proposal.category()).isEqualTo(expected);
        assertThat(proposal.standards()).hasSize(5);
        assertThat(proposal.reasons()).isNotEmpty();
    }

    @Provide
    Arbitrary<List<Finding>> findings() {
        Arbitrary<String> codes = Arbitraries.of(CATALOGUE.all().stream().map(ProblemDefinition::code).toList());
        Arbitrary<FindingSource> sources = Arbitraries.of(FindingSource.class);
        Arbitrary<LocalDate> days = Arbitraries.integers().between(0, 270).map(d -> LocalDate.of(2016, 1, 1)
                .plusDays(d));
        Arbitrary<BigDecimal> amounts = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1E9"))
                .ofScale(2);
        Arbitrary<Boolean> withdrawn = Arbitraries.integers().between(0, 9).map(n -> n == 0);
        Arbitrary<Draft> drafts = Combinators.combine(codes, sources, days, amounts, withdrawn).as(Draft::new);
        return drafts.list().ofMaxSize(10).map(list -> {
            List<Finding> findings = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                findings.add(list.get(i).finding("F-" + (i + 1)));
            }
            return findings;
        });
    }

    /** Any flags, even combinations screening would never raise: the proposal must list them and ignore them. */
    @Provide
    Arbitrary<List<ScreeningFlag>> flags() {
        Arbitrary<FlagEvidence> evidence = Arbitraries.oneOf(
                Arbitraries.integers().between(1, 99).map(n -> new FlagEvidence.FindingRef("F-" + n, "CASH_LOAN")),
                Arbitraries.integers().between(0, 35).map(n -> new FlagEvidence.HighYield(
                        YearMonth.of(2014, 1).plusMonths(n), new BigDecimal(10 + n).setScale(2))));
        return Combinators.combine(Arbitraries.of(FlagCode.class), evidence.list().ofMinSize(1).ofMaxSize(3))
                .as(ScreeningFlag::new).list().ofMaxSize(5);
    }

    @Provide
    Arbitrary<InstitutionFacts> facts() {
        return Arbitraries.of("某某银行股份有限公司", "").map(bank -> new InstitutionFacts(INSTITUTION, true, "OPERATING",
                bank, LocalDate.of(2014, 3, 1), LocalDate.of(2014, 6, 1)));
    }

    @Provide
    Arbitrary<String> redLines() {
        return codesOf(ProblemKind.RED_LINE);
    }

    @Provide
    Arbitrary<String> criminal() {
        return codesOf(ProblemKind.CRIMINAL);
    }

    @Provide
    Arbitrary<String> businessTypes() {
        return codesOf(ProblemKind.BUSINESS_TYPE);
    }

    private static Arbitrary<String> codesOf(ProblemKind kind) {
        return Arbitraries.of(CATALOGUE.ofKind(kind).stream().map(ProblemDefinition::code).toList());
    }

    private static Finding finding(String id, String code) {
        return new Draft(code, FindingSource.ON_SITE_INSPECTION, LocalDate.of(2016, 8, 1), BigDecimal.TEN, false)
                .finding(id);
    }

    private static <T> List<T> shuffle(List<T> list, Random random) {
        List<T> copy = new ArrayList<>(list);
        Collections.shuffle(copy, random);
        return copy;
    }

    private static List<Finding> plus(List<Finding> findings, Finding finding) {
        List<Finding> more = new ArrayList<>(findings);
        more.add(finding);
        return more;
    }

    /** A finding's content before it is recorded: valid for CLS-01 by construction. */
    private record Draft(String code, FindingSource source, LocalDate foundOn, BigDecimal amount, boolean withdrawn) {

        Finding finding(String id) {
            FindingDetails details = new FindingDetails(code, new Evidence("证据 " + id, List.of()), source, foundOn,
                    CATALOGUE.get(code).violatingBusiness() ? amount : null);
            Finding finding = Finding.record(id, INSTITUTION, details, CATALOGUE, "officer-33", "33", AT);
            return withdrawn ? finding.withdraw("复核不成立", "officer-33", "33", AT) : finding;
        }
    }
}
