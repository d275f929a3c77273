package cn.p2psupervision.registry.hardening;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates malformed variants of a valid request, deterministically from a seed: a member replaced by a hostile value
 * (wrong JSON type, calendar edge, exponent, NUL, lone surrogate, oversized text, injection strings), an unknown member,
 * a missing member, a duplicated member, deep nesting, a broken or truncated document, stray bytes that are not UTF-8.
 * Values are replaced anywhere in the tree, including inside lists and nested objects.
 */
final class HostileInputs {

    /** JSON values that break the input rules somewhere (or are merely odd: the service must answer, not crash). */
    static final List<String> VALUES = List.of(
            "{\"a\":1}", "{\"$gt\":\"\"}", "{\"$where\":\"1\"}", "[]", "[1,2,3]", "[{\"a\":null}]", "[[[]]]", "true",
            "false", "null", "0", "-1", "1.5", "-0.0", "1e2147483647", "-1e-2147483647", "1E+400",
            "99999999999999999999999999", "987654321098765.43", "0.000000001", "123456789012345678901234.5",
            "\"\"", "\" \"", "\"\\u0000\"", "\"a\\u0000b\"", "\"\\ud800\"", "\"\\udc00x\"", "\"\\u202e\"",
            "\"\\u0007bell\"", "\"" + "x".repeat(12_000) + "\"", "\"-999999999-01-01\"", "\"+999999999-12-31\"",
            "\"0000-01-01\"", "\"2017-02-30\"", "\"2017-13\"", "\"2017-04\"", "\"1e5\"", "\"NaN\"", "\"Infinity\"",
            "\"-1\"", "\"1.234567891\"", "\"<script>alert(1)</script>\"", "\"' OR '1'='1\"", "\"../../etc/passwd\"",
            "\"by-code\"", "\"history\"", "\"%00\"", "\"%ff\"", "\"91330100MA2XXXXX00\"", "\"OPERATING\"", "\"PERSON\"",
            "\"中文名称有限公司\"", "\"33\"", "\"99\"", "\"\\n\\r\\t\"", "\"2017-05-31T10:00:00Z\"", "\"${jndi:ldap://x}\"");

    /** Whole documents that are not the JSON of any request. */
    static final List<String> DOCUMENTS = List.of("{", "}", "{\"a\":", "[", "\"", "nul", "{\"a\":1,}", "{'a':1}",
            "{\"a\":1}{\"b\":2}", "", " ", "\u0000", "[]", "[{}]", "\"text\"", "42", "null", "true", "{\"\":1}",
            "{\"a\" 1}", "{\"a\":01}", "{\"a\":.5}", "{\"a\":+1}", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":\"\\x41\"}");

    /** Keeps every hostile value as written: numbers exactly, lone surrogates as escapes. */
    private final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();
    private final Random random;

    HostileInputs(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    /** A malformed variant of {@code valid} (a JSON object), as bytes. */
    byte[] mutate(String valid) {
        int kind = random.nextInt(100);
        if (kind < 8) {
            return pick(DOCUMENTS).getBytes(StandardCharsets.UTF_8);
        }
        ObjectNode tree = (ObjectNode) json.readTree(valid);
        int mutations = 1 + random.nextInt(2);
        for (int i = 0; i < mutations; i++) {
            mutateTree(tree);
        }
        String text = json.writeValueAsString(tree);
        if (kind < 20) {
            return corruptText(text);
        }
        if (kind < 25) {
            return duplicateMember(text).getBytes(StandardCharsets.UTF_8);
        }
        if (kind < 28) {
            return nest(text).getBytes(StandardCharsets.UTF_8);
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** One hostile change somewhere in the tree. */
    void mutateTree(ObjectNode root) {
        List<Slot> slots = new ArrayList<>();
        collect(root, slots);
        int kind = random.nextInt(10);
        if (kind == 0 || slots.isEmpty()) {
            root.set("unknown" + random.nextInt(3), value());
            return;
        }
        Slot slot = slots.get(random.nextInt(slots.size()));
        if (kind == 1 && slot.parent() instanceof ObjectNode object) {
            object.remove(slot.name());
            return;
        }
        if (slot.parent() instanceof ObjectNode object) {
            object.set(slot.name(), value());
        } else if (slot.parent() instanceof ArrayNode array) {
            array.set(slot.index(), value());
        }
    }

    JsonNode value() {
        return json.readTree(pick(VALUES));
    }

    String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private byte[] corruptText(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int at = random.nextInt(bytes.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (random.nextInt(4)) {
            case 0 -> out.write(bytes, 0, at); // truncated
            case 1 -> { // a byte that is never UTF-8, or a lone lead byte, inside the document
                out.write(bytes, 0, at);
                out.write(random.nextBoolean() ? 0xff : 0xc3);
                out.write(bytes, at, bytes.length - at);
            }
            case 2 -> { // a Latin-1 character inside a string value
                int quote = text.indexOf("\":\"");
                int split = quote < 0 ? at : text.substring(0, quote + 3).getBytes(StandardCharsets.UTF_8).length;
                out.write(bytes, 0, split);
                out.write(0xe9);
                out.write(bytes, split, bytes.length - split);
            }
            default -> { // a stray structural character
                out.write(bytes, 0, at);
                out.write("{}[],:\"".charAt(random.nextInt(7)));
                out.write(bytes, at, bytes.length - at);
            }
        }
        return out.toByteArray();
    }

    private String duplicateMember(String text) {
        int colon = text.indexOf("\":");
        if (colon < 0) {
            return text;
        }
        String name = text.substring(1, colon);
        return "{\"" + name + "\":" + pick(VALUES) + "," + text.substring(1);
    }

    private String nest(String text) {
        int depth = 200 + random.nextInt(3000);
        String value = "[".repeat(depth) + "1" + "]".repeat(depth);
        return text.substring(0, text.length() - 1) + (text.length() > 2 ? "," : "") + "\"deep\":" + value + "}";
    }

    private record Slot(JsonNode parent, String name, int index) {
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            for (String name : object.propertyNames()) {
                slots.add(new Slot(object, name, -1));
                collect(object.get(name), slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Slot(array, null, i));
                collect(array.get(i), slots);
            }
        }
    }
}
