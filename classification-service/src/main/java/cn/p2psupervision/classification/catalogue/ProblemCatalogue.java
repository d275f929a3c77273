package cn.p2psupervision.classification.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import cn.p2psupervision.platform.problem.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * CLS-02/CLS-03: the problem catalogue (问题目录) — red lines, other problems, criminal suspicions and business types
 * for attention — kept as data in {@value #RESOURCE}, so that a rule change is a data change. The catalogue checks
 * itself when it is read (known members only, unique codes, known kinds and standards, a red line fails standard 3, a
 * business type fails none, the single-borrower caps stated once) and refuses a bad file with the member at fault.
 * Immutable; plain Java.
 */
public final class ProblemCatalogue {

    /** The catalogue shipped with the service, on the classpath. */
    public static final String RESOURCE = "/catalogue/problems.json";

    private static final String RULE = "CLS-02";
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");
    private static final Set<String> TOP_MEMBERS = Set.of("description", "problems");
    private static final Set<String> ENTRY_MEMBERS = Set.of("code", "name", "kind", "fails", "violatingBusiness",
            "basis", "borrowerCaps");
    private static final List<String> CAP_MEMBERS = List.of("naturalPersonOnePlatform", "naturalPersonAllPlatforms",
            "legalPersonOnePlatform", "legalPersonAllPlatforms");
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final Map<String, ProblemDefinition> byCode;
    private final BorrowerCaps borrowerCaps;

    private ProblemCatalogue(Map<String, ProblemDefinition> byCode, BorrowerCaps borrowerCaps) {
        this.byCode = byCode;
        this.borrowerCaps = borrowerCaps;
    }

    /** The catalogue shipped with the service ({@value #RESOURCE}). */
    public static ProblemCatalogue load() {
        try (InputStream in = ProblemCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The problem catalogue " + RESOURCE + " is not on the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A catalogue from JSON text; an {@link InvalidInputException} (CLS-02) names the member at fault. */
    public static ProblemCatalogue read(String json) {
        try {
            return of(JSON.readTree(json));
        } catch (JacksonException e) {
            throw new InvalidInputException(null, "is not valid JSON: " + e.getOriginalMessage(), RULE);
        }
    }

    /** A catalogue from a JSON stream (not closed); see {@link #read(String)}. */
    public static ProblemCatalogue read(InputStream json) {
        try {
            return of(JSON.readTree(json));
        } catch (JacksonException e) {
            throw new InvalidInputException(null, "is not valid JSON: " + e.getOriginalMessage(), RULE);
        }
    }

    /** Every entry, in the order of the file. */
    public List<ProblemDefinition> all() {
        return List.copyOf(byCode.values());
    }

    /** The entries of one kind, in the order of the file; e.g. the thirteen red lines (CLS-02). */
    public List<ProblemDefinition> ofKind(ProblemKind kind) {
        return byCode.values().stream().filter(p -> p.kind() == kind).toList();
    }

    /** The entry with this code, if the catalogue has one. */
    public Optional<ProblemDefinition> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /**
     * The entry with this code. An unknown code is the caller's problem: {@link InvalidInputException} on member
     * {@code problemCode} (CLS-02).
     */
    public ProblemDefinition get(String code) {
        return find(code).orElseThrow(() -> new InvalidInputException("problemCode",
                "must be a code of the problem catalogue, not " + quote(code), RULE));
    }

    /** CLS-03: the single-borrower caps, as the catalogue states them. */
    public BorrowerCaps borrowerCaps() {
        return borrowerCaps;
    }

    private static ProblemCatalogue of(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new InvalidInputException(null, "must be a JSON object with a member problems", RULE);
        }
        onlyMembers(root, TOP_MEMBERS, null);
        JsonNode problems = root.get("problems");
        if (problems == null || !problems.isArray() || problems.isEmpty()) {
            throw new InvalidInputException("problems", "must be a non-empty list", RULE);
        }
        Map<String, ProblemDefinition> byCode = new LinkedHashMap<>();
        BorrowerCaps caps = null;
        int index = 0;
        for (JsonNode entry : problems.values()) {
            String at = "problems[" + index++ + "]";
            ProblemDefinition definition = entry(entry, at);
            if (byCode.putIfAbsent(definition.code(), definition) != null) {
                throw new InvalidInputException(at + ".code", "must be unique: " + definition.code()
                        + " appears twice", RULE);
            }
            if (definition.borrowerCaps() != null) {
                if (caps != null) {
                    throw new InvalidInputException(at + ".borrowerCaps", "must be stated by one entry only", RULE);
                }
                caps = definition.borrowerCaps();
            }
        }
        if (caps == null) {
            throw new InvalidInputException("problems", "must state the single-borrower caps (borrowerCaps) once",
                    "CLS-03");
        }
        return new ProblemCatalogue(byCode, caps);
    }

    private static ProblemDefinition entry(JsonNode entry, String at) {
        if (!entry.isObject()) {
            throw new InvalidInputException(at, "must be an object", RULE);
        }
        onlyMembers(entry, ENTRY_MEMBERS, at);
        String code = text(entry, "code", at);
        if (!CODE.matcher(code).matches()) {
            throw new InvalidInputException(at + ".code", "must be upper-case letters, digits and _ (e.g. FUND_POOL)",
                    RULE);
        }
        String name = text(entry, "name", at);
        ProblemKind kind = constant(ProblemKind.class, text(entry, "kind", at), at + ".kind");
        Set<Standard> fails = standards(entry.get("fails"), at + ".fails");
        JsonNode violating = entry.get("violatingBusiness");
        if (violating == null || !violating.isBoolean()) {
            throw new InvalidInputException(at + ".violatingBusiness", "must be true or false", RULE);
        }
        String basis = text(entry, "basis", at);
        BorrowerCaps caps = entry.has("borrowerCaps") ? caps(entry.get("borrowerCaps"), at + ".borrowerCaps") : null;
        if (kind == ProblemKind.RED_LINE && !fails.contains(Standard.NO_RED_LINE)) {
            throw new InvalidInputException(at + ".fails", "must contain NO_RED_LINE: a red line fails standard 3",
                    "CLS-05");
        }
        if (kind == ProblemKind.BUSINESS_TYPE && !fails.isEmpty()) {
            throw new InvalidInputException(at + ".fails",
                    "must be empty: a business type raises attention and fails no standard", "CLS-04");
        }
        if ((kind == ProblemKind.OTHER_PROBLEM || kind == ProblemKind.CRIMINAL) && fails.isEmpty()) {
            throw new InvalidInputException(at + ".fails", "must name the standards a " + kind + " fails", "CLS-05");
        }
        return new ProblemDefinition(code, name, kind, fails, violating.booleanValue(), basis, caps);
    }

    private static Set<Standard> standards(JsonNode node, String at) {
        if (node == null || !node.isArray()) {
            throw new InvalidInputException(at, "must be a list of standards (may be empty)", RULE);
        }
        Set<Standard> standards = EnumSet.noneOf(Standard.class);
        int index = 0;
        for (JsonNode item : node.values()) {
            String member = at + "[" + index++ + "]";
            if (!item.isString()) {
                throw new InvalidInputException(member, "must be a standard's name", RULE);
            }
            if (!standards.add(constant(Standard.class, item.stringValue(), member))) {
                throw new InvalidInputException(member, "must not repeat " + item.stringValue(), RULE);
            }
        }
        return standards;
    }

    private static BorrowerCaps caps(JsonNode node, String at) {
        if (!node.isObject()) {
            throw new InvalidInputException(at, "must be an object of " + CAP_MEMBERS, "CLS-03");
        }
        onlyMembers(node, Set.copyOf(CAP_MEMBERS), at);
        List<BigDecimal> values = new ArrayList<>();
        for (String member : CAP_MEMBERS) {
            JsonNode value = node.get(member);
            if (value == null || !value.isNumber() || value.decimalValue().signum() <= 0) {
                throw new InvalidInputException(at + "." + member, "must be a positive amount in yuan", "CLS-03");
            }
            values.add(value.decimalValue());
        }
        BorrowerCaps caps = new BorrowerCaps(values.get(0), values.get(1), values.get(2), values.get(3));
        if (caps.naturalPersonOnePlatform().compareTo(caps.naturalPersonAllPlatforms()) > 0
                || caps.legalPersonOnePlatform().compareTo(caps.legalPersonAllPlatforms()) > 0) {
            throw new InvalidInputException(at, "must not allow more on one platform than across platforms", "CLS-03");
        }
        return caps;
    }

    private static void onlyMembers(JsonNode node, Set<String> known, String at) {
        for (String name : node.propertyNames()) {
            if (!known.contains(name)) {
                throw new InvalidInputException(at == null ? name : at + "." + name, "is not a known member", RULE);
            }
        }
    }

    private static String text(JsonNode entry, String member, String at) {
        JsonNode value = entry.get(member);
        if (value == null || !value.isString() || value.stringValue().isBlank()) {
            throw new InvalidInputException(at + "." + member, "must be a non-blank string", RULE);
        }
        return value.stringValue().strip();
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String name, String at) {
        for (E candidate : type.getEnumConstants()) {
            if (candidate.name().equals(name)) {
                return candidate;
            }
        }
        throw new InvalidInputException(at, "must be one of " + List.of(type.getEnumConstants()) + ", not "
                + quote(name), RULE);
    }

    /** The value in quotes, cut to 64 characters: a message echoes input, never at any length. */
    private static String quote(String value) {
        if (value == null) {
            return "null";
        }
        return "\"" + (value.length() > 64 ? value.substring(0, 64) + "…" : value) + "\"";
    }
}
