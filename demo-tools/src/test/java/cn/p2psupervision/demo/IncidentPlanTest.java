package cn.p2psupervision.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The incident seed's plan ({@link IncidentPlan}): per province the largest institutions, 20 officers' signals of
 * every type and 3 agencies' signals, one event in each state, the support note's on an institution doing business in
 * the other province; the same institutions give the same plan; and the breaches an unnotified especially major event
 * has once the clock is back on real time.
 */
class IncidentPlanTest {

    private static IncidentPlan.Candidate candidate(String province, int n, String... business) {
        return new IncidentPlan.Candidate(province + "-" + n, "测试平台" + province + n, province, List.of(business),
                BigDecimal.valueOf(1_000_000L * (100 - n)));
    }

    private static List<IncidentPlan.Candidate> largest(String province, int count) {
        List<IncidentPlan.Candidate> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(candidate(province, i));
        }
        return list;
    }

    @Test
    void perProvinceTheLargestInstitutionsSignalsOfEveryTypeAndAnEventInEachState() {
        IncidentPlan.Candidate zjInGd = candidate("33", 40, "44", "31");
        IncidentPlan.Candidate gdInZj = candidate("44", 41, "33");
        IncidentPlan.Plan plan = IncidentPlan.plan(Map.of("33", largest("33", 10), "44", largest("44", 10)),
                Map.of("33", zjInGd, "44", gdInZj));

        assertThat(plan.notes()).isEmpty();
        for (String province : List.of("33", "44")) {
            List<IncidentPlan.PlannedSignal> signals = plan.signals().stream()
                    .filter(s -> s.province().equals(province)).toList();
            List<IncidentPlan.PlannedSignal> officers = signals.stream().filter(s -> s.agency() == null).toList();
            List<IncidentPlan.PlannedSignal> agencies = signals.stream().filter(s -> s.agency() != null).toList();
            assertThat(officers).hasSize(IncidentPlan.OFFICER_SIGNALS);
            assertThat(officers.stream().map(IncidentPlan.PlannedSignal::type).distinct())
                    .containsExactlyInAnyOrderElementsOf(IncidentPlan.SIGNAL_TYPES);
            assertThat(agencies).hasSize(IncidentPlan.AGENCY_SIGNALS);
            assertThat(agencies.stream().map(IncidentPlan.PlannedSignal::agencyClient).distinct())
                    .containsExactlyInAnyOrder("agency-public-security", "agency-market-regulation");
            assertThat(signals).allMatch(s -> s.institution().registeredProvince().equals(province))
                    .extracting(s -> s.institution().id()).isSubsetOf(largest(province, IncidentPlan.INSTITUTIONS)
                            .stream().map(IncidentPlan.Candidate::id).toList());
            assertThat(signals.stream().map(s -> s.institution().id() + s.type() + s.description() + s.agency())
                    .distinct()).as("told apart by institution, type, text and agency").hasSize(signals.size());
            assertThat(signals).allMatch(s -> s.minutesAgo() > 0 && s.minutesAgo() < 3 * 24 * 60);

            List<IncidentPlan.PlannedEvent> events = plan.events().stream().filter(e -> e.province().equals(province))
                    .toList();
            assertThat(events).extracting(IncidentPlan.PlannedEvent::scenario)
                    .containsExactlyInAnyOrder(IncidentPlan.Scenario.values());
            assertThat(events.stream().map(e -> e.institution().id() + e.title()).distinct()).hasSize(events.size());
            IncidentPlan.PlannedEvent supported = events.stream()
                    .filter(e -> e.scenario() == IncidentPlan.Scenario.SUPPORTED).findFirst().orElseThrow();
            assertThat(supported.institution()).isEqualTo("33".equals(province) ? zjInGd : gdInZj);
            assertThat(supported.supportProvince()).isEqualTo(IncidentPlan.other(province));
            assertThat(supported.institution().businessProvinces()).contains(supported.supportProvince());
            assertThat(events).filteredOn(e -> e.scenario() != IncidentPlan.Scenario.SUPPORTED)
                    .allMatch(e -> e.supportProvince() == null)
                    .allMatch(e -> e.institution().registeredProvince().equals(province));

            Set<Integer> linked = new HashSet<>();
            for (IncidentPlan.PlannedEvent event : events) {
                for (int number : event.links()) {
                    assertThat(linked.add(number)).as("a signal links to one event only").isTrue();
                    IncidentPlan.PlannedSignal signal = officers.stream().filter(s -> s.number() == number)
                            .findFirst().orElseThrow();
                    assertThat(signal.institution().id()).isEqualTo(event.institution().id());
                }
            }
            assertThat(linked).as("every event about a chosen institution links a signal").hasSize(7);
        }
        assertThat(plan.eventsByScenario()).hasSize(IncidentPlan.Scenario.values().length)
                .allSatisfy((scenario, n) -> assertThat(n).isEqualTo(2L));
    }

    @Test
    void theSameInstitutionsGiveTheSamePlan() {
        Map<String, List<IncidentPlan.Candidate>> largest = Map.of("33", largest("33", 8), "44", largest("44", 3));
        Map<String, IncidentPlan.Candidate> support = Map.of("33", candidate("33", 3, "44"));

        assertThat(IncidentPlan.plan(largest, support)).isEqualTo(IncidentPlan.plan(largest, support));
    }

    @Test
    void fewInstitutionsAreTakenInTurn_andWithoutOneDoingBusinessInTheOtherProvinceNoSupportNote() {
        IncidentPlan.Plan plan = IncidentPlan.plan(Map.of("33", largest("33", 2), "44", List.of()), Map.of());

        assertThat(plan.notes()).anySatisfy(note -> assertThat(note).contains("does business in 44"))
                .anySatisfy(note -> assertThat(note).contains("no institution registered in 44"));
        EnumSet<IncidentPlan.Scenario> planned = EnumSet.noneOf(IncidentPlan.Scenario.class);
        plan.events().forEach(e -> planned.add(e.scenario()));
        assertThat(planned).containsExactlyInAnyOrderElementsOf(EnumSet.complementOf(EnumSet.of(
                IncidentPlan.Scenario.SUPPORTED)));
        assertThat(plan.events()).extracting(e -> e.institution().id()).containsOnly("33-0", "33-1");
        assertThat(plan.signals()).hasSize(IncidentPlan.OFFICER_SIGNALS + IncidentPlan.AGENCY_SIGNALS);
    }

    @Test
    void anUnnotifiedEspeciallyMajorEventBreachesWhatIsDueOnceTheClockIsBack() {
        assertThat(IncidentPlan.breachesOnceBack(Duration.ofHours(5))).isEqualTo(2);
        assertThat(IncidentPlan.breachesOnceBack(Duration.ofHours(3))).isEqualTo(1);
        assertThat(IncidentPlan.breachesOnceBack(Duration.ofMinutes(119))).isZero();
        assertThat(IncidentPlan.breachesOnceBack(Duration.ofHours(-1))).isZero();
    }

    @Test
    void aRecordedSignalIsThePlannedOneWhenInstitutionTypeTextAndAgencyAgree() {
        JsonMapper json = JsonMapper.builder().build();
        IncidentPlan.PlannedSignal planned = IncidentPlan.plan(Map.of("33", largest("33", 6)), Map.of()).signals()
                .stream().filter(s -> s.agency() != null).findFirst().orElseThrow();
        ObjectNode recorded = json.createObjectNode().put("type", planned.type())
                .put("description", planned.description()).put("agency", planned.agency());
        recorded.putArray("institutionIds").add(planned.institution().id());

        assertThat(IncidentSeeder.matches(recorded, planned)).isTrue();
        assertThat(IncidentSeeder.matches(recorded.deepCopy().putNull("agency"), planned)).isFalse();
        assertThat(IncidentSeeder.matches(recorded.deepCopy().put("description", "x"), planned)).isFalse();
        ObjectNode other = recorded.deepCopy();
        other.putArray("institutionIds").add("33-5");
        assertThat(IncidentSeeder.matches(other, planned)).isFalse();
    }

    @Test
    void theClockIsDescribedInHours() {
        assertThat(IncidentSeeder.describe(Duration.ofMinutes(300).plusSeconds(20))).isEqualTo("5.0 h behind real time");
        assertThat(IncidentSeeder.describe(Duration.ofMillis(300))).isEqualTo("on real time");
        assertThat(IncidentSeeder.describe(Duration.ofHours(-2))).isEqualTo("2.0 h ahead of real time");
    }
}
