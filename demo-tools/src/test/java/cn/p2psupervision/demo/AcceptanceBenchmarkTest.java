package cn.p2psupervision.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The complaints' phase judged from the answers and the complaints stored on the case. */
class AcceptanceBenchmarkTest {

    private static List<AcceptanceBenchmark.Answer> answers(int created, int limited, boolean retryAfter) {
        List<AcceptanceBenchmark.Answer> answers = new ArrayList<>();
        for (int i = 0; i < created; i++) {
            answers.add(new AcceptanceBenchmark.Answer(201, false));
        }
        for (int i = 0; i < limited; i++) {
            answers.add(new AcceptanceBenchmark.Answer(429, retryAfter));
        }
        return answers;
    }

    @Test
    void fiveAdmittedThenEveryExcessAnswer429WithRetryAfterAndFiveStoredHolds() {
        AcceptanceBenchmark.ComplaintFigures figures = AcceptanceBenchmark.ComplaintFigures.of(answers(5, 25, true),
                3, 8);

        assertThat(figures.created()).isEqualTo(5);
        assertThat(figures.limited()).isEqualTo(25);
        assertThat(figures.firstRefused()).isEqualTo(6);
        assertThat(figures.stored()).isEqualTo(5);
        assertThat(figures.statuses()).isEqualTo(Map.of(201, 5, 429, 25));
        assertThat(figures.holds()).isTrue();
        assertThat(AcceptanceBenchmark.describe(figures)).contains("5 × 201, 25 × 429 (25 with Retry-After)")
                .contains("first refused: #6").contains("the limit held");
    }

    @Test
    void refusedFromTheFirstStillHoldsWhenNothingIsStored() {
        AcceptanceBenchmark.ComplaintFigures figures = AcceptanceBenchmark.ComplaintFigures.of(answers(0, 30, true),
                8, 8);

        assertThat(figures.firstRefused()).isEqualTo(1);
        assertThat(figures.holds()).isTrue();
    }

    @Test
    void aMissingRetryAfterAnotherStatusAnAdmissionAfterARefusalOrAnExtraStoredComplaintDoNotHold() {
        assertThat(AcceptanceBenchmark.ComplaintFigures.of(answers(5, 2, false), 0, 5).holds()).isFalse();
        List<AcceptanceBenchmark.Answer> withError = answers(5, 2, true);
        withError.add(new AcceptanceBenchmark.Answer(500, false));
        assertThat(AcceptanceBenchmark.ComplaintFigures.of(withError, 0, 5).excessAll429()).isFalse();
        List<AcceptanceBenchmark.Answer> late = answers(5, 2, true);
        late.add(new AcceptanceBenchmark.Answer(201, false));
        AcceptanceBenchmark.ComplaintFigures admitted = AcceptanceBenchmark.ComplaintFigures.of(late, 0, 6);
        assertThat(admitted.admittedAfterRefusal()).isTrue();
        assertThat(admitted.holds()).isFalse();
        assertThat(AcceptanceBenchmark.ComplaintFigures.of(answers(5, 2, true), 0, 6).holds()).isFalse();
        assertThat(AcceptanceBenchmark.ComplaintFigures.of(answers(5, 2, true), -1, 5).stored()).isEqualTo(-1);
    }

    @Test
    void theConditionalPhaseCountsOnlyNotModifiedAsAnswered() {
        assertThat(AcceptanceBenchmark.fresh(304)).isTrue();
        assertThat(AcceptanceBenchmark.fresh(200)).isFalse();
        assertThat(AcceptanceBenchmark.fresh(503)).isFalse();
        assertThat(Benchmark.ok(204)).isTrue();
        assertThat(Benchmark.ok(304)).isFalse();
    }
}
