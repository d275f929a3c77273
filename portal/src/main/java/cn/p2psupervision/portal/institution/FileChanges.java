package cn.p2psupervision.portal.institution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import cn.p2psupervision.portal.web.Formats;
import cn.p2psupervision.portal.web.Labels;

/**
 * A version's diff (REG-07) as a regulator reads it: each changed path by its name ({@code registeredCapital} →
 * 注册资本, {@code provenance.registeredCapital.source} → 注册资本（来源）), each value as the file page shows it (money
 * in yuan, dates, statuses and provinces by name, lists one entry a line). A path without a name shows as itself.
 */
@Component
public class FileChanges {

    /** The facts of a file (the provenance keys, REG-05), in the registry's order: what a verification confirms. */
    public static final List<String> FACTS = List.of("name", "registeredAddress", "legalRepresentative",
            "shareholders", "actualControllers", "registeredCapital", "establishedOn", "lendingStartedOn", "websites",
            "custodyBank", "branches", "entityKind", "cooperatingBank", "status", "inScope");

    private static final Set<String> MONEY = Set.of("registeredCapital");
    private static final Set<String> DATES = Set.of("establishedOn", "lendingStartedOn", "attestation.signedOn");
    private static final Map<String, String> CODES = Map.of("status", "status", "entityKind", "entityKind",
            "verificationState", "verification", "attestation.position", "position");
    private static final String SEPARATOR = " · ";

    private final MessageSource messages;
    private final Labels labels;
    private final Formats fmt;

    FileChanges(MessageSource messages, Labels labels, Formats fmt) {
        this.messages = messages;
        this.labels = labels;
        this.fmt = fmt;
    }

    /** The diff's changes as rows: the field's name, and the value before and after, as lines. */
    public List<Row> rows(History.Diff diff) {
        return diff.changes().stream()
                .map(change -> new Row(change.path(), label(change.path()), value(change.path(), change.before()),
                        value(change.path(), change.after())))
                .toList();
    }

    /** The facts {@code changed} names, by their names, e.g. 注册资本、注册地址. */
    public String facts(List<String> names) {
        StringJoiner joined = new StringJoiner(english() ? ", " : "、");
        names.forEach(name -> joined.add(label(name)));
        return joined.toString();
    }

    /** A path's name: its own ({@code field.<path>}), or built from its parts for a provenance, else the path. */
    public String label(String path) {
        String own = message("field." + path);
        if (own != null) {
            return own;
        }
        String[] parts = path.split("\\.");
        if (parts.length >= 2 && "provenance".equals(parts[0])) {
            String part = parts.length == 2 ? message("field.provenance") : message("field.provenance." + parts[2]);
            String fact = label(parts[1]);
            return part == null ? path : message("history.provenanceOf", fact, part);
        }
        return path;
    }

    /** A value as lines: one for a single value, one per entry of a list or of an object. */
    List<String> value(String path, Object value) {
        if (value == null) {
            return List.of();
        }
        if (path.equals("provenance") && value instanceof Map<?, ?> facts) {
            List<String> lines = new ArrayList<>();
            facts.forEach((fact, source) -> lines.add(label(String.valueOf(fact)) + colon() + provenance(source)));
            return lines;
        }
        if (path.startsWith("provenance.")) {
            String[] parts = path.split("\\.");
            if (parts.length == 2) {
                return List.of(provenance(value));
            }
            return List.of(provenancePart(parts[2], value));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(entry -> entry(path, entry)).toList();
        }
        return List.of(entry(path, value));
    }

    /** One value, or one entry of a list, of the member at {@code path}. */
    private String entry(String path, Object value) {
        if (value == null) {
            return Formats.NONE;
        }
        if (value instanceof Boolean yes) {
            return message(yes ? "yes" : "no");
        }
        if (MONEY.contains(path)) {
            return fmt.money(value);
        }
        if (DATES.contains(path)) {
            return fmt.date(value);
        }
        if (CODES.containsKey(path)) {
            return labels.of(CODES.get(path), value);
        }
        if (path.equals("registeredProvince") || path.equals("businessProvinces")) {
            return labels.province(value);
        }
        if (value instanceof Map<?, ?> object) {
            return object(path, object);
        }
        return String.valueOf(value);
    }

    /** A member that is an object, or an entry of a list of objects, in a line as the file page would say it. */
    private String object(String path, Map<?, ?> o) {
        return switch (path) {
            case "legalRepresentative" -> joined(text(o, "name"), text(o, "idNumber"));
            case "shareholders" -> joined(text(o, "name"), labels.of("party", o.get("type")),
                    o.get("sharePercent") == null ? null : fmt.percent(o.get("sharePercent")),
                    text(o, "creditCode"), text(o, "idNumber"));
            case "actualControllers" -> joined(text(o, "name"), labels.of("party", o.get("type")),
                    text(o, "creditCode"), text(o, "idNumber"));
            case "websites" -> joined(labels.of("websiteKind", o.get("kind")), text(o, "address"),
                    text(o, "icpNumber"));
            case "branches" -> joined(text(o, "name"),
                    o.get("province") == null ? null : labels.province(o.get("province")), text(o, "city"),
                    text(o, "address"));
            case "verifications" -> joined(o.get("date") == null ? null : fmt.date(o.get("date")),
                    labels.of("verificationMethod", o.get("method")), text(o, "officer"))
                    + (o.get("outcome") == null ? "" : colon() + o.get("outcome"));
            case "attestation" -> joined(text(o, "signedBy"), labels.of("position", o.get("position")),
                    o.get("signedOn") == null ? null : fmt.date(o.get("signedOn")), text(o, "documentReference"));
            default -> {
                StringJoiner members = new StringJoiner(english() ? "; " : "；");
                o.forEach((name, member) -> {
                    if (member != null) {
                        members.add(label(path + "." + name) + colon() + entry(path + "." + name, member));
                    }
                });
                yield members.toString();
            }
        };
    }

    /** A fact's provenance (REG-05): source, date, who recorded it, the province behind it, verified. */
    private String provenance(Object value) {
        if (!(value instanceof Map<?, ?> p)) {
            return String.valueOf(value);
        }
        return joined(labels.of("source", p.get("source")),
                p.get("asOf") == null ? null : fmt.date(p.get("asOf")), text(p, "recordedBy"),
                p.get("province") == null ? null : labels.province(p.get("province")),
                Boolean.TRUE.equals(p.get("verified")) ? message("field.provenance.verified") : null);
    }

    private String provenancePart(String part, Object value) {
        return switch (part) {
            case "source" -> labels.of("source", value);
            case "asOf" -> fmt.date(value);
            case "province" -> labels.province(value);
            case "verified" -> message(Boolean.TRUE.equals(value) ? "yes" : "no");
            default -> String.valueOf(value);
        };
    }

    private static String text(Map<?, ?> object, String member) {
        Object value = object.get(member);
        return value == null ? null : value.toString();
    }

    private static String joined(String... parts) {
        StringJoiner joined = new StringJoiner(SEPARATOR);
        for (String part : parts) {
            if (part != null && !part.isBlank() && !Formats.NONE.equals(part)) {
                joined.add(part);
            }
        }
        return joined.length() == 0 ? Formats.NONE : joined.toString();
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, null, LocaleContextHolder.getLocale());
    }

    private static String colon() {
        return english() ? ": " : "：";
    }

    private static boolean english() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage());
    }

    /**
     * One changed value.
     *
     * @param path   the registry's path, e.g. {@code provenance.registeredCapital.source}
     * @param label  its name in the page's language
     * @param before the value before, as lines; empty when there was none
     * @param after  the value after, as lines; empty when there is none now
     */
    public record Row(String path, String label, List<String> before, List<String> after) {
    }
}
