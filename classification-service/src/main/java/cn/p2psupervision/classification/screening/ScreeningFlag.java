package cn.p2psupervision.classification.screening;

import java.util.List;
import java.util.stream.Collectors;

/**
 * CLS-04: a key-screening flag (重点排查提示) with the evidence that raised it, sorted. A flag raises attention; it
 * is not a category and never decides one.
 */
public record ScreeningFlag(FlagCode code, List<FlagEvidence> evidence) implements Comparable<ScreeningFlag> {

    public ScreeningFlag {
        if (code == null || evidence == null || evidence.isEmpty()) {
            throw new IllegalArgumentException("A flag needs a code and evidence");
        }
        evidence = evidence.stream().sorted().distinct().toList();
    }

    /** e.g. {@code 产品综合收益率过高：2016-03 综合收益率 12.50%}. */
    public String describe() {
        return code.chinese() + "：" + evidence.stream().map(FlagEvidence::describe).collect(Collectors.joining("；"));
    }

    /** By code, then by evidence: the order of flags in a proposal. */
    @Override
    public int compareTo(ScreeningFlag other) {
        int byCode = code.compareTo(other.code);
        if (byCode != 0) {
            return byCode;
        }
        for (int i = 0; i < Math.min(evidence.size(), other.evidence.size()); i++) {
            int byEvidence = evidence.get(i).compareTo(other.evidence.get(i));
            if (byEvidence != 0) {
                return byEvidence;
            }
        }
        return Integer.compare(evidence.size(), other.evidence.size());
    }
}
