package cn.p2psupervision.registry.institution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.p2psupervision.platform.problem.RuleViolationException;
import cn.p2psupervision.registry.institution.Facts.Branch;
import cn.p2psupervision.registry.institution.Facts.Controller;
import cn.p2psupervision.registry.institution.Facts.HolderType;
import cn.p2psupervision.registry.institution.Facts.Shareholder;

/** The institution file as a domain object: versions, provenance, verification and the REG-02 rules. No Spring. */
class InstitutionFileTest {

    private static final CreditCode CODE = code("91330106MA27XQ1X0");
    private static final Instant T1 = Instant.parse("2017-06-01T01:00:00Z");
    private static final Instant T2 = Instant.parse("2017-06-02T01:00:00Z");
    private static final Instant T3 = Instant.parse("2017-06-03T01:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2017, 6, 1);

    private static final FactSource CENTRAL_IMPORT =
            new FactSource(FactSource.Source.INDUSTRY_DATABASE, LocalDate.of(2017, 5, 1), "central", null, false);
    private static final FactSource ZJ_EDIT =
            new FactSource(FactSource.Source.TIP_OFF, LocalDate.of(2017, 6, 2), "zj-officer", "33", false);

    // ---- REG-01 / REG-05: opening the file -------------------------------------------------------------------

    @Test
    void reg01_registerOpensVersion1WithProvenanceForEveryPresentFact() {
        InstitutionFile file = InstitutionFile.register(CODE, "33", base(), CENTRAL_IMPORT, T1);

        assertThat(file.version()).isEqualTo(1);
        assertThat(file.id()).isEqualTo(InstitutionFile.idFor(CODE));
        assertThat(file.creditCode()).isEqualTo(CODE.value());
        assertThat(file.registeredProvince()).isEqualTo("33");
        assertThat(file.createdAt()).isEqualTo(T1);
        assertThat(file.updatedAt()).isEqualTo(T1);
        assertThat(file.verificationState()).isEqualTo(VerificationState.UNVERIFIED);
        assertThat(file.verifications()).isEmpty();
        assertThat(file.attestation()).isNull();
        // present: name, registeredAddress, registeredCapital, establishedOn, branches, and the defaulted status/inScope
        assertThat(file.provenance()).containsOnlyKeys("name", "registeredAddress", "registeredCapital",
                "establishedOn", "branches", "status", "inScope");
        assertThat(file.provenance().values()).containsOnly(CENTRAL_IMPORT);
        // absent facts (null or empty lists) have no provenance
        assertThat(file.provenance()).doesNotContainKeys("legalRepresentative", "shareholders", "websites",
                "custodyBank", "lendingStartedOn");
    }

    @Test
    void reg01_theIdIsDerivedFromTheCreditCodeSoARetryCannotMakeASecondFile() {
        assertThat(InstitutionFile.idFor(CODE)).isEqualTo(InstitutionFile.idFor(CreditCode.parse(CODE.value())))
                .isNotEqualTo(InstitutionFile.idFor(code("91440300MA5DXX0P0")));
    }

    @Test
    void reg02_unknownRegisteredProvinceIsRefused() {
        assertThatThrownBy(() -> InstitutionFile.register(CODE, "99", base(), CENTRAL_IMPORT, T1))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo("REG-02"));
    }

    // ---- REG-07 / REG-05: versions ---------------------------------------------------------------------------

    @Test
    void reg07_amendCreatesTheNextVersion() {
        InstitutionFile v1 = InstitutionFile.register(CODE, "33", base(), CENTRAL_IMPORT, T1);

        InstitutionFile v2 = v1.amend(withName(base(), "Renamed Lending Co."), ZJ_EDIT, T2);

        assertThat(v2).isNotSameAs(v1);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.facts().name()).isEqualTo("Renamed Lending Co.");
        assertThat(v2.nameKey()).isEqualTo("renamed lending co.");
        assertThat(v2.createdAt()).isEqualTo(T1);
        assertThat(v2.updatedAt()).isEqualTo(T2);
        assertThat(v2.id()).isEqualTo(v1.id());
        // REG-05: the changed fact takes the new source, the others keep theirs
        assertThat(v2.provenance().get("name")).isEqualTo(ZJ_EDIT);
        assertThat(v2.provenance().get("registeredCapital")).isEqualTo(CENTRAL_IMPORT);
        assertThat(v2.provenance().get("branches")).isEqualTo(CENTRAL_IMPORT);
        // the previous version is unchanged (immutable)
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.facts().name()).isEqualTo("Hangzhou Example Lending Co.");
        assertThat(v1.changedFacts(v2.facts())).containsExactly("name");
    }

    @Test
    void reg07_amendOfANewFactGivesItProvenance() {
        InstitutionFile v1 = InstitutionFile.register(CODE, "33", base(), CENTRAL_IMPORT, T1);
        Facts f = base();
        Facts withBank = new Facts(f.name(), f.registeredAddress(), f.legalRepresentative(), f.shareholders(),
                f.actualControllers(), f.registeredCapital(), f.establishedOn(), f.lendingStartedOn(), f.websites(),
                "Bank of Hangzhou", f.branches(), f.entityKind(), f.cooperatingBank(), f.status(), f.inScope());

        InstitutionFile v2 = v1.amend(withBank, ZJ_EDIT, T2);

        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.provenance()).containsEntry("custodyBank", ZJ_EDIT);
    }

    @Test
    void reg07_amendWithIdenticalFactsReturnsTheSameInstance() {
        InstitutionFile v1 = InstitutionFile.register(CODE, "33", base(), CENTRAL_IMPORT, T1);

        assertThat(v1.amend(base(), ZJ_EDIT, T2)).isSameAs(v1);
        // money compared by value with two decimals: 1000000 and 1000000.00 are the same fact
        assertThat(v1.amend(withCapital(base(), new BigDecimal("1000000")), ZJ_EDIT, T2)).isSameAs(v1);
    }

    @Test
    void reg05_provincialFactsChangedByReportsFactsAProvinceEditedOrVerifiedButNotCentralOnes() {
        InstitutionFile v1 = InstitutionFile.register(CODE, "33", base(), CENTRAL_IMPORT, T1);
        InstitutionFile v2 = v1.amend(withName(base(), "Edited By Zhejiang Co."), ZJ_EDIT, T2);
        // a verification by the province confirms the registered capital as recorded (source stays central, verified)
        InstitutionFile v3 = v2.verify(verification(List.of("registeredCapital")), v2.facts(), "33", T3);
        assertThat(v3.provenance().get("registeredCapital").source()).isEqualTo(FactSource.Source.INDUSTRY_DATABASE);
        assertThat(v3.provenance().get("registeredCapital").verified()).isTrue();

        Facts imported = new Facts("Central Name Co.", "Another address 9", null, List.of(), List.of(),
                new BigDecimal("2000000.00"), LocalDate.of(2014, 3, 1), null, List.of(), null,
                base().branches(), null, null, null, null);

        // name: edited by 33; registeredCapital: verified by 33; registeredAddress: central only
        assertThat(v3.provincialFactsChangedBy(imported)).containsExactlyInAnyOrder("name", "registeredCapital");
        assertThat(v3.provincialFactsChangedBy(v3.facts())).isEmpty();
        // a file with only central provenance reports nothing
        assertThat(v1.provincialFactsChangedBy(imported)).isEmpty();
    }

    @Test
    void reg08_reg05_aStatusDecidedInAnotherContextIsNotOverwrittenByACentralImport() {
        InstitutionFile v1 = InstitutionFile.register(CODE, "33", base(), CENTRAL_IMPORT, T1);
        FactSource decision = new FactSource(FactSource.Source.SUPERVISORY_DECISION, LocalDate.of(2017, 6, 1),
                "service-account-platform-services", "33", false);
        InstitutionFile v2 = v1.changeStatus(InstitutionStatus.BANNED, decision, T2);

        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.facts().status()).isEqualTo(InstitutionStatus.BANNED);
        assertThat(v2.provenance().get("status")).isEqualTo(decision);
        assertThat(v2.changeStatus(InstitutionStatus.BANNED, decision, T3)).as("the same status: no new version")
                .isSameAs(v2);
        Facts f = v2.facts();
        Facts importedAsOperating = new Facts(f.name(), f.registeredAddress(), f.legalRepresentative(), f.shareholders(),
                f.actualControllers(), f.registeredCapital(), f.establishedOn(), f.lendingStartedOn(), f.websites(),
                f.custodyBank(), f.branches(), f.entityKind(), f.cooperatingBank(), InstitutionStatus.OPERATING,
                f.inScope());
        assertThat(v2.provincialFactsChangedBy(importedAsOperating)).containsExactly("status");
    }

    // ---- REG-06: verification and signed confirmation ---------------------------------------------------------

    @Test
    void reg06_attestationWithoutVerificationIsRefused() {
        InstitutionFile v1 = InstitutionFile.register(CODE, "33", base(), CENTRAL_IMPORT, T1);

        assertThatThrownBy(() -> v1.attest(attestation(TODAY), T2))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo("REG-06"));
    }

    @Test
    void reg06_verificationThenAttestationMovesTheFileToConfirmed() {
        InstitutionFile v1 = InstitutionFile.register(CODE, "33", base(), CENTRAL_IMPORT, T1);

        InstitutionFile v2 = v1.verify(verification(List.of("name")), v1.facts(), "33", T2);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.verificationState()).isEqualTo(VerificationState.IN_VERIFICATION);
        assertThat(v2.verifications()).singleElement().satisfies(v -> {
            assertThat(v.officer()).isEqualTo("zj-officer");
            assertThat(v.confirmed()).containsExactly("name");
            assertThat(v.corrected()).isEmpty();
        });
        assertThat(v2.provenance().get("name").verified()).isTrue();
        assertThat(v2.provenance().get("name").province()).isEqualTo("33");

        InstitutionFile v3 = v2.attest(attestation(LocalDate.of(2017, 6, 2)), T3);
        assertThat(v3.version()).isEqualTo(3);
        assertThat(v3.verificationState()).isEqualTo(VerificationState.CONFIRMED);
        assertThat(v3.attestation().signedBy()).isEqualTo("Zhang San");
    }

    @Test
    void reg06_verificationCorrectionsTakeTheVerificationAsSource() {
        InstitutionFile v1 = InstitutionFile.register(CODE, "33", base(), CENTRAL_IMPORT, T1);

        InstitutionFile v2 = v1.verify(verification(List.of()), withCapital(base(), new BigDecimal("800000.00")),
                "33", T2);

        assertThat(v2.verifications().get(0).corrected()).containsExactly("registeredCapital");
        FactSource source = v2.provenance().get("registeredCapital");
        assertThat(source.source()).isEqualTo(FactSource.Source.VERIFICATION);
        assertThat(source.province()).isEqualTo("33");
        assertThat(source.verified()).isTrue();
        assertThat(v2.provenance().get("name")).isEqualTo(CENTRAL_IMPORT);
    }

    @Test
    void reg06_attestationCannotPredateTheLastVerification() {
        InstitutionFile v2 = InstitutionFile.register(CODE, "33", base(), CENTRAL_IMPORT, T1)
                .verify(verification(List.of()), base(), "33", T2);

        assertThatThrownBy(() -> v2.attest(attestation(LocalDate.of(2017, 5, 1)), T3))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo("REG-06"));
    }

    @Test
    void reg06_aCorrectionAfterConfirmationReopensTheVerification() {
        InstitutionFile confirmed = InstitutionFile.register(CODE, "33", base(), CENTRAL_IMPORT, T1)
                .verify(verification(List.of()), base(), "33", T2)
                .attest(attestation(TODAY), T2);
        assertThat(confirmed.verificationState()).isEqualTo(VerificationState.CONFIRMED);

        InstitutionFile stillConfirmed = confirmed.verify(verification(List.of("name")), confirmed.facts(), "33", T3);
        assertThat(stillConfirmed.verificationState()).isEqualTo(VerificationState.CONFIRMED);
        assertThat(stillConfirmed.attestation()).isNotNull();

        InstitutionFile reopened = confirmed.verify(verification(List.of()),
                withCapital(confirmed.facts(), new BigDecimal("1.00")), "33", T3);
        assertThat(reopened.verificationState()).isEqualTo(VerificationState.IN_VERIFICATION);
        assertThat(reopened.attestation()).isNull();
    }

    @Test
    void reg06_confirmingAnUnknownFactIsRefused() {
        InstitutionFile v1 = InstitutionFile.register(CODE, "33", base(), CENTRAL_IMPORT, T1);

        assertThatThrownBy(() -> v1.verify(verification(List.of("favouriteColour")), v1.facts(), "33", T2))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo("REG-06"));
    }

    // ---- REG-02: rules on the facts ----------------------------------------------------------------------------

    @Test
    void reg02_establishmentDateInTheFutureIsRefused() {
        Facts future = withDates(base(), TODAY.plusDays(1), null);

        assertReg02(() -> InstitutionFile.register(CODE, "33", future, CENTRAL_IMPORT, T1));
        // on amendment too
        InstitutionFile v1 = InstitutionFile.register(CODE, "33", base(), CENTRAL_IMPORT, T1);
        assertReg02(() -> v1.amend(future, ZJ_EDIT, T1));
        // today is not the future (Asia/Shanghai: 2017-06-01T01:00Z is 09:00 on 2017-06-01)
        assertThat(InstitutionFile.register(CODE, "33", withDates(base(), TODAY, TODAY), CENTRAL_IMPORT, T1)
                .version()).isEqualTo(1);
    }

    @Test
    void reg02_lendingStartInTheFutureOrBeforeEstablishmentIsRefused() {
        assertReg02(() -> InstitutionFile.register(CODE, "33", withDates(base(), null, TODAY.plusDays(1)),
                CENTRAL_IMPORT, T1));
        assertReg02(() -> InstitutionFile.register(CODE, "33",
                withDates(base(), LocalDate.of(2015, 1, 1), LocalDate.of(2014, 12, 31)), CENTRAL_IMPORT, T1));
    }

    @Test
    void reg02_sharesAddingUpToMoreThan100PercentAreRefused() {
        Facts over = withShareholders(base(), List.of(
                new Shareholder("Li Si", HolderType.PERSON, new BigDecimal("60.00"), null, "330106199001011234"),
                new Shareholder("Holding Co.", HolderType.ENTITY, new BigDecimal("40.01"), null, null)));
        Facts exactly = withShareholders(base(), List.of(
                new Shareholder("Li Si", HolderType.PERSON, new BigDecimal("60.00"), null, "330106199001011234"),
                new Shareholder("Holding Co.", HolderType.ENTITY, new BigDecimal("40.00"), null, null)));

        assertReg02(() -> InstitutionFile.register(CODE, "33", over, CENTRAL_IMPORT, T1));
        assertThat(InstitutionFile.register(CODE, "33", exactly, CENTRAL_IMPORT, T1).provenance())
                .containsKey("shareholders");
    }

    @Test
    void reg02_branchInAnUnknownProvinceIsRefused() {
        Facts unknown = withBranches(base(), List.of(new Branch("Nowhere branch", "99", "X", "Y")));

        assertReg02(() -> InstitutionFile.register(CODE, "33", unknown, CENTRAL_IMPORT, T1));
    }

    @Test
    void reg01_invalidCreditCodeOfAShareholderOrControllerIsRefused() {
        Facts badHolder = withShareholders(base(), List.of(
                new Shareholder("Holding Co.", HolderType.ENTITY, new BigDecimal("10.00"), "91330106MA27XQ1X01", null)));
        Facts badController = withControllers(base(), List.of(
                new Controller("Holding Co.", HolderType.ENTITY, "91330106MA27XQ1X01", null)));

        // the same exception (a 400 with rule REG-01) as the file's own code, naming the member that holds the code
        assertThatThrownBy(() -> InstitutionFile.register(CODE, "33", badHolder, CENTRAL_IMPORT, T1))
                .isInstanceOfSatisfying(InvalidCreditCodeException.class, e -> {
                    assertThat(e.rule()).isEqualTo("REG-01");
                    assertThat(e.member()).isEqualTo("shareholders[0].creditCode");
                });
        assertThatThrownBy(() -> InstitutionFile.register(CODE, "33", badController, CENTRAL_IMPORT, T1))
                .isInstanceOfSatisfying(InvalidCreditCodeException.class,
                        e -> assertThat(e.member()).isEqualTo("actualControllers[0].creditCode"));
    }

    // ---- REG-10 / REG-04: derived members --------------------------------------------------------------------

    @Test
    void reg10_branchesOutsideTheRegisteredProvinceMakeItCrossRegion() {
        Facts spread = withBranches(base(), List.of(
                new Branch("Hangzhou branch", "33", "Hangzhou", "a"),
                new Branch("Shenzhen branch", "44", "Shenzhen", "b"),
                new Branch("Guangzhou branch", "44", "Guangzhou", "c"),
                new Branch("Shanghai branch", "31", "Shanghai", "d")));

        InstitutionFile file = InstitutionFile.register(CODE, "33", spread, CENTRAL_IMPORT, T1);

        assertThat(file.businessProvinces()).containsExactly("31", "44");
        assertThat(file.crossRegion()).isTrue();
    }

    @Test
    void reg10_branchesOnlyInTheRegisteredProvinceAreNotCrossRegion() {
        InstitutionFile local = InstitutionFile.register(CODE, "33", base(), CENTRAL_IMPORT, T1);
        InstitutionFile none = InstitutionFile.register(CODE, "33", withBranches(base(), List.of()), CENTRAL_IMPORT, T1);

        assertThat(local.businessProvinces()).isEmpty();
        assertThat(local.crossRegion()).isFalse();
        assertThat(none.businessProvinces()).isEmpty();
        assertThat(none.crossRegion()).isFalse();
        // derived members follow the facts on amendment
        InstitutionFile spread = local.amend(withBranches(base(), List.of(new Branch("SZ", "44", "Shenzhen", "b"))),
                ZJ_EDIT, T2);
        assertThat(spread.businessProvinces()).containsExactly("44");
        assertThat(spread.crossRegion()).isTrue();
    }

    @Test
    void reg04_controllersAreLinkedByCreditCodeOrIdNumberNeverByNameAlone() {
        Facts facts = withControllers(base(), List.of(
                new Controller("Wang Wu", HolderType.PERSON, null, "33010619800101123x"),
                new Controller("Holding Co.", HolderType.ENTITY, CODE.value(), null),
                new Controller("Name Only", HolderType.PERSON, null, null),
                new Controller("Blank Ids", HolderType.PERSON, " ", null),
                new Controller("Wang Wu again", HolderType.PERSON, null, "33010619800101123X")));

        InstitutionFile file = InstitutionFile.register(CODE, "33", facts, CENTRAL_IMPORT, T1);

        assertThat(file.controllerKeys()).containsExactly("ID:33010619800101123X", "CC:" + CODE.value());
        assertThat(new Controller("Name Only", HolderType.PERSON, null, null).linkKey()).isNull();
        assertThat(new Controller("Name Only", HolderType.PERSON, "", "").linkKey()).isNull();
    }

    @Test
    void reg02_identityNumbersAreMaskedOutsideTheOwningProvince() {
        Facts facts = withControllers(base(), List.of(new Controller("Wang Wu", HolderType.PERSON, null,
                "330106198001011234")));

        Facts masked = facts.masked();

        assertThat(masked.actualControllers().get(0).idNumber()).isEqualTo("330*************34");
        assertThat(masked.actualControllers().get(0).name()).isEqualTo("Wang Wu");
        assertThat(facts.actualControllers().get(0).idNumber()).isEqualTo("330106198001011234");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static void assertReg02(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo("REG-02"));
    }

    private static CreditCode code(String body17) {
        return new CreditCode(body17 + CreditCode.checkCharacter(body17));
    }

    private static Facts base() {
        return new Facts("Hangzhou Example Lending Co.", "1 West Lake Road, Hangzhou", null, List.of(), List.of(),
                new BigDecimal("1000000.00"), LocalDate.of(2014, 3, 1), null, List.of(), null,
                List.of(new Branch("Ningbo branch", "33", "Ningbo", "2 Harbour Road")), null, null, null, null);
    }

    private static Facts withName(Facts f, String name) {
        return new Facts(name, f.registeredAddress(), f.legalRepresentative(), f.shareholders(),
                f.actualControllers(), f.registeredCapital(), f.establishedOn(), f.lendingStartedOn(), f.websites(),
                f.custodyBank(), f.branches(), f.entityKind(), f.cooperatingBank(), f.status(), f.inScope());
    }

    private static Facts withCapital(Facts f, BigDecimal capital) {
        return new Facts(f.name(), f.registeredAddress(), f.legalRepresentative(), f.shareholders(),
                f.actualControllers(), capital, f.establishedOn(), f.lendingStartedOn(), f.websites(),
                f.custodyBank(), f.branches(), f.entityKind(), f.cooperatingBank(), f.status(), f.inScope());
    }

    private static Facts withDates(Facts f, LocalDate established, LocalDate lending) {
        return new Facts(f.name(), f.registeredAddress(), f.legalRepresentative(), f.shareholders(),
                f.actualControllers(), f.registeredCapital(), established, lending, f.websites(),
                f.custodyBank(), f.branches(), f.entityKind(), f.cooperatingBank(), f.status(), f.inScope());
    }

    private static Facts withShareholders(Facts f, List<Shareholder> shareholders) {
        return new Facts(f.name(), f.registeredAddress(), f.legalRepresentative(), shareholders,
                f.actualControllers(), f.registeredCapital(), f.establishedOn(), f.lendingStartedOn(), f.websites(),
                f.custodyBank(), f.branches(), f.entityKind(), f.cooperatingBank(), f.status(), f.inScope());
    }

    private static Facts withControllers(Facts f, List<Controller> controllers) {
        return new Facts(f.name(), f.registeredAddress(), f.legalRepresentative(), f.shareholders(),
                controllers, f.registeredCapital(), f.establishedOn(), f.lendingStartedOn(), f.websites(),
                f.custodyBank(), f.branches(), f.entityKind(), f.cooperatingBank(), f.status(), f.inScope());
    }

    private static Facts withBranches(Facts f, List<Branch> branches) {
        return new Facts(f.name(), f.registeredAddress(), f.legalRepresentative(), f.shareholders(),
                f.actualControllers(), f.registeredCapital(), f.establishedOn(), f.lendingStartedOn(), f.websites(),
                f.custodyBank(), branches, f.entityKind(), f.cooperatingBank(), f.status(), f.inScope());
    }

    private static Verification verification(List<String> confirmed) {
        return new Verification(Verification.Method.ON_SITE_SURVEY, LocalDate.of(2017, 6, 1), "zj-officer",
                "Visited the office", confirmed, List.of());
    }

    private static Attestation attestation(LocalDate signedOn) {
        return new Attestation("Zhang San", Attestation.Position.LEGAL_REPRESENTATIVE, signedOn, "ZJ-2017-001",
                "zj-officer");
    }
}
