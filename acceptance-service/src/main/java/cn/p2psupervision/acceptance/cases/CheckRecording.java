package cn.p2psupervision.acceptance.cases;

import java.util.List;

/**
 * ACC-04/05: a check as a member of the joint team records it: the result, the evidence (证据) with document references,
 * a note, the member who checked and, for {@link CheckCode#CUSTODY_BANK}, the bank found. {@link AcceptanceCase}
 * checks it.
 */
public record CheckRecording(CheckResult result, String evidence, List<String> documents, String note,
                             String recordedBy, String custodyBank) {
}
