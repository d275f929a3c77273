package cn.p2psupervision.classification.catalogue;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * One entry of the problem catalogue (问题目录, CLS-02/CLS-03): a stable {@code code} such as {@code FUND_POOL}, its
 * Chinese {@code name} (设立资金池), its {@code kind}, the standards (CLS-05) a finding of it fails, whether it is
 * violating business whose outstanding amount (存量) a finding must state (CLS-01), the regulatory {@code basis} and,
 * for the single-borrower cap only, the caps themselves.
 *
 * @param fails        the standards failed, in their order; empty for a business type (CLS-04)
 * @param borrowerCaps the caps (CLS-03) on the entry that states them, otherwise null
 */
public record ProblemDefinition(String code, String name, ProblemKind kind, Set<Standard> fails,
                                boolean violatingBusiness, String basis, BorrowerCaps borrowerCaps) {

    public ProblemDefinition {
        EnumSet<Standard> ordered = EnumSet.noneOf(Standard.class);
        if (fails != null) {
            ordered.addAll(fails);
        }
        fails = Collections.unmodifiableSet(ordered);
    }

    /** Whether a finding of this problem fails {@code standard}. */
    public boolean failsStandard(Standard standard) {
        return fails.contains(standard);
    }
}
