package cn.p2psupervision.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoDataTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);
    private static final YearMonth UNTIL = YearMonth.of(2017, 6);
    private static DemoData data;

    @BeforeAll
    static void generate() {
        data = DemoData.generate(10_000, 42, UNTIL, 30, TODAY);
    }

    @Test
    void creditCodesAreValidAndUnique() {
        Set<String> codes = new HashSet<>();
        for (DemoData.Institution institution : data.institutions()) {
            assertThat(Identifiers.isValidCreditCode(institution.creditCode())).as(institution.creditCode()).isTrue();
            assertThat(codes.add(institution.creditCode())).isTrue();
            institution.shareholders().stream().filter(h -> "ENTITY".equals(h.type()))
                    .forEach(h -> assertThat(Identifiers.isValidCreditCode(h.identifier())).isTrue());
            institution.actualControllers().stream().filter(c -> "ENTITY".equals(c.type()))
                    .forEach(c -> assertThat(Identifiers.isValidCreditCode(c.identifier())).isTrue());
        }
    }

    @Test
    void provincesFollowTheCampaignProportionsAndCoverAllThirtyOne() {
        Map<String, Long> byProvince = data.institutions().stream()
                .collect(Collectors.groupingBy(DemoData.Institution::registeredProvince, Collectors.counting()));
        assertThat(byProvince).hasSize(31);
        assertThat(share(byProvince, "11")).isBetween(0.17, 0.19);
        assertThat(share(byProvince, "31")).isBetween(0.13, 0.15);
        assertThat(share(byProvince, "33")).isBetween(0.13, 0.15);
        assertThat(share(byProvince, "44")).isBetween(0.19, 0.21);
        assertThat(DemoData.generate(31, 1, UNTIL, 30, TODAY).institutions().stream()
                .map(DemoData.Institution::registeredProvince).distinct().count()).isEqualTo(31);
    }

    @Test
    void hasCrossRegionInstitutionsGroupsAndNamedOnlyControllers() {
        List<DemoData.Institution> all = data.institutions();
        long crossRegion = all.stream().filter(DemoData.Institution::crossRegion).count();
        assertThat(crossRegion).isBetween(1_950L, 2_050L);
        all.stream().filter(DemoData.Institution::crossRegion).forEach(i -> assertThat(i.branches().stream()
                .map(DemoData.Branch::province).filter(p -> !p.equals(i.registeredProvince())).distinct().count())
                .isBetween(1L, 5L));

        Map<Integer, List<DemoData.Institution>> groups = all.stream().filter(i -> i.group() >= 0)
                .collect(Collectors.groupingBy(DemoData.Institution::group));
        assertThat(groups.values().stream().mapToInt(List::size).sum()).isBetween(950, 1_050);
        for (List<DemoData.Institution> members : groups.values()) {
            assertThat(members).hasSizeBetween(2, 4);
            assertThat(members.stream().map(i -> i.actualControllers().get(0)).distinct()).hasSize(1);
            assertThat(members.get(0).actualControllers().get(0).identifier()).isNotBlank();
        }
        assertThat(groups.values().stream().filter(m -> m.stream().map(DemoData.Institution::registeredProvince)
                .distinct().count() > 1)).isNotEmpty();
        assertThat(data.summary().get("controllersNamedOnly")).isPositive();
    }

    @Test
    void factsAreConsistent() {
        for (DemoData.Institution i : data.institutions()) {
            assertThat(i.establishedOn()).isBeforeOrEqualTo(i.lendingStartedOn());
            assertThat(i.lendingStartedOn()).isBeforeOrEqualTo(TODAY);
            assertThat(i.shareholders().stream().mapToInt(DemoData.Holder::shareHundredths).sum()).isBetween(1, 10_000);
            assertThat(i.legalRepresentative().idNumber() == null
                    || i.legalRepresentative().idNumber().matches("[0-9]{17}[0-9X]")).isTrue();
        }
        assertThat(data.institutions().stream().map(DemoData.Institution::name).distinct().count()).isEqualTo(10_000);
    }

    @Test
    void reportsHaveTheFourShapes() {
        Map<DemoData.Shape, Long> shapes = DemoData.shapes(data.institutions());
        assertThat(shapes.get(DemoData.Shape.STEADY)).isEqualTo(7_000);
        assertThat(shapes.get(DemoData.Shape.FAST_GROWTH)).isEqualTo(1_000);
        assertThat(shapes.get(DemoData.Shape.COLLAPSE)).isEqualTo(1_000);
        assertThat(shapes.get(DemoData.Shape.LENDING_STOPPED)).isEqualTo(1_000);
        for (DemoData.Institution i : data.institutions()) {
            List<DemoData.Report> reports = data.reportsOf(i);
            assertThat(reports).hasSizeGreaterThanOrEqualTo(24);
            assertThat(reports.get(reports.size() - 1).period()).isEqualTo(UNTIL);
            for (DemoData.Report r : reports) {
                assertThat(r.overdueAmount()).isBetween(0L, r.loanBalance());
                assertThat(r.overdueRate()).isBetween(0, 10_000);
                assertThat(r.newLending()).isNotNegative();
                assertThat(r.loanBalance() == 0).isEqualTo(r.lenders() == 0).isEqualTo(r.borrowers() == 0);
            }
            int n = reports.size();
            switch (i.shape()) {
                case COLLAPSE -> {
                    assertThat(reports.subList(n - 4, n)).allMatch(r -> r.loanBalance() == 0 && r.newLending() == 0);
                    assertThat(reports.get(0).loanBalance()).isPositive();
                }
                case LENDING_STOPPED -> {
                    assertThat(reports.subList(n - 4, n)).allMatch(r -> r.newLending() == 0);
                    assertThat(reports.get(n - 1).loanBalance()).isLessThan(reports.get(n - 5).loanBalance());
                }
                case FAST_GROWTH -> {
                    boolean doubled = false;
                    for (int t = 6; t < n; t++) {
                        doubled |= reports.get(t).loanBalance() >= 2 * reports.get(t - 6).loanBalance();
                    }
                    assertThat(doubled).as(i.creditCode()).isTrue();
                }
                default -> assertThat(reports.get(n - 1).loanBalance()).isPositive();
            }
        }
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherData() {
        DemoData again = DemoData.generate(10_000, 42, UNTIL, 30, TODAY);
        assertThat(csv(again, true)).isEqualTo(csv(data, true));
        assertThat(csv(DemoData.generate(500, 42, UNTIL, 30, TODAY), false))
                .isEqualTo(csv(DemoData.generate(500, 42, UNTIL, 30, TODAY), false));
        DemoData other = DemoData.generate(10_000, 43, UNTIL, 30, TODAY);
        assertThat(csv(other, true)).isNotEqualTo(csv(data, true));
    }

    @Test
    void csvHasTheImportColumns() {
        String[] lines = csv(DemoData.generate(50, 7, UNTIL, 30, TODAY), true).split("\n");
        assertThat(lines[0]).isEqualTo(String.join(",", DemoData.INSTITUTION_COLUMNS));
        assertThat(lines).hasSize(51);
        String[] reports = csv(DemoData.generate(50, 7, UNTIL, 30, TODAY), false).split("\n");
        assertThat(reports[0]).isEqualTo("creditCode,period,loanBalance,lenders,borrowers,newLending,overdueAmount,"
                + "overdueRate,source");
        assertThat(reports[1]).matches("[0-9A-Y]{18},\\d{4}-\\d{2},\\d+\\.\\d{2},\\d+,\\d+,\\d+\\.\\d{2},\\d+\\.\\d{2},"
                + "\\d{1,3}\\.\\d{2},INDUSTRY_DATABASE");
    }

    private static double share(Map<String, Long> byProvince, String code) {
        return byProvince.getOrDefault(code, 0L) / 10_000.0;
    }

    private static String csv(DemoData data, boolean institutions) {
        StringWriter out = new StringWriter();
        if (institutions) {
            data.writeInstitutions(out);
        } else {
            data.writeReports(out);
        }
        return out.toString();
    }
}
