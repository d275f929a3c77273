package cn.p2psupervision.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keycloak as the demo tools use it, for a JDK {@code HttpServer}: the realm's token endpoint (password grant of
 * {@code platform-cli}; the access token is the username) for the realm export's users and the users created here, the
 * master realm's token endpoint for the administrator ({@code admin-cli}), and the admin API's users, realm roles and
 * role mappings, checking what Keycloak 26 and the realm's user profile would refuse. A user is created without roles;
 * its realm roles come from role mappings only (Keycloak ignores {@code realmRoles} on create).
 */
final class KeycloakStub {

    static final String REALM = "p2p-supervision";
    /** The realm export's users (keycloak/realm-p2p-supervision.json), all with password demo. */
    static final Set<String> REALM_EXPORT_USERS = Set.of("central", "zj-officer", "zj-head-finance",
            "zj-head-regulator", "gd-officer", "gd-head-finance", "gd-head-regulator");
    private static final Set<String> ROLES = Set.of("provincial-officer", "provincial-head", "central-regulator");
    private static final Set<String> AGENCIES = Set.of("FINANCIAL_OFFICE", "BANKING_REGULATOR", "CENTRAL_BANK",
            "PUBLIC_SECURITY", "TELECOM", "MARKET_REGULATION");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[a-z]+$");
    /** Keycloak's person-name-prohibited-characters, in short. */
    private static final Pattern PERSON_NAME = Pattern.compile("^[^<>&\"$%!#?§;*~/\\\\|^=\\[\\]{}()\\x00-\\x1F]+$");
    private static final Pattern USERNAME = Pattern.compile("^[a-z0-9._@-]{3,255}$");
    private static final String ADMIN_TOKEN = "admin-token";

    private final JsonMapper json = JsonMapper.builder().build();
    /** The users created through the admin API (and put here by a test), by username. */
    private final Map<String, User> users = new ConcurrentHashMap<>();
    /** What Keycloak or the user profile would have refused, and calls nobody should make. */
    final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    /** Every admin API call, as "METHOD path". */
    final List<String> adminCalls = Collections.synchronizedList(new ArrayList<>());
    volatile String adminPassword = "admin";
    /** A username whose role mappings are answered 500. */
    volatile String failRoleMappingsOf;

    /** A user of the admin API: its representation as created, and its realm roles. */
    record User(String id, ObjectNode representation, List<String> realmRoles) {

        String attribute(String name) {
            JsonNode values = representation.path("attributes").path(name);
            return values.size() == 1 ? values.get(0).asString() : null;
        }
    }

    User user(String username) {
        return users.get(username);
    }

    Map<String, User> users() {
        return Map.copyOf(users);
    }

    /** Puts a user there as if an administrator had made it, with no roles. */
    void put(String username, ObjectNode representation) {
        representation.put("username", username);
        users.put(username, new User(UUID.randomUUID().toString(), representation,
                Collections.synchronizedList(new ArrayList<>())));
    }

    long created() {
        return adminCalls.stream().filter("POST /users"::equals).count();
    }

    /** Answers the request when it is Keycloak's; false when it is not. */
    boolean handle(HttpExchange exchange, String method, String path, Map<String, String> query, byte[] body)
            throws IOException {
        if (path.equals("/realms/" + REALM + "/protocol/openid-connect/token")) {
            Map<String, String> form = form(body);
            String username = form.get("username");
            if (!"platform-cli".equals(form.get("client_id")) || !"password".equals(form.get("grant_type"))) {
                violations.add("realm token " + form);
            }
            boolean known = REALM_EXPORT_USERS.contains(username) || users.containsKey(username)
                    && users.get(username).representation().path("enabled").asBoolean();
            if (known && "demo".equals(form.get("password"))) {
                answer(exchange, 200, "{\"access_token\":\"" + username + "\"}", null);
            } else {
                answer(exchange, 401, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid user credentials\"}",
                        null);
            }
            return true;
        }
        if (path.equals("/realms/master/protocol/openid-connect/token")) {
            Map<String, String> form = form(body);
            if ("admin-cli".equals(form.get("client_id")) && "password".equals(form.get("grant_type"))
                    && "admin".equals(form.get("username")) && adminPassword.equals(form.get("password"))) {
                answer(exchange, 200, "{\"access_token\":\"" + ADMIN_TOKEN + "\",\"expires_in\":60}", null);
            } else {
                answer(exchange, 401, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid user credentials\"}",
                        null);
            }
            return true;
        }
        String prefix = "/admin/realms/" + REALM;
        if (!path.startsWith(prefix + "/")) {
            return false;
        }
        if (!("Bearer " + ADMIN_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "{\"error\":\"HTTP 401 Unauthorized\"}", null);
            return true;
        }
        String[] parts = path.substring(prefix.length() + 1).split("/");
        adminCalls.add(method + " /" + String.join("/", parts).replaceAll("users/[^/]+", "users/{id}"));
        String what = method + " " + parts[0] + (parts.length > 2 ? "/{id}/" + String.join("/",
                List.of(parts).subList(2, parts.length)) : parts.length == 2 ? "/{id}" : "");
        switch (what) {
            case "GET users" -> {
                if (!"true".equals(query.get("exact"))) {
                    violations.add("user search without exact=true: " + query);
                }
                String username = URLDecoder.decode(query.getOrDefault("username", ""), StandardCharsets.UTF_8);
                ArrayNode found = json.createArrayNode();
                if (REALM_EXPORT_USERS.contains(username)) {
                    found.addObject().put("id", "realm-" + username).put("username", username);
                } else if (users.containsKey(username)) {
                    found.add(users.get(username).representation().deepCopy().put("id", users.get(username).id()));
                }
                answer(exchange, 200, found.toString(), null);
            }
            case "POST users" -> {
                ObjectNode user = (ObjectNode) json.readTree(body);
                String username = user.path("username").asString();
                List<String> refused = refusals(user);
                if (!refused.isEmpty()) {
                    violations.add("user " + username + ": " + refused);
                    answer(exchange, 400, "{\"errorMessage\":\"" + refused.get(0) + "\"}", null);
                } else if (users.containsKey(username) || REALM_EXPORT_USERS.contains(username)) {
                    violations.add("user " + username + " created twice");
                    answer(exchange, 409, "{\"errorMessage\":\"User exists with same username\"}", null);
                } else {
                    String id = UUID.randomUUID().toString();
                    users.put(username, new User(id, user, Collections.synchronizedList(new ArrayList<>())));
                    exchange.getResponseHeaders().add("Location", "http://localhost" + prefix + "/users/" + id);
                    answer(exchange, 201, "", null);
                }
            }
            case "DELETE users/{id}" -> {
                boolean removed = users.values().removeIf(u -> u.id().equals(parts[1]));
                answer(exchange, removed ? 204 : 404, "", null);
            }
            case "GET roles/{id}" -> {
                String name = URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
                if (ROLES.contains(name)) {
                    answer(exchange, 200, role(name).toString(), null);
                } else {
                    answer(exchange, 404, "{\"error\":\"Could not find role\"}", null);
                }
            }
            case "POST users/{id}/role-mappings/realm" -> {
                User user = users.values().stream().filter(u -> u.id().equals(parts[1])).findFirst().orElse(null);
                if (user == null) {
                    answer(exchange, 404, "{\"error\":\"User not found\"}", null);
                    return true;
                }
                if (user.representation().path("username").asString().equals(failRoleMappingsOf)) {
                    answer(exchange, 500, "{\"error\":\"unknown_error\"}", null);
                    return true;
                }
                for (JsonNode role : json.readTree(body)) {
                    String name = role.path("name").asString();
                    if (!ROLES.contains(name) || !role(name).path("id").equals(role.path("id"))) {
                        violations.add("role mapping " + role);
                        answer(exchange, 404, "{\"error\":\"Role not found\"}", null);
                        return true;
                    }
                    user.realmRoles().add(name);
                }
                answer(exchange, 204, "", null);
            }
            default -> {
                violations.add("unexpected admin call " + method + " " + path);
                answer(exchange, 404, "{}", null);
            }
        }
        return true;
    }

    /** What Keycloak 26 with the realm's user profile would refuse in a new user. */
    private List<String> refusals(ObjectNode user) {
        List<String> refused = new ArrayList<>();
        if (!USERNAME.matcher(user.path("username").asString("")).matches()) {
            refused.add("username");
        }
        if (!EMAIL.matcher(user.path("email").asString("")).matches()) {
            refused.add("email");
        }
        for (String name : List.of("firstName", "lastName")) {
            String value = user.path(name).asString("");
            if (value.isBlank() || value.length() > 255 || !PERSON_NAME.matcher(value).matches()) {
                refused.add(name);
            }
        }
        if (!user.path("enabled").asBoolean() || !user.path("emailVerified").asBoolean()) {
            refused.add("not enabled or e-mail not verified");
        }
        JsonNode attributes = user.path("attributes");
        JsonNode province = attributes.path("province");
        if (province.size() != 1 || !province.get(0).asString().matches("^[0-9]{2}$")) {
            refused.add("province must be a two-digit GB/T 2260 code");
        }
        JsonNode agency = attributes.path("agency");
        if (agency.size() != 1 || !AGENCIES.contains(agency.get(0).asString())) {
            refused.add("agency");
        }
        JsonNode credentials = user.path("credentials");
        if (credentials.size() != 1 || !"password".equals(credentials.get(0).path("type").asString())
                || !"demo".equals(credentials.get(0).path("value").asString())
                || credentials.get(0).path("temporary").asBoolean(true)) {
            refused.add("credentials " + credentials);
        }
        if (user.has("realmRoles")) {
            refused.add("realmRoles (ignored on create)");
        }
        return refused;
    }

    private ObjectNode role(String name) {
        return json.createObjectNode().put("id", "role-id-" + name).put("name", name)
                .put("composite", "provincial-head".equals(name)).put("clientRole", false)
                .put("containerId", "realm-id");
    }

    private static Map<String, String> form(byte[] body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                query.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return query;
    }

    static void answer(HttpExchange exchange, int status, String body, String etag) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (etag != null) {
            exchange.getResponseHeaders().add("ETag", etag);
        }
        if (bytes.length == 0) {
            exchange.sendResponseHeaders(status, -1); // no body (201 with a Location, 204)
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
