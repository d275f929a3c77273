package cn.p2psupervision.classification.schedule;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import cn.p2psupervision.platform.input.InputPolicy;
import cn.p2psupervision.platform.input.JsonMembers;
import cn.p2psupervision.platform.problem.InvalidInputException;

/**
 * The body of {@code PUT /summary-reports/{province}} (CLS-10): {@code text} and {@code documents}. Read from the JSON
 * tree, because the report may be longer than the platform's general text limit; every other rule of the input policy
 * applies (a string is a JSON string, no control characters, no unknown member).
 */
record SummaryReportFiling(String text, List<String> documents) {

    private static final List<String> MEMBERS = List.of("documents", "text");

    static SummaryReportFiling read(ObjectNode body) {
        String text = JsonMembers.takeText(body, "text", SummaryReport.MAX_TEXT);
        List<String> documents = documents(body.remove("documents"));
        if (!body.isEmpty()) {
            throw new InvalidInputException(body.propertyNames().iterator().next(),
                    "is not a member of this request; members are " + MEMBERS);
        }
        return new SummaryReportFiling(text, documents);
    }

    private static List<String> documents(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidInputException("documents", "must be a list");
        }
        if (node.size() > SummaryReport.MAX_DOCUMENTS) {
            throw new InvalidInputException("documents", "must list at most " + SummaryReport.MAX_DOCUMENTS
                    + " references");
        }
        List<String> references = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String member = "documents[" + i + "]";
            if (!item.isString()) {
                throw new InvalidInputException(member, "must be a string");
            }
            references.add(InputPolicy.text(member, item.asString(), SummaryReport.MAX_REFERENCE));
        }
        return references;
    }
}
