package cn.p2psupervision.registry.institution;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import cn.p2psupervision.platform.input.JsonInputProblems;
import cn.p2psupervision.platform.problem.InvalidInputException;

/**
 * Reads facts from request bodies: a full set on registration, a JSON merge patch (RFC 7386) on amendment. Unknown
 * members are refused, so that a misspelt member never passes silently as "no change"; the result is validated.
 */
@Component
public class FactsJson {

    /** Members of the identity and of the record itself, which no request may set. */
    private static final Set<String> FIXED = Set.of("id", "creditCode", "registeredProvince", "version", "provenance",
            "verificationState", "verifications", "attestation", "latestReport", "businessProvinces", "crossRegion",
            "createdAt", "updatedAt");

    /** Facts every file has: a patch may change them but not remove them. */
    private static final Set<String> REQUIRED = Set.of("name", "status", "inScope");

    private final JsonMapper json;
    private final Validator validator;

    public FactsJson(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** The facts of a registration body (identity and meta members already removed). */
    public Facts read(ObjectNode body) {
        return validated(convert(body));
    }

    /** RFC 7386: the current facts with the patch merged in. */
    public Facts merge(Facts current, ObjectNode patch) {
        for (String member : FIXED) {
            if (patch.has(member)) {
                throw new InvalidInputException(member, "cannot be changed by a patch");
            }
        }
        for (String member : REQUIRED) {
            if (patch.has(member) && patch.get(member).isNull()) {
                throw new InvalidInputException(member, "cannot be removed, only changed");
            }
        }
        JsonNode merged = mergePatch(json.valueToTree(current), patch);
        return validated(convert((ObjectNode) merged));
    }

    public ObjectNode toTree(Object value) {
        return json.valueToTree(value);
    }

    /** Reads a tree as {@code type} under the platform's input policy; a refusal names the member (400). */
    public <T> T convert(JsonNode node, Class<T> type) {
        try {
            return json.readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(node);
        } catch (JacksonException e) {
            throw JsonInputProblems.of(e);
        }
    }

    public <T> T validated(T value) {
        var violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return value;
    }

    private Facts convert(ObjectNode node) {
        return convert(node, Facts.class);
    }

    static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : JsonMapper.shared().createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), mergePatch(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }
}
