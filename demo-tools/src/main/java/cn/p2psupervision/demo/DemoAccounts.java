package cn.p2psupervision.demo;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes sure the local Keycloak has the users the classification seed acts as in the provinces without demo users in
 * the realm export: for each an officer and two heads, {@code p<code>-officer} and {@code p<code>-head-finance}
 * (financial office) and {@code p<code>-head-regulator} (banking regulator), password {@code demo}, like the realm's
 * {@code zj-}/{@code gd-} users ({@link DemoClassification#officersOf}). Zhejiang (33) and Guangdong (44) keep their
 * realm users: nothing is ever created for them.
 * <p>
 * Through Keycloak's admin REST API, as the master realm's administrator ({@code admin-cli}; the platform script
 * bootstraps Keycloak with admin/admin): a user that exists already is left as it is; a missing one is created enabled,
 * with a verified e-mail, first and last name (the realm's user profile requires them valid), the attributes
 * {@code province} and {@code agency}, a password that is not temporary, then its realm roles
 * ({@code provincial-officer}, and {@code provincial-head} for heads). Idempotent: a second run creates nothing.
 */
final class DemoAccounts {

    static final String OFFICER_ROLE = "provincial-officer";
    static final String HEAD_ROLE = "provincial-head";
    static final String PASSWORD = "demo";
    /** Master-realm access tokens live 60 s by default: one older than this is not used again. */
    private static final Duration ADMIN_TOKEN_REUSE = Duration.ofSeconds(30);

    /** The provinces' names as the realm's demo users spell them (first names: "Zhejiang Officer"). */
    static final Map<String, String> ENGLISH_NAMES = Map.ofEntries(
            Map.entry("11", "Beijing"), Map.entry("12", "Tianjin"), Map.entry("13", "Hebei"),
            Map.entry("14", "Shanxi"), Map.entry("15", "Inner Mongolia"), Map.entry("21", "Liaoning"),
            Map.entry("22", "Jilin"), Map.entry("23", "Heilongjiang"), Map.entry("31", "Shanghai"),
            Map.entry("32", "Jiangsu"), Map.entry("33", "Zhejiang"), Map.entry("34", "Anhui"),
            Map.entry("35", "Fujian"), Map.entry("36", "Jiangxi"), Map.entry("37", "Shandong"),
            Map.entry("41", "Henan"), Map.entry("42", "Hubei"), Map.entry("43", "Hunan"),
            Map.entry("44", "Guangdong"), Map.entry("45", "Guangxi"), Map.entry("46", "Hainan"),
            Map.entry("50", "Chongqing"), Map.entry("51", "Sichuan"), Map.entry("52", "Guizhou"),
            Map.entry("53", "Yunnan"), Map.entry("54", "Tibet"), Map.entry("61", "Shaanxi"),
            Map.entry("62", "Gansu"), Map.entry("63", "Qinghai"), Map.entry("64", "Ningxia"),
            Map.entry("65", "Xinjiang"));

    /** A user to make sure of, as the realm export writes its demo users. */
    record Account(String username, String province, String agency, String firstName, String lastName,
                   List<String> roles) {

        String email() {
            return username + "@p2p-supervision.example";
        }
    }

    /** What {@link #ensure} did: the usernames created, and those that were there already. */
    record Result(List<String> created, List<String> present) {
    }

    private final PlatformClient client;
    private final String adminUsername;
    private final String adminPassword;
    private final Map<String, JsonNode> roles = new HashMap<>();
    private String adminToken;
    private long adminTokenAt;

    /**
     * @param adminUsername the master realm's administrator ({@code --keycloak-admin}, default admin)
     * @param adminPassword its password ({@code --keycloak-admin-password} or {@code KEYCLOAK_ADMIN_PASSWORD},
     *                      default admin)
     */
    DemoAccounts(PlatformClient client, String adminUsername, String adminPassword) {
        this.client = client;
        this.adminUsername = adminUsername;
        this.adminPassword = adminPassword;
    }

    /** The three accounts of a province without realm users (none for 33 and 44). */
    static List<Account> accountsOf(String province) {
        if (DemoClassification.REALM_USERS.containsKey(province)) {
            return List.of();
        }
        DemoClassification.Officers officers = DemoClassification.officersOf(province);
        String name = ENGLISH_NAMES.get(officers.province());
        return List.of(
                new Account(officers.officer(), officers.province(), "FINANCIAL_OFFICE", name, "Officer",
                        List.of(OFFICER_ROLE)),
                new Account(officers.heads().get(0), officers.province(), "FINANCIAL_OFFICE", name, "Finance Head",
                        List.of(OFFICER_ROLE, HEAD_ROLE)),
                new Account(officers.heads().get(1), officers.province(), "BANKING_REGULATOR", name,
                        "Regulator Head", List.of(OFFICER_ROLE, HEAD_ROLE)));
    }

    /**
     * Creates the missing accounts of {@code provinces} (33 and 44 are skipped) and prints one line of what it did;
     * nothing, not even the admin login, when no province needs accounts.
     *
     * @throws IllegalStateException when Keycloak refuses the admin login or a call (a user created but left without
     *                               its roles is deleted again, so the next run creates it whole)
     */
    Result ensure(Collection<String> provinces) {
        List<Account> accounts = new ArrayList<>();
        TreeSet<String> needing = new TreeSet<>();
        for (String province : new TreeSet<>(provinces)) {
            List<Account> own = accountsOf(province);
            if (!own.isEmpty()) {
                needing.add(province);
                accounts.addAll(own);
            }
        }
        if (accounts.isEmpty()) {
            return new Result(List.of(), List.of());
        }
        List<String> created = new ArrayList<>();
        List<String> present = new ArrayList<>();
        for (Account account : accounts) {
            if (userId(account.username()) != null) {
                present.add(account.username());
            } else if (create(account)) {
                created.add(account.username());
            } else {
                present.add(account.username()); // created meanwhile by someone else (409)
            }
        }
        System.out.printf("seed: demo accounts for provinces %s in Keycloak (realm %s, password %s): %d created%s, "
                        + "%d already there%n", needing, PlatformClient.REALM, PASSWORD, created.size(),
                created.isEmpty() ? "" : " (" + names(created) + ")", present.size());
        return new Result(List.copyOf(created), List.copyOf(present));
    }

    /** The user's id, or null when the realm has no user of that name. */
    private String userId(String username) {
        HttpResponse<String> response = admin("GET", "/users?username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&exact=true", null);
        expect(response, 200, "GET user " + username);
        for (JsonNode user : client.json.readTree(response.body())) {
            if (username.equalsIgnoreCase(user.path("username").asString())) {
                return user.path("id").asString();
            }
        }
        return null;
    }

    /** Creates the user, then maps its realm roles; false when Keycloak says it exists (409). */
    private boolean create(Account account) {
        ObjectNode user = client.json.createObjectNode();
        user.put("username", account.username());
        user.put("enabled", true);
        user.put("emailVerified", true);
        user.put("email", account.email());
        user.put("firstName", account.firstName());
        user.put("lastName", account.lastName());
        ObjectNode attributes = user.putObject("attributes");
        attributes.putArray("province").add(account.province());
        attributes.putArray("agency").add(account.agency());
        ObjectNode credential = user.putArray("credentials").addObject();
        credential.put("type", "password");
        credential.put("value", PASSWORD);
        credential.put("temporary", false);
        HttpResponse<String> response = admin("POST", "/users", client.json.writeValueAsString(user));
        if (response.statusCode() == 409) {
            return false;
        }
        expect(response, 201, "POST user " + account.username());
        String id = response.headers().firstValue("Location")
                .map(location -> location.substring(location.lastIndexOf('/') + 1))
                .orElseGet(() -> userId(account.username()));
        if (id == null || id.isEmpty()) {
            throw new IllegalStateException("Keycloak created " + account.username() + " but does not find it");
        }
        try {
            ArrayNode mappings = client.json.createArrayNode();
            account.roles().forEach(role -> mappings.add(role(role)));
            expect(admin("POST", "/users/" + id + "/role-mappings/realm", client.json.writeValueAsString(mappings)),
                    204, "POST role mappings of " + account.username());
        } catch (RuntimeException e) {
            try {
                admin("DELETE", "/users/" + id, null); // not left half made: the next run creates it again
            } catch (RuntimeException deleteFailure) {
                e.addSuppressed(deleteFailure);
            }
            throw e;
        }
        return true;
    }

    /** The realm role's representation, as the role mappings take it (read once). */
    private JsonNode role(String name) {
        JsonNode role = roles.get(name);
        if (role == null) {
            HttpResponse<String> response = admin("GET", "/roles/" + URLEncoder.encode(name, StandardCharsets.UTF_8),
                    null);
            expect(response, 200, "GET realm role " + name);
            role = client.json.readTree(response.body());
            roles.put(name, role);
        }
        return role;
    }

    /** A call to {@code /admin/realms/<realm><path>} as the administrator. */
    private HttpResponse<String> admin(String method, String path, String body) {
        URI uri = client.keycloak().resolve("/admin/realms/" + PlatformClient.REALM + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(PlatformClient.REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + adminToken()).header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return client.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    private String adminToken() {
        if (adminToken == null || System.nanoTime() - adminTokenAt > ADMIN_TOKEN_REUSE.toNanos()) {
            String form = "grant_type=password&client_id=admin-cli&username="
                    + URLEncoder.encode(adminUsername, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(adminPassword, StandardCharsets.UTF_8);
            URI uri = client.keycloak().resolve("/realms/master/protocol/openid-connect/token");
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri)
                    .timeout(PlatformClient.REQUEST_TIMEOUT)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused the admin login of " + adminUsername + " (realm "
                        + "master, client admin-cli) needed to create the demo accounts: HTTP " + response.statusCode()
                        + " " + PlatformClient.abbreviate(response.body()) + "; give --keycloak-admin and "
                        + "--keycloak-admin-password (or KEYCLOAK_ADMIN_PASSWORD), or seed only provinces 33 and 44 "
                        + "with --classification-provinces 33,44");
            }
            adminToken = client.json.readTree(response.body()).path("access_token").asString();
            adminTokenAt = System.nanoTime();
        }
        return adminToken;
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("Keycloak admin API, " + what + ": HTTP " + response.statusCode() + " "
                    + PlatformClient.abbreviate(response.body()));
        }
    }

    /** The names, or the first and the last of many. */
    private static String names(List<String> usernames) {
        return usernames.size() <= 6 ? String.join(", ", usernames)
                : usernames.get(0) + ", " + usernames.get(1) + " … " + usernames.get(usernames.size() - 1);
    }
}
