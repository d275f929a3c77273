package cn.p2psupervision.classification.proposal;

import java.time.LocalDate;

/**
 * What the registry tells the proposal about an institution (REG-02, REG-04, REG-08): its id (统一社会信用代码),
 * whether it is in the campaign's scope, its status as the registry names it (e.g. {@code OPERATING}), its custody
 * bank (资金存管银行, null when it has none), and its dates of establishment and of starting online lending (null when
 * unknown). The proposal keeps them as the facts it was made from.
 */
public record InstitutionFacts(String institutionId, boolean inScope, String status, String custodyBank,
                               LocalDate established, LocalDate lendingStarted) {

    public InstitutionFacts {
        if (institutionId == null || institutionId.isBlank()) {
            throw new IllegalArgumentException("institutionId is required");
        }
        custodyBank = custodyBank == null || custodyBank.isBlank() ? null : custodyBank.strip();
    }

    /** CLS-05 standard 4, as far as the registry shows it. */
    public boolean hasCustodyBank() {
        return custodyBank != null;
    }
}
