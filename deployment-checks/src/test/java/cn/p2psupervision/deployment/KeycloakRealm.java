package cn.p2psupervision.deployment;

import static cn.p2psupervision.deployment.Manifests.list;
import static cn.p2psupervision.deployment.Manifests.map;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Volume;

/**
 * The production realm that Keycloak imports (ConfigMap key {@value #FILE}), checked against the development realm
 * (keycloak/realm-p2p-supervision.json): the same realm roles, the same clients (less the development-only
 * {@code platform-cli}) with the same token mappers; no users but the clients' service accounts, no credentials, each
 * client secret an environment placeholder that the Keycloak container sets; brute-force detection, a password
 * policy of at least 12 characters, no password grant; and a browser flow that requires a one-time code of every
 * regulator (central-regulator, provincial-officer and, through it, provincial-head).
 */
final class KeycloakRealm {

    static final String FILE = "realm-p2p-supervision.json";
    static final Path DEVELOPMENT_REALM = Manifests.K8S.resolveSibling("keycloak").resolve(FILE);
    static final Set<String> DEVELOPMENT_ONLY_CLIENTS = Set.of("platform-cli");
    static final List<String> REGULATOR_ROLES = List.of("central-regulator", "provincial-officer");
    private static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)}");
    private static final Pattern MIN_LENGTH = Pattern.compile("(?:^|\\s)length\\((\\d+)\\)");

    private KeycloakRealm() {
    }

    static List<String> check(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        JsonObject development = read(DEVELOPMENT_REALM);
        for (V1ConfigMap configMap : manifests.of(V1ConfigMap.class)) {
            String json = map(configMap.getData()).get(FILE);
            if (json == null) {
                continue;
            }
            String where = Manifests.describe(configMap) + ", " + FILE;
            JsonObject realm;
            try {
                realm = JsonParser.parseString(json).getAsJsonObject();
            } catch (RuntimeException e) {
                violations.add(where + ": not a JSON object (" + e.getMessage() + ")");
                continue;
            }
            for (String problem : problems(realm, development)) {
                violations.add(where + ": " + problem);
            }
            for (String problem : unsetPlaceholders(manifests, configMap, json)) {
                violations.add(where + ": " + problem);
            }
        }
        return violations;
    }

    /** What is wrong with a production realm, compared with the development realm. */
    static List<String> problems(JsonObject realm, JsonObject development) {
        List<String> problems = new ArrayList<>();
        if (!Objects.equals(string(realm, "realm"), string(development, "realm"))) {
            problems.add("realm " + string(realm, "realm") + " is not " + string(development, "realm"));
        }
        Set<String> roles = names(realm.getAsJsonObject("roles"), "realm", "name");
        Set<String> developmentRoles = names(development.getAsJsonObject("roles"), "realm", "name");
        if (!roles.equals(developmentRoles)) {
            problems.add("realm roles " + roles + " differ from the development realm's " + developmentRoles);
        }

        Map<String, JsonObject> clients = byClientId(realm);
        Map<String, JsonObject> developmentClients = byClientId(development);
        Set<String> expectedClients = new TreeSet<>(developmentClients.keySet());
        expectedClients.removeAll(DEVELOPMENT_ONLY_CLIENTS);
        if (!clients.keySet().equals(expectedClients)) {
            problems.add("clients " + clients.keySet() + " differ from the development realm's, less "
                    + DEVELOPMENT_ONLY_CLIENTS + ": " + expectedClients);
        }
        clients.forEach((clientId, client) -> {
            if (bool(client, "directAccessGrantsEnabled")) {
                problems.add("client " + clientId + " allows the password grant (which skips the one-time code)");
            }
            if (bool(client, "implicitFlowEnabled")) {
                problems.add("client " + clientId + " allows the implicit flow");
            }
            if (!bool(client, "publicClient") && !bool(client, "bearerOnly")) {
                String secret = string(client, "secret");
                if (secret == null || !ENV_PLACEHOLDER.matcher(secret).matches()) {
                    problems.add("client " + clientId + ": its secret is not an environment placeholder ${NAME}");
                }
            }
            JsonObject developmentClient = developmentClients.get(clientId);
            if (developmentClient != null) {
                Set<String> mappers = names(client, "protocolMappers", "name");
                Set<String> developmentMappers = names(developmentClient, "protocolMappers", "name");
                if (!mappers.equals(developmentMappers)) {
                    problems.add("client " + clientId + ": token mappers " + mappers + " differ from the development"
                            + " realm's " + developmentMappers);
                }
            }
        });

        for (JsonElement user : array(realm, "users")) {
            JsonObject u = user.getAsJsonObject();
            if (string(u, "serviceAccountClientId") == null) {
                problems.add("user " + string(u, "username") + ": a person (only the clients' service accounts belong"
                        + " in the production realm)");
            }
            if (!array(u, "credentials").isEmpty()) {
                problems.add("user " + string(u, "username") + " has credentials");
            }
        }

        if (!bool(realm, "bruteForceProtected")) {
            problems.add("brute-force detection is off (bruteForceProtected)");
        }
        String policy = Optional.ofNullable(string(realm, "passwordPolicy")).orElse("");
        Matcher length = MIN_LENGTH.matcher(policy);
        if (!length.find() || Integer.parseInt(length.group(1)) < 12) {
            problems.add("the password policy does not require 12 characters or more: '" + policy + "'");
        }

        Map<String, JsonObject> flows = byMember(realm, "authenticationFlows", "alias");
        Map<String, JsonObject> configs = byMember(realm, "authenticatorConfig", "alias");
        String browser = string(realm, "browserFlow");
        if (browser == null || !flows.containsKey(browser)) {
            problems.add("the browser flow " + browser + " is not among the realm's flows");
        } else {
            Set<String> protectedRoles = otpRequiredFor(flows, configs, flows.get(browser), new HashSet<>());
            for (String role : REGULATOR_ROLES) {
                if (!protectedRoles.contains(role)) {
                    problems.add("the browser flow " + browser + " does not require a one-time code of " + role);
                }
            }
        }
        return problems;
    }

    /**
     * The roles for which a flow requires the OTP form: a CONDITIONAL subflow (reached, not DISABLED) made of a
     * "user role" condition on that role, not negated, and a REQUIRED auth-otp-form.
     */
    private static Set<String> otpRequiredFor(Map<String, JsonObject> flows, Map<String, JsonObject> configs,
                                              JsonObject flow, Set<String> visited) {
        Set<String> roles = new HashSet<>();
        if (!visited.add(string(flow, "alias"))) {
            return roles;
        }
        for (JsonElement e : array(flow, "authenticationExecutions")) {
            JsonObject execution = e.getAsJsonObject();
            if ("DISABLED".equals(string(execution, "requirement")) || !bool(execution, "authenticatorFlow")) {
                continue;
            }
            JsonObject sub = flows.get(string(execution, "flowAlias"));
            if (sub == null) {
                continue;
            }
            if ("CONDITIONAL".equals(string(execution, "requirement"))) {
                String role = null;
                boolean otp = false;
                for (JsonElement s : array(sub, "authenticationExecutions")) {
                    JsonObject step = s.getAsJsonObject();
                    if ("conditional-user-role".equals(string(step, "authenticator"))
                            && "REQUIRED".equals(string(step, "requirement"))) {
                        JsonObject config = configs.get(string(step, "authenticatorConfig"));
                        JsonObject values = config == null ? null : config.getAsJsonObject("config");
                        if (values != null && !"true".equals(string(values, "negate"))) {
                            role = string(values, "condUserRole");
                        }
                    }
                    if ("auth-otp-form".equals(string(step, "authenticator"))
                            && "REQUIRED".equals(string(step, "requirement"))) {
                        otp = true;
                    }
                }
                if (role != null && otp) {
                    roles.add(role);
                }
            }
            roles.addAll(otpRequiredFor(flows, configs, sub, visited));
        }
        return roles;
    }

    /** Every ${NAME} in the realm is a variable of the container that mounts it (else Keycloak keeps it as text). */
    private static List<String> unsetPlaceholders(Manifests manifests, V1ConfigMap realmConfigMap, String json) {
        Set<String> placeholders = new TreeSet<>();
        Matcher matcher = ENV_PLACEHOLDER.matcher(json);
        while (matcher.find()) {
            placeholders.add(matcher.group(1));
        }
        List<String> problems = new ArrayList<>();
        for (Workload workload : manifests.workloads()) {
            boolean mounts = list(workload.pod().getVolumes()).stream().map(V1Volume::getConfigMap)
                    .filter(Objects::nonNull).anyMatch(v -> realmConfigMap.getMetadata().getName().equals(v.getName()));
            if (!mounts || !Objects.equals(workload.namespace(), realmConfigMap.getMetadata().getNamespace())) {
                continue;
            }
            for (V1Container container : workload.containers()) {
                Set<String> variables = new HashSet<>();
                list(container.getEnv()).forEach(v -> variables.add(v.getName()));
                list(container.getEnvFrom()).stream().filter(s -> s.getConfigMapRef() != null)
                        .map(s -> s.getConfigMapRef().getName())
                        .flatMap(name -> manifests.find(V1ConfigMap.class, workload.namespace(), name).stream())
                        .forEach(c -> variables.addAll(map(c.getData()).keySet()));
                Set<String> unset = placeholders.stream().filter(p -> !variables.contains(p))
                        .collect(Collectors.toCollection(TreeSet::new));
                if (!unset.isEmpty()) {
                    problems.add(workload + ", container " + container.getName() + " does not set " + unset);
                }
            }
        }
        return problems;
    }

    static JsonObject read(Path file) {
        try {
            return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, JsonObject> byClientId(JsonObject realm) {
        return byMember(realm, "clients", "clientId");
    }

    /** The objects of an array member, by the value of one of their members. */
    private static Map<String, JsonObject> byMember(JsonObject object, String arrayMember, String key) {
        Map<String, JsonObject> byKey = new TreeMap<>();
        for (JsonElement element : array(object, arrayMember)) {
            byKey.put(string(element.getAsJsonObject(), key), element.getAsJsonObject());
        }
        return byKey;
    }

    private static Set<String> names(JsonObject object, String arrayMember, String nameMember) {
        if (object == null) {
            return Set.of();
        }
        return StreamSupport.stream(array(object, arrayMember).spliterator(), false)
                .map(e -> string(e.getAsJsonObject(), nameMember)).collect(Collectors.toCollection(TreeSet::new));
    }

    private static JsonArray array(JsonObject object, String member) {
        JsonElement element = object.get(member);
        return element != null && element.isJsonArray() ? element.getAsJsonArray() : new JsonArray();
    }

    private static String string(JsonObject object, String member) {
        JsonElement element = object.get(member);
        return element != null && element.isJsonPrimitive() ? element.getAsString() : null;
    }

    private static boolean bool(JsonObject object, String member) {
        JsonElement element = object.get(member);
        return element != null && element.isJsonPrimitive() && element.getAsBoolean();
    }
}
