package cn.p2psupervision.acceptance.cases;

import java.time.Instant;
import java.util.List;

/**
 * ACC-03/04/05: a check as recorded by a member of the joint team, with its result and evidence (证据), and its
 * cross-verification (交叉核验) by a member of another agency. Re-recording a check clears its confirmation.
 *
 * @param documents   references to the documents that show it (document ids, file numbers)
 * @param recordedBy  the team member's id ({@code m1}, …)
 * @param confirmedBy the confirming member's id; null until confirmed
 * @param custodyBank the custody bank the check found (存管银行); only for {@link CheckCode#CUSTODY_BANK}
 */
public record Check(CheckCode code, CheckResult result, String evidence, List<String> documents, String note,
                    String recordedBy, Instant recordedAt, String confirmedBy, Instant confirmedAt,
                    String custodyBank) {

    public Check {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    public boolean confirmed() {
        return confirmedBy != null;
    }

    public boolean passed() {
        return result == CheckResult.PASSED;
    }

    Check confirm(String memberId, Instant at) {
        return new Check(code, result, evidence, documents, note, recordedBy, recordedAt, memberId, at, custodyBank);
    }
}
