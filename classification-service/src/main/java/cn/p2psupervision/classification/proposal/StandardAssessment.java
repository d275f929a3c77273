package cn.p2psupervision.classification.proposal;

import java.util.List;

import cn.p2psupervision.classification.catalogue.Standard;

/**
 * CLS-05/CLS-07: one of the five standards, met or failed, with the facts that fail it (sorted; none when met).
 */
public record StandardAssessment(Standard standard, Outcome outcome, List<Ground> grounds) {

    public StandardAssessment {
        grounds = grounds.stream().sorted().distinct().toList();
        if ((outcome == Outcome.FAILED) == grounds.isEmpty()) {
            throw new IllegalArgumentException("A standard fails exactly when facts fail it");
        }
    }

    /** The standard, failed by {@code grounds}, or met when there are none. */
    public static StandardAssessment of(Standard standard, List<Ground> grounds) {
        return new StandardAssessment(standard, grounds.isEmpty() ? Outcome.MET : Outcome.FAILED, grounds);
    }

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }
}
