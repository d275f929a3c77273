package cn.p2psupervision.platform.input;

import java.time.LocalDate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import cn.p2psupervision.platform.problem.InvalidInputException;

/**
 * Typed members of a body read as a JSON tree (a merge patch, a body of facts plus request members): each taken out of
 * the body and checked by the {@link InputPolicy}, a wrong JSON type answered as 400 naming the member — never the
 * silent string form of an object ({@code {"$gt": ""}}).
 */
public final class JsonMembers {

    private JsonMembers() {
    }

    /** Removes {@code member} from {@code body} and returns it as text of at most {@code maxLength}; null if absent. */
    public static String takeText(ObjectNode body, String member, int maxLength) {
        JsonNode node = body.remove(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new InvalidInputException(member, "must be a string");
        }
        return InputPolicy.text(member, node.asString(), maxLength);
    }

    /** Removes {@code member} and reads it as a date {@code yyyy-MM-dd}; null if absent. */
    public static LocalDate takeDate(ObjectNode body, String member) {
        return InputPolicy.date(member, takeText(body, member, 10));
    }

    /** Removes {@code member} and reads it as a constant of {@code type}; null if absent. */
    public static <E extends Enum<E>> E takeEnum(ObjectNode body, String member, Class<E> type) {
        return InputPolicy.oneOf(member, takeText(body, member, 100), type);
    }

    /** Removes {@code member}, which must be a JSON object when present; null if absent or null. */
    public static ObjectNode takeObject(ObjectNode body, String member) {
        JsonNode node = body.remove(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new InvalidInputException(member, "must be a JSON object");
        }
        return (ObjectNode) node;
    }
}
