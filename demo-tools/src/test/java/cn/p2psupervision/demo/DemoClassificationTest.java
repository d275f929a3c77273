package cn.p2psupervision.demo;

import static org.assertj.core.api.Assertions.assertThat;
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

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DemoClassificationTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);
    private static final YearMonth UNTIL = YearMonth.of(2017, 6);
    private static final LocalDate LATEST = Seeder.latestFoundOn(UNTIL, TODAY);
    private static DemoData data;
    private static List<DemoClassification.Plan> plans;

    @BeforeAll
    static void plan() {
        data = DemoData.generate(10_000, 42, UNTIL, 30, TODAY);
        plans = DemoClassification.plan(data, 42, LATEST);
    }

    @Test
    void findingsAreDatedUpToTheMonthBeforeTheLastReportNeverAfterToday() {
        assertThat(LATEST).isEqualTo(LocalDate.of(2017, 5, 31));
        assertThat(Seeder.latestFoundOn(UNTIL, LocalDate.of(2017, 5, 20))).isEqualTo(LocalDate.of(2017, 5, 20));
    }

    @Test
    void plansEveryInstitutionInScopeOfTheProvincesWithDemoUsersAndNoOther() {
        long eligible = data.institutions().stream().filter(DemoData.Institution::inScope)
                .filter(i -> Set.of("33", "44").contains(i.registeredProvince())).count();
        assertThat(plans).hasSize((int) eligible);
        assertThat(eligible).isBetween(3_200L, 3_500L); // 14 % + 20 % of 10,000, 97 % in scope
        for (DemoClassification.Plan plan : plans) {
            assertThat(plan.institution().inScope()).isTrue();
            assertThat(plan.officers().province()).isEqualTo(plan.institution().registeredProvince());
            assertThat(plan.officers().heads()).contains(plan.approver()).doesNotContain(plan.officers().officer());
        }
    }

    @Test
    void sharesOfFindingsDecisionsOverridesAndApprovals() {
        long withFindings = plans.stream().filter(p -> !p.findings().isEmpty()).count();
        long decided = plans.stream().filter(DemoClassification.Plan::decide).count();
        long differ = plans.stream().filter(DemoClassification.Plan::differ).count();
        long approved = plans.stream().filter(DemoClassification.Plan::approve).count();
        assertThat(withFindings / (double) plans.size()).isBetween(0.66, 0.74);
        assertThat(decided / (double) plans.size()).isBetween(0.56, 0.64);
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
        assertThat(DemoClassification.plan(data, 42, LATEST)).isEqualTo(plans);
        assertThat(DemoClassification.plan(data, 43, LATEST)).isNotEqualTo(plans);
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
