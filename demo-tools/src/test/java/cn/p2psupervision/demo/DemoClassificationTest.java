package cn.p2psupervision.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DemoClassificationTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);
    private static final YearMonth UNTIL = YearMonth.of(2017, 6);
    private static final LocalDate LATEST = Seeder.latestFoundOn(UNTIL, TODAY);
    private static final Set<String> ZJ_GD = Set.of("33", "44");
    private static DemoData data;
    /** Every province's plans, as the seed makes them by default. */
    private static List<DemoClassification.Plan> plans;

    @BeforeAll
    static void plan() {
        data = DemoData.generate(10_000, 42, UNTIL, 30, TODAY);
        plans = DemoClassification.plan(data, 42, LATEST, DemoClassification.ALL_PROVINCES);
    }

    @Test
    void findingsAreDatedUpToTheMonthBeforeTheLastReportNeverAfterToday() {
        assertThat(LATEST).isEqualTo(LocalDate.of(2017, 5, 31));
        assertThat(Seeder.latestFoundOn(UNTIL, LocalDate.of(2017, 5, 20))).isEqualTo(LocalDate.of(2017, 5, 20));
    }

    @Test
    void plansEveryInstitutionInScopeOfEveryProvinceAsItsOfficers() {
        long inScope = data.institutions().stream().filter(DemoData.Institution::inScope).count();
        assertThat(plans).hasSize((int) inScope);
        assertThat(inScope).isBetween(9_500L, 9_900L); // 97 % of 10,000 in scope
        Set<String> provinces = new TreeSet<>();
        for (DemoClassification.Plan plan : plans) {
            assertThat(plan.institution().inScope()).isTrue();
            assertThat(plan.officers()).isEqualTo(DemoClassification.officersOf(plan.institution().registeredProvince()));
            assertThat(plan.officers().heads()).contains(plan.approver()).doesNotContain(plan.officers().officer());
            provinces.add(plan.officers().province());
        }
        assertThat(provinces).isEqualTo(DemoClassification.ALL_PROVINCES).hasSize(31);
    }

    @Test
    void plansOnlyTheProvincesAskedFor() {
        List<DemoClassification.Plan> zjGd = DemoClassification.plan(data, 42, LATEST, ZJ_GD);
        long eligible = data.institutions().stream().filter(DemoData.Institution::inScope)
                .filter(i -> ZJ_GD.contains(i.registeredProvince())).count();
        assertThat(zjGd).hasSize((int) eligible);
        assertThat(eligible).isBetween(3_200L, 3_500L); // 14 % + 20 % of 10,000, 97 % in scope
        assertThat(zjGd).allMatch(p -> ZJ_GD.contains(p.institution().registeredProvince()));
        assertThat(DemoClassification.plan(data, 42, LATEST, Set.of("11")))
                .isNotEmpty().allMatch(p -> "p11-officer".equals(p.officers().officer()));
    }

    /** An institution's plan comes from its own random stream: planning other provinces too changes none. */
    @Test
    void planningEveryProvinceKeepsZhejiangsAndGuangdongsPlans() {
        List<DemoClassification.Plan> zjGd = DemoClassification.plan(data, 42, LATEST, ZJ_GD);
        assertThat(plans.stream().filter(p -> ZJ_GD.contains(p.institution().registeredProvince())).toList())
                .isEqualTo(zjGd);
        List<DemoClassification.Plan> beijing = DemoClassification.plan(data, 42, LATEST, Set.of("11"));
        assertThat(plans.stream().filter(p -> "11".equals(p.institution().registeredProvince())).toList())
                .isEqualTo(beijing);
    }

    /**
     * The decided shares were 0.70 and 0.37 (about 60 % decided); raised to 0.99 and 0.95, every institution decided
     * before still is, with the same plan; the others keep their findings, and only the newly decided draw differently
     * after the decision (override, approval, approver).
     */
    @Test
    void raisingTheDecidedSharesKeepsEveryEarlierDecisionAsItWas() {
        List<DemoClassification.Plan> before = DemoClassification.plan(data, 42, LATEST,
                DemoClassification.ALL_PROVINCES, 0.70, 0.37);
        assertThat(before).hasSameSizeAs(plans);
        long decidedBefore = before.stream().filter(DemoClassification.Plan::decide).count();
        assertThat(decidedBefore / (double) before.size()).isBetween(0.56, 0.64);
        int newlyDecided = 0;
        for (int k = 0; k < plans.size(); k++) {
            DemoClassification.Plan was = before.get(k);
            DemoClassification.Plan now = plans.get(k);
            assertThat(now.institution()).isSameAs(was.institution());
            assertThat(now.findings()).isEqualTo(was.findings());
            if (was.decide() || !now.decide()) {
                assertThat(now).isEqualTo(was);
            } else {
                newlyDecided++;
            }
        }
        long decidedNow = plans.stream().filter(DemoClassification.Plan::decide).count();
        assertThat(decidedNow).isEqualTo(decidedBefore + newlyDecided);
    }

    @Test
    void sharesOfFindingsDecisionsOverridesAndApprovals() {
        List<DemoClassification.Plan> withFindings = plans.stream().filter(p -> !p.findings().isEmpty()).toList();
        List<DemoClassification.Plan> without = plans.stream().filter(p -> p.findings().isEmpty()).toList();
        long decided = plans.stream().filter(DemoClassification.Plan::decide).count();
        long differ = plans.stream().filter(DemoClassification.Plan::differ).count();
        long approved = plans.stream().filter(DemoClassification.Plan::approve).count();
        assertThat(withFindings.size() / (double) plans.size()).isBetween(0.66, 0.74);
        assertThat(withFindings.stream().filter(DemoClassification.Plan::decide).count() / (double) withFindings.size())
                .isBetween(0.98, 1.0);
        assertThat(without.stream().filter(DemoClassification.Plan::decide).count() / (double) without.size())
                .isBetween(0.93, 0.97);
        assertThat(decided / (double) plans.size()).isBetween(0.96, 0.99);
        assertThat(decided).as("--institutions 10000, seed 42: national statistics over about 10,000 decisions")
                .isBetween(9_400L, 9_600L); // 9,502 of 9,707 institutions in scope
        assertThat(differ / (double) decided).isBetween(0.07, 0.13);
        assertThat(approved / (double) decided).isBetween(0.80, 0.90);
        assertThat(plans).allMatch(p -> p.decide() || !p.differ() && !p.approve());
        for (DemoClassification.Plan plan : plans) {
            assertThat(plan.findings()).hasSizeBetween(0, 4);
            assertThat(plan.findings().stream().map(DemoClassification.Finding::problemCode).distinct())
                    .hasSameSizeAs(plan.findings());
        }
        double average = plans.stream().mapToInt(p -> p.findings().size()).filter(n -> n > 0).average().orElseThrow();
        assertThat(average).isBetween(1.8, 2.4);
    }

    @Test
    void officersOfARealmProvinceAreItsDemoUsersOfAnotherTheGeneratedAccounts() {
        assertThat(DemoClassification.officersOf("33")).isEqualTo(new DemoClassification.Officers("33", "zj-officer",
                List.of("zj-head-finance", "zj-head-regulator")));
        assertThat(DemoClassification.officersOf("44").all())
                .containsExactly("gd-officer", "gd-head-finance", "gd-head-regulator");
        assertThat(DemoClassification.officersOf("11")).isEqualTo(new DemoClassification.Officers("11", "p11-officer",
                List.of("p11-head-finance", "p11-head-regulator")));
        assertThat(DemoClassification.officersOf("65").officer()).isEqualTo("p65-officer");
        assertThatThrownBy(() -> DemoClassification.officersOf("99")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void classificationProvincesOptionIsAllOrCodes() {
        assertThat(DemoClassification.provinces("all")).isEqualTo(DemoClassification.ALL_PROVINCES).hasSize(31);
        assertThat(DemoClassification.provinces("44,33")).containsExactly("33", "44");
        assertThat(DemoClassification.provinces(" 11 , 65,11")).containsExactly("11", "65");
        assertThatThrownBy(() -> DemoClassification.provinces("33,99")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("99").hasMessageContaining("--classification-provinces");
        assertThatThrownBy(() -> DemoClassification.provinces(",")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DemoClassification.provinces("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void findingsKeepTheRulesOfTheFindingEndpoint() {
        for (DemoClassification.Plan plan : plans) {
            DemoData.Institution institution = plan.institution();
            for (DemoClassification.Finding finding : plan.findings()) {
                DemoClassification.Problem problem = DemoClassification.problem(finding.problemCode());
                if (problem.violatingBusiness()) {
                    assertThat(finding.outstandingAmount()).as(finding.toString()).isNotNull();
                    assertThat(finding.outstandingAmount().scale()).isEqualTo(2);
                    assertThat(finding.outstandingAmount()).isGreaterThanOrEqualTo(BigDecimal.valueOf(10_000));
                } else {
                    assertThat(finding.outstandingAmount()).as(finding.toString()).isNull();
                }
                assertThat(finding.foundOn()).isBeforeOrEqualTo(LATEST).isAfterOrEqualTo(LATEST.minusDays(330));
                assertThat(finding.text()).isNotBlank().contains(institution.name())
                        .startsWith(DemoClassification.chineseDate(finding.foundOn()));
                assertThat(finding.text().codePointCount(0, finding.text().length())).isLessThanOrEqualTo(4000);
                assertThat(finding.documents()).hasSizeBetween(1, 3).doesNotHaveDuplicates()
                        .allMatch(d -> !d.isBlank() && d.length() <= 200);
                if ("NO_THIRD_PARTY_CUSTODY".equals(finding.problemCode())) {
                    assertThat(institution.custodyBank()).isNull();
                }
                if (problem.violatingBusiness() && problem.kind() != DemoClassification.Kind.CRIMINAL) {
                    assertThat(finding.text()).contains(DemoClassification.money(finding.outstandingAmount()));
                }
            }
        }
        Set<String> used = new HashSet<>();
        plans.forEach(p -> p.findings().forEach(f -> used.add(f.problemCode())));
        assertThat(used).as("every problem of the catalogue occurs").hasSize(DemoClassification.CATALOGUE.size());
        Set<DemoClassification.Source> sources = new HashSet<>();
        plans.forEach(p -> p.findings().forEach(f -> sources.add(f.source())));
        assertThat(sources).containsExactlyInAnyOrder(DemoClassification.Source.values());
    }

    @Test
    void criminalSuspicionsConcentrateOnCollapsedPlatforms() {
        Map<DemoData.Shape, long[]> criminal = new HashMap<>(); // shape -> {with findings, with a criminal one}
        for (DemoClassification.Plan plan : plans) {
            if (plan.findings().isEmpty()) {
                continue;
            }
            long[] counts = criminal.computeIfAbsent(plan.institution().shape(), s -> new long[2]);
            counts[0]++;
            boolean suspected = plan.findings().stream().anyMatch(f ->
                    DemoClassification.problem(f.problemCode()).kind() == DemoClassification.Kind.CRIMINAL);
            counts[1] += suspected ? 1 : 0;
        }
        long[] collapsed = criminal.get(DemoData.Shape.COLLAPSE);
        long[] steady = criminal.get(DemoData.Shape.STEADY);
        assertThat(collapsed[1] / (double) collapsed[0]).isBetween(0.3, 0.7);
        assertThat(steady[1] / (double) steady[0]).isLessThan(0.05);
    }

    @Test
    void sameSeedSamePlansOtherSeedOtherPlans() {
        assertThat(DemoClassification.plan(data, 42, LATEST, DemoClassification.ALL_PROVINCES)).isEqualTo(plans);
        assertThat(DemoClassification.plan(data, 43, LATEST, DemoClassification.ALL_PROVINCES)).isNotEqualTo(plans);
    }

    @Test
    void anOverrideIsAnotherCategoryWithAWrittenReason() {
        DemoClassification.Plan violating = plans.stream().filter(p -> p.findings().stream()
                .anyMatch(f -> f.outstandingAmount() != null)).findFirst().orElseThrow();
        DemoClassification.Plan clean = plans.stream().filter(p -> p.findings().isEmpty()).findFirst().orElseThrow();
        for (DemoClassification.Plan plan : List.of(violating, clean)) {
            for (double draw : new double[]{0.1, 0.9}) {
                DemoClassification.Plan drawn = new DemoClassification.Plan(plan.institution(), plan.officers(),
                        plan.approver(), plan.findings(), true, true, true, draw);
                for (String proposed : List.of("COMPLIANT", "RECTIFICATION", "BANNING")) {
                    DemoClassification.Override override = DemoClassification.override(proposed, drawn);
                    assertThat(override.category()).isIn("COMPLIANT", "RECTIFICATION", "BANNING")
                            .isNotEqualTo(proposed);
                    assertThat(override.reason()).isNotBlank().hasSizeLessThanOrEqualTo(2000);
                }
            }
        }
        DemoClassification.Plan banned = new DemoClassification.Plan(violating.institution(), violating.officers(),
                violating.approver(), violating.findings(), true, true, true, 0.1);
        assertThat(DemoClassification.override("RECTIFICATION", banned).category()).isEqualTo("BANNING");
        DemoClassification.Plan rectified = new DemoClassification.Plan(clean.institution(), clean.officers(),
                clean.approver(), clean.findings(), true, true, true, 0.1);
        assertThat(DemoClassification.override("RECTIFICATION", rectified).category())
                .as("no violating business found: no banning").isEqualTo("COMPLIANT");
    }

    @Test
    void moneyIsWrittenInWanOrYi() {
        assertThat(DemoClassification.money(new BigDecimal("1250000.00"))).isEqualTo("125.00万元");
        assertThat(DemoClassification.money(new BigDecimal("350000000.00"))).isEqualTo("3.50亿元");
    }

    /** The catalogue copied here must be the classification service's (read from the source tree when present). */
    @Test
    void catalogueIsTheClassificationServices() throws Exception {
        Path file = Path.of("..", "classification-service", "src", "main", "resources", "catalogue", "problems.json");
        assumeThat(Files.exists(file)).as(file + " present").isTrue();
        JsonNode problems = JsonMapper.builder().build().readTree(Files.readString(file)).path("problems");
        Map<String, DemoClassification.Problem> ours = new HashMap<>();
        DemoClassification.CATALOGUE.forEach(p -> ours.put(p.code(), p));
        assertThat(problems.size()).isEqualTo(ours.size());
        for (JsonNode problem : problems) {
            DemoClassification.Problem mine = ours.get(problem.path("code").asString());
            assertThat(mine).as(problem.path("code").asString()).isNotNull();
            assertThat(mine.name()).isEqualTo(problem.path("name").asString());
            assertThat(mine.kind().name()).isEqualTo(problem.path("kind").asString());
            assertThat(mine.violatingBusiness()).isEqualTo(problem.path("violatingBusiness").asBoolean());
        }
    }
}
