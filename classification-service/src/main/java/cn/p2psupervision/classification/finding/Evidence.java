package cn.p2psupervision.classification.finding;

import java.util.List;

import cn.p2psupervision.platform.problem.InvalidInputException;

/**
 * CLS-01: the evidence of a finding (证据): what was seen, in at most {@value #MAX_TEXT} characters, and references to
 * the documents that show it (document store ids, file numbers), at most {@value #MAX_DOCUMENTS} of at most
 * {@value #MAX_REFERENCE} characters each.
 */
public record Evidence(String text, List<String> documents) {

    public static final int MAX_TEXT = 4000;
    public static final int MAX_DOCUMENTS = 50;
    public static final int MAX_REFERENCE = 200;

    public Evidence {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("evidence.text", "must say what was found", "CLS-01");
        }
        text = text.strip();
        if (text.codePointCount(0, text.length()) > MAX_TEXT) {
            throw new InvalidInputException("evidence.text", "must be at most " + MAX_TEXT + " characters long",
                    "CLS-01");
        }
        documents = documents == null ? List.of() : List.copyOf(documents);
        if (documents.size() > MAX_DOCUMENTS) {
            throw new InvalidInputException("evidence.documents", "must hold at most " + MAX_DOCUMENTS
                    + " references", "CLS-01");
        }
        for (int i = 0; i < documents.size(); i++) {
            String reference = documents.get(i);
            if (reference.isBlank() || reference.length() > MAX_REFERENCE) {
                throw new InvalidInputException("evidence.documents[" + i + "]",
                        "must be a reference of 1 to " + MAX_REFERENCE + " characters", "CLS-01");
            }
        }
    }
}
