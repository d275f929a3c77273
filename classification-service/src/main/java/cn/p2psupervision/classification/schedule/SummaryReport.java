package cn.p2psupervision.classification.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.p2psupervision.platform.audit.ChangedBy;
import cn.p2psupervision.platform.input.InputPolicy;
import cn.p2psupervision.platform.problem.InvalidInputException;

/**
 * CLS-10: one version of a province's summary report to the central office on its inspection, enforcement and
 * rectification (检查、查处、整改情况总结). Filed by the province's head (负责同志, AUTH-04); filing again makes the next
 * version, and no version ever changes.
 *
 * @param province  the GB/T 2260 code of the reporting province
 * @param text      the report (at most {@value #MAX_TEXT} characters)
 * @param documents references to the documents it encloses (at most {@value #MAX_DOCUMENTS}, each at most
 *                  {@value #MAX_REFERENCE} characters)
 * @param filedBy   the head who filed this version
 * @param filedAt   when this version was filed (the domain clock)
 */
public record SummaryReport(String province, long version, String text, List<String> documents, ChangedBy filedBy,
                            Instant filedAt) {

    public static final int MAX_TEXT = 20_000;
    public static final int MAX_DOCUMENTS = 50;
    public static final int MAX_REFERENCE = 200;

    public SummaryReport {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("text", "is required: the summary of inspection, enforcement and"
                    + " rectification (检查、查处、整改情况总结)", "CLS-10");
        }
        text = InputPolicy.text("text", text, MAX_TEXT);
        documents = checkedDocuments(documents);
    }

    /** The first version of a province's report. */
    public static SummaryReport first(String province, String text, List<String> documents, ChangedBy by, Instant at) {
        return new SummaryReport(province, 1, text, documents, by, at);
    }

    /** The next version, which replaces this one as the province's report; this one stays in the history. */
    public SummaryReport replacedBy(String newText, List<String> newDocuments, ChangedBy by, Instant at) {
        return new SummaryReport(province, version + 1, newText, newDocuments, by, at);
    }

    /** This version as the audit trail records it. */
    Map<String, Object> auditValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("version", version);
        values.put("text", text);
        values.put("documents", documents);
        return values;
    }

    private static List<String> checkedDocuments(List<String> documents) {
        if (documents == null) {
            return List.of();
        }
        if (documents.size() > MAX_DOCUMENTS) {
            throw new InvalidInputException("documents", "must list at most " + MAX_DOCUMENTS + " references");
        }
        List<String> checked = new ArrayList<>(documents.size());
        for (int i = 0; i < documents.size(); i++) {
            String member = "documents[" + i + "]";
            String reference = documents.get(i);
            if (reference == null || reference.isBlank()) {
                throw new InvalidInputException(member, "must be a document reference, not empty");
            }
            checked.add(InputPolicy.text(member, reference, MAX_REFERENCE));
        }
        return List.copyOf(checked);
    }
}
