package cn.p2psupervision.classification.proposal;

import java.util.List;

/**
 * CLS-07: one reason of a proposal, in a stable machine form — a {@link Code} and the ids and codes it refers to —
 * and in Simplified Chinese.
 *
 * @param refs for {@code CRIMINAL_SUSPICION} the finding id and problem code; for {@code STANDARD_FAILED} the
 *             standard's name followed by the deciding findings' ids (or registry fact codes); empty for
 *             {@code ALL_STANDARDS_MET}
 */
public record Reason(Code code, List<String> refs, String text) {

    public Reason {
        refs = List.copyOf(refs);
    }

    public enum Code {
        /** A finding of a criminal suspicion: banning (取缔类, CLS-06). */
        CRIMINAL_SUSPICION,
        /** A standard is failed: rectification (整改类) unless banning applies (CLS-05, CLS-06). */
        STANDARD_FAILED,
        /** All five standards are met: compliant (合规类, CLS-06). */
        ALL_STANDARDS_MET
    }
}
