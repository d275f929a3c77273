package cn.p2psupervision.classification.catalogue;

import static cn.p2psupervision.classification.Fixtures.CATALOGUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import cn.p2psupervision.classification.screening.FlagCode;
import cn.p2psupervision.platform.problem.InvalidInputException;

/** CLS-02..CLS-06: the problem catalogue is data, loaded and checked by {@link ProblemCatalogue}. */
class ProblemCatalogueTest {

    private static final String ENTRY = """
            {"code": "%s", "name": "设立资金池", "kind": "%s", "fails": [%s], "violatingBusiness": true,
             "basis": "实施方案"}""";
    private static final String CAPS_ENTRY = """
            {"code": "BORROWER_CAP_EXCEEDED", "name": "单一借款人借款余额超过上限", "kind": "OTHER_PROBLEM",
             "fails": ["DIRECT_LENDING"], "violatingBusiness": true, "basis": "暂行办法 第十七条",
             "borrowerCaps": {"naturalPersonOnePlatform": 200000, "naturalPersonAllPlatforms": 1000000,
                              "legalPersonOnePlatform": 1000000, "legalPersonAllPlatforms": 5000000}}""";

    @Test
    void cls02_theCatalogueHoldsTheThirteenRedLinesWithUniqueCodes() {
        List<ProblemDefinition> redLines = CATALOGUE.ofKind(ProblemKind.RED_LINE);

        assertThat(redLines).hasSize(13);
        assertThat(redLines).extracting(ProblemDefinition::code).doesNotHaveDuplicates()
                .contains("FUND_POOL", "SELF_FINANCING", "PRINCIPAL_GUARANTEE", "OFFLINE_MARKETING",
                        "MISLEADING_PROMOTION", "FICTITIOUS_PROJECTS", "OWN_LENDING", "TERM_SPLITTING",
                        "PRODUCT_SALES", "NON_COMPLIANT_DEBT_TRANSFER", "HIGH_RISK_SECURITIES_FINANCING",
                        "CROWDFUNDING", "MIXED_BUSINESS");
        assertThat(CATALOGUE.all()).extracting(ProblemDefinition::code).doesNotHaveDuplicates();
    }

    @Test
    void cls02_redLinesCarryTheWordingOfTheCampaignPlan() {
        assertThat(CATALOGUE.get("FUND_POOL").name()).isEqualTo("设立资金池");
        assertThat(CATALOGUE.ofKind(ProblemKind.RED_LINE)).extracting(ProblemDefinition::name)
                .contains("自融", "向出借人提供担保或者承诺保本保息", "大规模线下营销", "误导性宣传", "虚构借款人及标的", "发放贷款",
                        "期限拆分", "违规债权转让", "从事股权众筹或实物众筹");
        assertThat(CATALOGUE.all()).allSatisfy(p -> assertThat(p.basis()).isNotBlank());
    }

    @Test
    void cls05_everyRedLineFailsStandardThree() {
        assertThat(CATALOGUE.ofKind(ProblemKind.RED_LINE))
                .allSatisfy(p -> assertThat(p.fails()).contains(Standard.NO_RED_LINE));
        assertThat(CATALOGUE.get("FUND_POOL").fails())
                .containsExactly(Standard.INFORMATION_INTERMEDIARY, Standard.NO_RED_LINE);
    }

    @Test
    void cls03_otherProblemsAreDisclosureCustodyTheBorrowerCapAndNetworkSecurity() {
        assertThat(CATALOGUE.ofKind(ProblemKind.OTHER_PROBLEM)).extracting(ProblemDefinition::code)
                .containsExactlyInAnyOrder("DISCLOSURE_INCOMPLETE", "DISCLOSURE_NOT_OBJECTIVE", "DISCLOSURE_NOT_TIMELY",
                        "NO_THIRD_PARTY_CUSTODY", "BORROWER_CAP_EXCEEDED", "NETWORK_SECURITY_NON_COMPLIANT");
        assertThat(CATALOGUE.get("NO_THIRD_PARTY_CUSTODY").fails()).containsExactly(Standard.THIRD_PARTY_CUSTODY);
        assertThat(CATALOGUE.get("NETWORK_SECURITY_NON_COMPLIANT").fails())
                .containsExactly(Standard.DISCLOSURE_AND_SECURITY);
        assertThat(CATALOGUE.get("DISCLOSURE_NOT_TIMELY").violatingBusiness()).isFalse();
        assertThat(CATALOGUE.get("BORROWER_CAP_EXCEEDED").violatingBusiness()).isTrue();
    }

    @Test
    void cls03_theSingleBorrowerCapsAreNumbersInTheData() {
        BorrowerCaps caps = CATALOGUE.borrowerCaps();

        assertThat(caps.naturalPersonOnePlatform()).isEqualByComparingTo("200000");
        assertThat(caps.naturalPersonAllPlatforms()).isEqualByComparingTo("1000000");
        assertThat(caps.legalPersonOnePlatform()).isEqualByComparingTo("1000000");
        assertThat(caps.legalPersonAllPlatforms()).isEqualByComparingTo("5000000");
        assertThat(CATALOGUE.get("BORROWER_CAP_EXCEEDED").borrowerCaps()).isEqualTo(caps);
    }

    @Test
    void cls06_criminalProblemsAreIllegalFundraisingAndFraud() {
        assertThat(CATALOGUE.ofKind(ProblemKind.CRIMINAL)).extracting(ProblemDefinition::code, ProblemDefinition::name)
                .containsExactlyInAnyOrder(tuple("ILLEGAL_FUNDRAISING", "涉嫌非法集资"),
                        tuple("FRAUD", "涉嫌诈骗"));
    }

    @Test
    void cls04_businessTypesFailNoStandardAndAreTheFlagCodesOfFindings() {
        List<ProblemDefinition> businessTypes = CATALOGUE.ofKind(ProblemKind.BUSINESS_TYPE);

        assertThat(businessTypes).allSatisfy(p -> assertThat(p.fails()).isEmpty());
        Set<String> flagCodes = Arrays.stream(FlagCode.values()).filter(FlagCode::businessType).map(Enum::name)
                .collect(Collectors.toSet());
        assertThat(businessTypes).extracting(ProblemDefinition::code).containsExactlyInAnyOrderElementsOf(flagCodes)
                .contains("CAMPUS_LENDING", "CASH_LOAN", "REAL_ESTATE_FINANCING", "EXCESSIVE_PROMOTION",
                        "HIGH_RETURN_PROMISE");
    }

    @Test
    void cls05_theFiveStandardsCarryTheirChineseWording() {
        assertThat(Standard.values()).extracting(Standard::number).containsExactly(1, 2, 3, 4, 5);
        assertThat(Standard.values()).extracting(Standard::chinese).containsExactly("信息中介非信用中介", "个体直接借贷",
                "未触及业务红线", "资金第三方存管", "信息披露完整客观及时、网络安全设施合规");
        assertThat(Standard.NO_RED_LINE.label()).isEqualTo("标准三「未触及业务红线」");
    }

    @Test
    void cls02_anUnknownCodeIsTheCallersProblem() {
        assertThat(CATALOGUE.find("NO_SUCH_PROBLEM")).isEmpty();
        assertThatThrownBy(() -> CATALOGUE.get("NO_SUCH_PROBLEM"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.member()).isEqualTo("problemCode");
                    assertThat(e.rule()).isEqualTo("CLS-02");
                    assertThat(e.problem()).contains("NO_SUCH_PROBLEM");
                });
        assertThatThrownBy(() -> CATALOGUE.get(null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void cls02_aCodeGivenTwiceIsRefusedOnLoad() {
        String json = catalogue(entry("FUND_POOL", "RED_LINE", "\"NO_RED_LINE\""),
                entry("FUND_POOL", "RED_LINE", "\"NO_RED_LINE\""), CAPS_ENTRY);

        assertRefused(json, "problems[1].code", "must be unique");
    }

    @Test
    void cls05_anUnknownStandardIsRefusedOnLoad() {
        String json = catalogue(entry("FUND_POOL", "RED_LINE", "\"NO_RED_LINE\", \"STANDARD_SIX\""), CAPS_ENTRY);

        assertRefused(json, "problems[0].fails[1]", "must be one of");
    }

    @Test
    void cls02_anUnknownKindOrMemberIsRefusedOnLoad() {
        assertRefused(catalogue(entry("FUND_POOL", "SIN", "\"NO_RED_LINE\""), CAPS_ENTRY), "problems[0].kind",
                "must be one of");
        String misspelt = catalogue(entry("FUND_POOL", "RED_LINE", "\"NO_RED_LINE\"")
                .replace("violatingBusiness", "violatingBussiness"), CAPS_ENTRY);
        assertRefused(misspelt, "problems[0].violatingBussiness", "is not a known member");
    }

    @Test
    void cls05_aRedLineThatFailsNotStandardThreeIsRefused() {
        assertRefused(catalogue(entry("FUND_POOL", "RED_LINE", "\"INFORMATION_INTERMEDIARY\""), CAPS_ENTRY),
                "problems[0].fails", "NO_RED_LINE");
    }

    @Test
    void cls04_aBusinessTypeThatFailsAStandardIsRefused() {
        assertRefused(catalogue(entry("CASH_LOAN", "BUSINESS_TYPE", "\"NO_RED_LINE\""), CAPS_ENTRY),
                "problems[0].fails", "fails no standard");
    }

    @Test
    void cls03_theCapsMustBeStatedOnceAsPositiveNumbers() {
        assertRefused(catalogue(entry("FUND_POOL", "RED_LINE", "\"NO_RED_LINE\"")), "problems", "borrowerCaps");
        assertRefused(catalogue(CAPS_ENTRY.replace("200000", "\"200000\"")),
                "problems[0].borrowerCaps.naturalPersonOnePlatform", "positive amount");
        assertRefused(catalogue(CAPS_ENTRY.replace("200000", "2000000")), "problems[0].borrowerCaps",
                "more on one platform");
        assertRefused(catalogue(CAPS_ENTRY, CAPS_ENTRY.replace("BORROWER_CAP_EXCEEDED", "CAP_AGAIN")),
                "problems[1].borrowerCaps", "one entry only");
    }

    @Test
    void cls02_textThatIsNotACatalogueIsRefused() {
        assertThatThrownBy(() -> ProblemCatalogue.read("{\"problems\": [")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not valid JSON");
        assertRefused("[]", null, "must be a JSON object");
        assertRefused("{\"problems\": []}", "problems", "non-empty");
        assertRefused("{\"problems\": [], \"problems\": []}", null, "not valid JSON");
    }

    @Test
    void cls02_aSmallValidCatalogueReads() {
        ProblemCatalogue small = ProblemCatalogue.read(catalogue(entry("FUND_POOL", "RED_LINE", "\"NO_RED_LINE\""),
                CAPS_ENTRY));

        assertThat(small.all()).extracting(ProblemDefinition::code).containsExactly("FUND_POOL",
                "BORROWER_CAP_EXCEEDED");
        assertThat(small.borrowerCaps().legalPersonAllPlatforms()).isEqualByComparingTo(new BigDecimal("5000000"));
    }

    private static String entry(String code, String kind, String fails) {
        return ENTRY.formatted(code, kind, fails);
    }

    private static String catalogue(String... entries) {
        return "{\"description\": \"test\", \"problems\": [" + String.join(",", entries) + "]}";
    }

    private static void assertRefused(String json, String member, String problem) {
        assertThatThrownBy(() -> ProblemCatalogue.read(json)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> {
                    assertThat(e.member()).isEqualTo(member);
                    assertThat(e.problem()).contains(problem);
                    assertThat(e.rule()).startsWith("CLS-0");
                });
    }
}
