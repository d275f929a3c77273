package cn.p2psupervision.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The acceptance seed's assignment of scenarios: stable across runs, skipping what does not open. */
class AcceptancePlanTest {

    @Test
    void candidatesInIdOrderTakeTheScenariosInTurnSkippingThoseThatDoNotOpen() {
        List<String> asked = new ArrayList<>();
        List<AcceptancePlan.Assignment> plan = AcceptancePlan.assign(List.of("g", "c", "a", "e", "b", "f", "d", "h"),
                Set.of(), id -> {
                    asked.add(id);
                    return !id.equals("b") && !id.equals("d");
                });

        assertThat(plan).extracting(AcceptancePlan.Assignment::institutionId).containsExactly("a", "c", "e", "f", "g");
        assertThat(plan).extracting(AcceptancePlan.Assignment::scenario)
                .containsExactly(AcceptancePlan.Scenario.values());
        assertThat(asked).as("nothing opened beyond the scenarios").containsExactly("a", "b", "c", "d", "e", "f", "g");
    }

    @Test
    void aSecondRunFindsTheSameAssignmentWithoutOpeningAnything() {
        List<String> candidates = List.of("g", "c", "a", "e", "b", "f", "d", "h");
        List<AcceptancePlan.Assignment> first = AcceptancePlan.assign(candidates, Set.of(),
                id -> !id.equals("b") && !id.equals("d"));
        List<String> opened = new ArrayList<>();

        List<AcceptancePlan.Assignment> second = AcceptancePlan.assign(candidates, Set.of("a", "c", "e", "f", "g"),
                id -> {
                    opened.add(id);
                    return false; // refused again (not eligible)
                });

        assertThat(second).isEqualTo(first);
        assertThat(opened).containsExactly("b", "d");
    }

    @Test
    void fewerCandidatesLeaveTheLastScenariosOut() {
        assertThat(AcceptancePlan.assign(List.of("x", "y"), Set.of("y"), id -> true))
                .containsExactly(new AcceptancePlan.Assignment("x", AcceptancePlan.Scenario.OPEN),
                        new AcceptancePlan.Assignment("y", AcceptancePlan.Scenario.CHECKED));
        assertThat(AcceptancePlan.Scenario.ON_NOTICE.checked()).isTrue();
        assertThat(AcceptancePlan.Scenario.OPEN.concluded()).isFalse();
        assertThat(AcceptancePlan.Scenario.BANNED.concluded()).isTrue();
    }
}
