package cn.p2psupervision.registry.importing;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import cn.p2psupervision.platform.problem.InvalidInputException;

/**
 * The documented CSV columns of the imports (see docs/api.md), turned into the same JSON shape the API takes, so that
 * CSV and JSON rows are validated by one path. Empty cells mean "not stated" and leave a fact as it is.
 *
 * <p>Lists sit in one cell: entries separated by {@code ;}, parts of an entry by {@code |}:
 * <ul>
 *   <li>{@code shareholders}: {@code name|PERSON or ENTITY|share %|credit code or id number}</li>
 *   <li>{@code actualControllers}: {@code name|PERSON or ENTITY|credit code or id number}</li>
 *   <li>{@code branches}: {@code name|province code|city|address}</li>
 *   <li>{@code websites}: {@code WEBSITE or APP|address|ICP filing number}</li>
 * </ul>
 */
final class CsvColumns {

    static final List<String> INSTITUTION_COLUMNS = List.of("creditCode", "name", "registeredProvince",
            "registeredAddress", "legalRepresentative", "legalRepresentativeIdNumber", "registeredCapital",
            "establishedOn", "lendingStartedOn", "custodyBank", "entityKind", "cooperatingBank", "status", "inScope",
            "websites", "shareholders", "actualControllers", "branches", "source", "asOf");

    static final List<String> REPORT_COLUMNS = List.of("creditCode", "period", "loanBalance", "lenders", "borrowers",
            "newLending", "overdueAmount", "overdueRate", "source");

    private static final List<String> SIMPLE = List.of("creditCode", "name", "registeredProvince", "registeredAddress",
            "registeredCapital", "establishedOn", "lendingStartedOn", "custodyBank", "entityKind", "cooperatingBank",
            "status", "source", "asOf");

    private CsvColumns() {
    }

    /** Checks the header: every column must be known; creditCode is required. */
    static void checkHeader(List<String> header, List<String> known) {
        for (String column : header) {
            if (!known.contains(column.trim())) {
                throw new InvalidInputException("file", "has an unknown CSV column '" + column + "'; columns are " + known);
            }
        }
        if (!header.contains("creditCode")) {
            throw new InvalidInputException("file", "has no creditCode column in its CSV header");
        }
    }

    static ObjectNode institution(Map<String, String> cells, JsonMapper json) {
        ObjectNode node = json.createObjectNode();
        for (String column : SIMPLE) {
            putIfStated(node, column, cells.get(column));
        }
        // "true"/"false"; anything else fails the row's validation (never silently false)
        putIfStated(node, "inScope", cells.get("inScope"));
        if (stated(cells.get("legalRepresentative"))) {
            ObjectNode person = node.putObject("legalRepresentative");
            person.put("name", cells.get("legalRepresentative").trim());
            putIfStated(person, "idNumber", cells.get("legalRepresentativeIdNumber"));
        }
        list(node, "shareholders", cells.get("shareholders"), (parts, entry) -> {
            entry.put("name", part(parts, 0));
            entry.put("type", part(parts, 1));
            putIfStated(entry, "sharePercent", part(parts, 2));
            identifier(entry, part(parts, 1), part(parts, 3));
        });
        list(node, "actualControllers", cells.get("actualControllers"), (parts, entry) -> {
            entry.put("name", part(parts, 0));
            entry.put("type", part(parts, 1));
            identifier(entry, part(parts, 1), part(parts, 2));
        });
        list(node, "branches", cells.get("branches"), (parts, entry) -> {
            entry.put("name", part(parts, 0));
            entry.put("province", part(parts, 1));
            putIfStated(entry, "city", part(parts, 2));
            putIfStated(entry, "address", part(parts, 3));
        });
        list(node, "websites", cells.get("websites"), (parts, entry) -> {
            entry.put("kind", part(parts, 0));
            entry.put("address", part(parts, 1));
            putIfStated(entry, "icpNumber", part(parts, 2));
        });
        return node;
    }

    static ObjectNode report(Map<String, String> cells, JsonMapper json) {
        ObjectNode node = json.createObjectNode();
        for (String column : REPORT_COLUMNS) {
            putIfStated(node, column, cells.get(column));
        }
        return node;
    }

    private interface EntryFiller {
        void fill(String[] parts, ObjectNode entry);
    }

    private static void list(ObjectNode node, String name, String cell, EntryFiller filler) {
        if (!stated(cell)) {
            return;
        }
        ArrayNode array = node.putArray(name);
        for (String entry : cell.split(";")) {
            if (!entry.isBlank()) {
                filler.fill(entry.split("\\|", -1), array.addObject());
            }
        }
    }

    private static void identifier(ObjectNode entry, String type, String identifier) {
        if (stated(identifier)) {
            entry.put("ENTITY".equals(type) ? "creditCode" : "idNumber", identifier);
        }
    }

    private static String part(String[] parts, int index) {
        return index < parts.length && !parts[index].isBlank() ? parts[index].trim() : null;
    }

    private static void putIfStated(ObjectNode node, String name, String value) {
        if (stated(value)) {
            node.put(name, value.trim());
        }
    }

    private static boolean stated(String value) {
        return value != null && !value.isBlank();
    }
}
