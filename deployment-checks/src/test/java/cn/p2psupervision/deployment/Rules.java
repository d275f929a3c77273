package cn.p2psupervision.deployment;

import static cn.p2psupervision.deployment.Manifests.list;
import static cn.p2psupervision.deployment.Manifests.map;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1HTTPIngressPath;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1IngressRule;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1LabelSelectorRequirement;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1NetworkPolicyEgressRule;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPeer;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPort;
import io.kubernetes.client.openapi.models.V1NetworkPolicySpec;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1PodSecurityContext;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1ServiceBackendPort;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V1TopologySpreadConstraint;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;

/**
 * The deployment rules, as code. Each takes the objects of one rendered overlay and returns its violations, one
 * readable sentence each (empty: the rule holds). {@link #ALL} lists them by name; the tests apply every rule to
 * every overlay, and each rule to a broken fixture of its own (src/test/resources/broken/&lt;name&gt;.yaml).
 */
final class Rules {

    record Rule(String name, Function<Manifests, List<String>> check) {
        List<String> apply(Manifests manifests) {
            return check.apply(manifests);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Rule> ALL = List.of(
            new Rule("probes", Rules::probes),
            new Rule("resources", Rules::resources),
            new Rule("security-context", Rules::securityContext),
            new Rule("service-account-tokens", Rules::serviceAccountTokens),
            new Rule("image-tags", Rules::imageTags),
            new Rule("service-selectors", Rules::serviceSelectors),
            new Rule("references", Rules::references),
            new Rule("network-policies", Rules::networkPolicies),
            new Rule("disruption-budgets", Rules::disruptionBudgets),
            new Rule("spread", Rules::spread),
            new Rule("no-literal-secrets", Rules::noLiteralSecrets),
            new Rule("mongodb-members", Rules::mongodbMembers),
            new Rule("keycloak-realm", KeycloakRealm::check));

    static Rule named(String name) {
        return ALL.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no rule " + name));
    }

    /** The annotation that states why a pod needs its service account token (none does today). */
    static final String TOKEN_NEEDED = "p2p-supervision.cn/service-account-token-needed";

    private static final Set<String> SPRING_COMPONENTS = Set.of("gateway", "service");
    private static final String COMPONENT = "app.kubernetes.io/component";

    private Rules() {
    }

    // ---------------------------------------------------------------------------------------------------------------

    /**
     * Every container of a long-running workload has a startup, a readiness and a liveness probe; the Spring
     * applications' probes use the actuator's health groups (liveness for startup and liveness, readiness).
     */
    static List<String> probes(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (Workload workload : manifests.workloads()) {
            if (!workload.longRunning()) {
                continue;
            }
            boolean spring = SPRING_COMPONENTS.contains(workload.podLabels().getOrDefault(COMPONENT, ""));
            String liveness = spring ? "/actuator/health/liveness" : null;
            String readiness = spring ? "/actuator/health/readiness" : null;
            for (V1Container container : workload.containers()) {
                String where = workload + ", container " + container.getName();
                probe(violations, where, "startupProbe", container.getStartupProbe(), liveness);
                probe(violations, where, "readinessProbe", container.getReadinessProbe(), readiness);
                probe(violations, where, "livenessProbe", container.getLivenessProbe(), liveness);
            }
        }
        return violations;
    }

    private static void probe(List<String> violations, String where, String kind, V1Probe probe, String actuatorPath) {
        if (probe == null) {
            violations.add(where + ": no " + kind);
            return;
        }
        String path = probe.getHttpGet() == null ? null : probe.getHttpGet().getPath();
        if (actuatorPath != null && !actuatorPath.equals(path)) {
            violations.add(where + ": " + kind + " must GET " + actuatorPath + " (the actuator's health group)");
        }
    }

    /** Every container and init container requests and limits CPU and memory, and requests no more than it limits. */
    static List<String> resources(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (Workload workload : manifests.workloads()) {
            for (V1Container container : workload.allContainers()) {
                String where = workload + ", container " + container.getName();
                Map<String, Quantity> requests = container.getResources() == null ? Map.of()
                        : map(container.getResources().getRequests());
                Map<String, Quantity> limits = container.getResources() == null ? Map.of()
                        : map(container.getResources().getLimits());
                for (String resource : List.of("cpu", "memory")) {
                    Quantity request = requests.get(resource);
                    Quantity limit = limits.get(resource);
                    if (request == null) {
                        violations.add(where + ": no " + resource + " request");
                    }
                    if (limit == null) {
                        violations.add(where + ": no " + resource + " limit");
                    }
                    if (request != null && limit != null && request.getNumber().compareTo(limit.getNumber()) > 0) {
                        violations.add(where + ": " + resource + " request " + request.toSuffixedString()
                                + " above its limit " + limit.toSuffixedString());
                    }
                }
            }
        }
        return violations;
    }

    /**
     * Every container and init container runs as a non-root user, on a read-only root filesystem, without privilege
     * escalation, with all capabilities dropped (none added) and a seccomp profile (its own or the pod's); no pod
     * shares the node's network, process or IPC namespaces.
     */
    static List<String> securityContext(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (Workload workload : manifests.workloads()) {
            V1PodSecurityContext pod = workload.pod().getSecurityContext();
            if (Boolean.TRUE.equals(workload.pod().getHostNetwork()) || Boolean.TRUE.equals(workload.pod().getHostPID())
                    || Boolean.TRUE.equals(workload.pod().getHostIPC())) {
                violations.add(workload + ": shares a namespace of the node (hostNetwork, hostPID or hostIPC)");
            }
            for (V1Container container : workload.allContainers()) {
                String where = workload + ", container " + container.getName();
                V1SecurityContext own = container.getSecurityContext();
                Boolean nonRoot = own != null && own.getRunAsNonRoot() != null ? own.getRunAsNonRoot()
                        : pod == null ? null : pod.getRunAsNonRoot();
                Long user = own != null && own.getRunAsUser() != null ? own.getRunAsUser()
                        : pod == null ? null : pod.getRunAsUser();
                if (!Boolean.TRUE.equals(nonRoot)) {
                    violations.add(where + ": runAsNonRoot is not true");
                }
                if (user != null && user == 0L) {
                    violations.add(where + ": runs as user 0 (root)");
                }
                if (own == null || !Boolean.TRUE.equals(own.getReadOnlyRootFilesystem())) {
                    violations.add(where + ": readOnlyRootFilesystem is not true");
                }
                if (own == null || !Boolean.FALSE.equals(own.getAllowPrivilegeEscalation())) {
                    violations.add(where + ": allowPrivilegeEscalation is not false");
                }
                if (own != null && Boolean.TRUE.equals(own.getPrivileged())) {
                    violations.add(where + ": privileged");
                }
                List<String> dropped = own == null || own.getCapabilities() == null ? List.of()
                        : list(own.getCapabilities().getDrop());
                if (!dropped.contains("ALL")) {
                    violations.add(where + ": capabilities do not drop ALL");
                }
                if (own != null && own.getCapabilities() != null && !list(own.getCapabilities().getAdd()).isEmpty()) {
                    violations.add(where + ": adds capabilities " + own.getCapabilities().getAdd());
                }
                String seccomp = own != null && own.getSeccompProfile() != null ? own.getSeccompProfile().getType()
                        : pod != null && pod.getSeccompProfile() != null ? pod.getSeccompProfile().getType() : null;
                if (!"RuntimeDefault".equals(seccomp) && !"Localhost".equals(seccomp)) {
                    violations.add(where + ": no seccomp profile (RuntimeDefault or Localhost)");
                }
            }
        }
        return violations;
    }

    /**
     * Every pod runs under a service account of its own that the manifests define, and gets no API token unless its
     * template states why with the annotation {@value #TOKEN_NEEDED}.
     */
    static List<String> serviceAccountTokens(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (V1ServiceAccount account : manifests.of(V1ServiceAccount.class)) {
            if (!Boolean.FALSE.equals(account.getAutomountServiceAccountToken())) {
                violations.add(Manifests.describe(account) + ": automountServiceAccountToken is not false");
            }
        }
        for (Workload workload : manifests.workloads()) {
            String accountName = workload.pod().getServiceAccountName();
            if (accountName == null || accountName.isEmpty() || accountName.equals("default")) {
                violations.add(workload + ": runs under the namespace's default service account");
                continue;
            }
            Optional<V1ServiceAccount> account =
                    manifests.find(V1ServiceAccount.class, workload.namespace(), accountName);
            if (account.isEmpty()) {
                violations.add(workload + ": service account " + accountName + " is not in the manifests");
            }
            Boolean automount = workload.pod().getAutomountServiceAccountToken() != null
                    ? workload.pod().getAutomountServiceAccountToken()
                    : account.map(V1ServiceAccount::getAutomountServiceAccountToken).orElse(null);
            String reason = workload.podAnnotations().get(TOKEN_NEEDED);
            if (!Boolean.FALSE.equals(automount) && (reason == null || reason.isBlank())) {
                violations.add(workload + ": mounts a service account token without saying why (" + TOKEN_NEEDED + ")");
            }
        }
        return violations;
    }

    /** Every image names an explicit tag (or digest), never {@code latest}. */
    static List<String> imageTags(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (Workload workload : manifests.workloads()) {
            for (V1Container container : workload.allContainers()) {
                String image = container.getImage();
                String where = workload + ", container " + container.getName();
                if (image == null || image.isBlank()) {
                    violations.add(where + ": no image");
                    continue;
                }
                if (image.contains("@sha256:")) {
                    continue;
                }
                String last = image.substring(image.lastIndexOf('/') + 1);
                int colon = last.indexOf(':');
                if (colon < 0) {
                    violations.add(where + ": image " + image + " has no tag (the overlay must set one)");
                } else if (last.substring(colon + 1).equalsIgnoreCase("latest")) {
                    violations.add(where + ": image " + image + " uses the tag latest");
                }
            }
        }
        return violations;
    }

    /**
     * Every Service has a selector that matches the pod template of a workload in its namespace, and its target
     * ports are ports that template's containers declare.
     */
    static List<String> serviceSelectors(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (V1Service service : manifests.of(V1Service.class)) {
            Map<String, String> selector = service.getSpec() == null ? Map.of() : map(service.getSpec().getSelector());
            if (selector.isEmpty()) {
                violations.add(Manifests.describe(service) + ": no selector");
                continue;
            }
            List<Workload> matched = manifests.workloads().stream()
                    .filter(w -> Objects.equals(w.namespace(), service.getMetadata().getNamespace()))
                    .filter(w -> w.podLabels().entrySet().containsAll(selector.entrySet())).toList();
            if (matched.isEmpty()) {
                violations.add(Manifests.describe(service) + ": selector " + selector + " matches no pod template");
                continue;
            }
            for (V1ServicePort port : list(service.getSpec().getPorts())) {
                IntOrString target = port.getTargetPort() != null ? port.getTargetPort()
                        : new IntOrString(port.getPort());
                for (Workload workload : matched) {
                    List<V1ContainerPort> declared = workload.containers().stream()
                            .flatMap(c -> list(c.getPorts()).stream()).toList();
                    boolean found = target.isInteger()
                            ? declared.stream().anyMatch(p -> target.getIntValue().equals(p.getContainerPort()))
                            : declared.stream().anyMatch(p -> target.getStrValue().equals(p.getName()));
                    if (!found) {
                        violations.add(Manifests.describe(service) + ": target port " + target + " is not a port of "
                                + workload);
                    }
                }
            }
        }
        return violations;
    }

    /**
     * What objects name exists in the manifests: ConfigMaps a pod reads (after kustomize's renaming with a hash),
     * the Services and ports an Ingress sends to, the workloads an HPA scales.
     */
    static List<String> references(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (Workload workload : manifests.workloads()) {
            Set<String> configMaps = new TreeSet<>();
            for (V1Container container : workload.allContainers()) {
                list(container.getEnvFrom()).stream().filter(e -> e.getConfigMapRef() != null)
                        .forEach(e -> configMaps.add(e.getConfigMapRef().getName()));
                list(container.getEnv()).stream().filter(e -> e.getValueFrom() != null
                                && e.getValueFrom().getConfigMapKeyRef() != null)
                        .forEach(e -> configMaps.add(e.getValueFrom().getConfigMapKeyRef().getName()));
            }
            list(workload.pod().getVolumes()).stream().map(V1Volume::getConfigMap).filter(Objects::nonNull)
                    .forEach(v -> configMaps.add(v.getName()));
            for (String name : configMaps) {
                if (manifests.find(V1ConfigMap.class, workload.namespace(), name).isEmpty()) {
                    violations.add(workload + ": reads ConfigMap " + name + ", which is not in the manifests");
                }
            }
        }
        for (V1Ingress ingress : manifests.of(V1Ingress.class)) {
            for (V1IngressRule rule : list(ingress.getSpec().getRules())) {
                List<V1HTTPIngressPath> paths = rule.getHttp() == null ? List.of() : list(rule.getHttp().getPaths());
                for (V1HTTPIngressPath path : paths) {
                    var backend = path.getBackend().getService();
                    if (backend == null) {
                        continue;
                    }
                    Optional<V1Service> service = manifests.find(V1Service.class, ingress.getMetadata().getNamespace(),
                            backend.getName());
                    if (service.isEmpty()) {
                        violations.add(Manifests.describe(ingress) + ": sends " + path.getPath() + " to Service "
                                + backend.getName() + ", which is not in the manifests");
                    } else if (backend.getPort() != null && !hasPort(service.get(), backend.getPort())) {
                        violations.add(Manifests.describe(ingress) + ": Service " + backend.getName() + " has no port "
                                + (backend.getPort().getName() != null ? backend.getPort().getName()
                                        : backend.getPort().getNumber()));
                    }
                }
            }
        }
        for (V2HorizontalPodAutoscaler hpa : manifests.of(V2HorizontalPodAutoscaler.class)) {
            var target = hpa.getSpec().getScaleTargetRef();
            boolean exists = manifests.workloads().stream()
                    .filter(w -> Objects.equals(w.namespace(), hpa.getMetadata().getNamespace()))
                    .anyMatch(w -> w.kind().equals(target.getKind()) && w.name().equals(target.getName()));
            if (!exists) {
                violations.add(Manifests.describe(hpa) + ": scales " + target.getKind() + " " + target.getName()
                        + ", which is not in the manifests");
            }
        }
        return violations;
    }

    private static boolean hasPort(V1Service service, V1ServiceBackendPort port) {
        return list(service.getSpec().getPorts()).stream().anyMatch(p -> port.getName() != null
                ? port.getName().equals(p.getName()) : Objects.equals(port.getNumber(), p.getPort()));
    }

    /**
     * Network policies: a default deny of all ingress and egress; DNS egress for every pod; every workload's pods
     * selected by a policy of their own (besides those two); and every pod selector in a policy's peers matching
     * some pod template (a selector that matches nothing is a typo that silently blocks traffic).
     */
    static List<String> networkPolicies(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        List<V1NetworkPolicy> policies = manifests.of(V1NetworkPolicy.class);
        Set<String> namespaces = manifests.workloads().stream().map(Workload::namespace)
                .collect(Collectors.toCollection(HashSet::new));
        for (String namespace : namespaces) {
            List<V1NetworkPolicy> here = policies.stream()
                    .filter(p -> Objects.equals(namespace, p.getMetadata().getNamespace())).toList();
            if (here.stream().noneMatch(Rules::isDefaultDeny)) {
                violations.add(namespaceText(namespace) + ": no default-deny NetworkPolicy (empty podSelector, "
                        + "policyTypes Ingress and Egress, no rules)");
            }
            if (here.stream().noneMatch(Rules::allowsDnsForAll)) {
                violations.add(namespaceText(namespace) + ": no NetworkPolicy lets every pod reach DNS (port 53)");
            }
        }
        for (Workload workload : manifests.workloads()) {
            boolean covered = policies.stream()
                    .filter(p -> Objects.equals(workload.namespace(), p.getMetadata().getNamespace()))
                    .filter(p -> !isEmpty(p.getSpec().getPodSelector()))
                    .anyMatch(p -> matches(p.getSpec().getPodSelector(), workload.podLabels()));
            if (!covered) {
                violations.add(workload + ": no NetworkPolicy of its own selects its pods");
            }
        }
        for (V1NetworkPolicy policy : policies) {
            V1NetworkPolicySpec spec = policy.getSpec();
            Stream<V1NetworkPolicyPeer> peers = Stream.concat(
                    list(spec.getIngress()).stream().flatMap(r -> list(r.getFrom()).stream()),
                    list(spec.getEgress()).stream().flatMap(r -> list(r.getTo()).stream()));
            peers.filter(peer -> peer.getNamespaceSelector() == null && peer.getPodSelector() != null
                            && !isEmpty(peer.getPodSelector()))
                    .filter(peer -> manifests.workloads().stream().noneMatch(w ->
                            Objects.equals(w.namespace(), policy.getMetadata().getNamespace())
                                    && matches(peer.getPodSelector(), w.podLabels())))
                    .forEach(peer -> violations.add(Manifests.describe(policy) + ": peer "
                            + selectorText(peer.getPodSelector()) + " matches no pod template"));
        }
        return violations;
    }

    private static String namespaceText(String namespace) {
        return namespace == null ? "the manifests' namespace" : "namespace " + namespace;
    }

    private static boolean isDefaultDeny(V1NetworkPolicy policy) {
        V1NetworkPolicySpec spec = policy.getSpec();
        return isEmpty(spec.getPodSelector()) && list(spec.getPolicyTypes()).containsAll(List.of("Ingress", "Egress"))
                && list(spec.getIngress()).isEmpty() && list(spec.getEgress()).isEmpty();
    }

    private static boolean allowsDnsForAll(V1NetworkPolicy policy) {
        V1NetworkPolicySpec spec = policy.getSpec();
        return isEmpty(spec.getPodSelector()) && list(spec.getPolicyTypes()).contains("Egress")
                && list(spec.getEgress()).stream().map(V1NetworkPolicyEgressRule::getPorts)
                .flatMap(ports -> list(ports).stream()).map(V1NetworkPolicyPort::getPort)
                .anyMatch(port -> port != null && port.isInteger() && port.getIntValue() == 53);
    }

    /**
     * Every replicated workload (more than one replica, or scaled by an HPA) has a PodDisruptionBudget that selects
     * its pods and lets at least one be evicted.
     */
    static List<String> disruptionBudgets(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        List<V1PodDisruptionBudget> budgets = manifests.of(V1PodDisruptionBudget.class);
        for (Workload workload : manifests.workloads()) {
            if (!replicated(manifests, workload)) {
                continue;
            }
            List<V1PodDisruptionBudget> own = budgets.stream()
                    .filter(b -> Objects.equals(b.getMetadata().getNamespace(), workload.namespace()))
                    .filter(b -> b.getSpec().getSelector() != null)
                    .filter(b -> matches(b.getSpec().getSelector(), workload.podLabels()))
                    .toList();
            if (own.isEmpty()) {
                violations.add(workload + ": replicated, but no PodDisruptionBudget selects its pods");
            }
            for (V1PodDisruptionBudget budget : own) {
                IntOrString maxUnavailable = budget.getSpec().getMaxUnavailable();
                IntOrString minAvailable = budget.getSpec().getMinAvailable();
                boolean blocksAll = maxUnavailable != null && ("0".equals(maxUnavailable.toString())
                        || "0%".equals(maxUnavailable.toString()))
                        || minAvailable != null && "100%".equals(minAvailable.toString());
                if (blocksAll) {
                    violations.add(Manifests.describe(budget) + ": allows no eviction at all (node drains would hang)");
                }
            }
        }
        return violations;
    }

    /** Every replicated workload spreads its pods over nodes: a required spread constraint or anti-affinity. */
    static List<String> spread(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (Workload workload : manifests.workloads()) {
            if (!replicated(manifests, workload)) {
                continue;
            }
            boolean constraint = list(workload.pod().getTopologySpreadConstraints()).stream()
                    .filter(c -> "kubernetes.io/hostname".equals(c.getTopologyKey()))
                    .filter(c -> "DoNotSchedule".equals(c.getWhenUnsatisfiable()))
                    .map(V1TopologySpreadConstraint::getLabelSelector)
                    .anyMatch(s -> s != null && matches(s, workload.podLabels()));
            var affinity = workload.pod().getAffinity();
            var required = affinity == null || affinity.getPodAntiAffinity() == null ? null
                    : affinity.getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution();
            boolean antiAffinity = list(required).stream()
                    .filter(t -> "kubernetes.io/hostname".equals(t.getTopologyKey()))
                    .anyMatch(t -> t.getLabelSelector() != null && matches(t.getLabelSelector(), workload.podLabels()));
            if (!constraint && !antiAffinity) {
                violations.add(workload + ": replicated, but nothing keeps its replicas on different nodes");
            }
        }
        return violations;
    }

    private static boolean replicated(Manifests manifests, Workload workload) {
        if (workload.replicas() != null && workload.replicas() > 1) {
            return true;
        }
        return manifests.of(V2HorizontalPodAutoscaler.class).stream()
                .filter(h -> Objects.equals(h.getMetadata().getNamespace(), workload.namespace()))
                .anyMatch(h -> workload.kind().equals(h.getSpec().getScaleTargetRef().getKind())
                        && workload.name().equals(h.getSpec().getScaleTargetRef().getName())
                        && h.getSpec().getMaxReplicas() > 1);
    }

    // --- secrets ---------------------------------------------------------------------------------------------------

    private static final Set<String> SECRET_WORDS = Set.of("PASSWORD", "PASSWD", "PWD", "SECRET", "TOKEN", "CREDENTIAL",
            "CREDENTIALS", "KEY", "APIKEY", "KEYFILE", "PRIVATEKEY");
    /**
     * {@code scheme://user:password@host} with a literal password: a {@code $(VAR)} reference (Kubernetes) or a
     * {@code ${name}} placeholder (a script's template) is fine.
     */
    private static final Pattern URI_WITH_PASSWORD =
            Pattern.compile("[a-z][a-z0-9+.-]*://[^/\\s:@]+:(?!\\$[({])[^@\\s/]+@");
    private static final Pattern JSON_SECRET_MEMBER = Pattern.compile("(?i)secret|password|privateKey|clientSecret");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_.:-]*}");

    /**
     * No secret value in the manifests: no Secret with data, no literal value in a variable whose name says secret,
     * no password inside a URI, no secret in a ConfigMap (by key, in a URI, or in a JSON member such as a realm's
     * client secret), no password on a command line.
     */
    static List<String> noLiteralSecrets(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (V1Secret secret : manifests.of(V1Secret.class)) {
            if (!map(secret.getData()).isEmpty() || !map(secret.getStringData()).isEmpty()) {
                violations.add(Manifests.describe(secret) + ": holds secret values (create Secrets out of band)");
            }
        }
        for (Workload workload : manifests.workloads()) {
            for (V1Container container : workload.allContainers()) {
                String where = workload + ", container " + container.getName();
                for (V1EnvVar variable : list(container.getEnv())) {
                    String value = variable.getValue();
                    if (value == null || value.isBlank()) {
                        continue;
                    }
                    if (secretName(variable.getName()) && !onlyReferences(value)) {
                        violations.add(where + ": variable " + variable.getName() + " has a literal value");
                    }
                    if (URI_WITH_PASSWORD.matcher(value).find()) {
                        violations.add(where + ": variable " + variable.getName()
                                + " holds a URI with a literal password");
                    }
                }
                List<String> commandLine = Stream.concat(list(container.getCommand()).stream(),
                        list(container.getArgs()).stream()).toList();
                for (int i = 0; i < commandLine.size(); i++) {
                    String argument = commandLine.get(i);
                    if (argument.matches("(?i)--?(p|password|secret|token)") && i + 1 < commandLine.size()
                            && !commandLine.get(i + 1).startsWith("$")) {
                        violations.add(where + ": a literal password follows " + argument + " on the command line");
                    } else if (argument.matches("(?i)--(password|secret|token)=[^$].*")) {
                        violations.add(where + ": a literal password on the command line ("
                                + argument.split("=")[0] + ")");
                    } else if (URI_WITH_PASSWORD.matcher(argument).find()) {
                        violations.add(where + ": a URI with a literal password on the command line");
                    }
                }
            }
        }
        for (V1ConfigMap configMap : manifests.of(V1ConfigMap.class)) {
            for (Map.Entry<String, String> entry : map(configMap.getData()).entrySet()) {
                String where = Manifests.describe(configMap) + ", key " + entry.getKey();
                String value = entry.getValue();
                if (secretName(entry.getKey()) && value != null && !value.isBlank() && !onlyReferences(value)) {
                    violations.add(where + ": a secret in a ConfigMap");
                }
                if (value != null && URI_WITH_PASSWORD.matcher(value).find()) {
                    violations.add(where + ": a URI with a literal password");
                }
                if (value != null && value.stripLeading().startsWith("{")) {
                    jsonSecrets(violations, where, value);
                }
            }
        }
        return violations;
    }

    private static void jsonSecrets(List<String> violations, String where, String json) {
        JsonElement tree;
        try {
            tree = JsonParser.parseString(json);
        } catch (RuntimeException e) {
            return;
        }
        walk(tree, "", (path, key, element) -> {
            if (JSON_SECRET_MEMBER.matcher(key).matches() && element.isJsonPrimitive()) {
                String value = element.getAsString();
                if (!value.isEmpty() && !PLACEHOLDER.matcher(value).matches()) {
                    violations.add(where + ": JSON member " + path + " has a literal value");
                }
            }
            if (key.equals("credentials") && element.isJsonArray() && !element.getAsJsonArray().isEmpty()) {
                violations.add(where + ": JSON member " + path + " holds credentials");
            }
        });
    }

    interface MemberVisitor {
        void visit(String path, String key, JsonElement element);
    }

    static void walk(JsonElement element, String path, MemberVisitor visitor) {
        if (element.isJsonObject()) {
            for (var member : element.getAsJsonObject().entrySet()) {
                String memberPath = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
                visitor.visit(memberPath, member.getKey(), member.getValue());
                walk(member.getValue(), memberPath, visitor);
            }
        } else if (element.isJsonArray()) {
            int i = 0;
            for (var item : element.getAsJsonArray()) {
                walk(item, path + "[" + i++ + "]", visitor);
            }
        }
    }

    private static boolean secretName(String name) {
        return Stream.of(name.toUpperCase().split("[^A-Z0-9]+")).anyMatch(SECRET_WORDS::contains);
    }

    /** A value made only of {@code $(VAR)} references: Kubernetes substitutes them from other variables. */
    private static boolean onlyReferences(String value) {
        return value.replaceAll("\\$\\([A-Za-z_][A-Za-z0-9_]*\\)", "").isBlank();
    }

    // --- MongoDB ---------------------------------------------------------------------------------------------------

    /**
     * The MongoDB replica set's configuration names exactly its members: MONGODB_HOSTS (mongodb-config) lists
     * {@code <statefulset>-<n>.<service>:27017} for every replica n of the StatefulSet, in order.
     */
    static List<String> mongodbMembers(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (Workload workload : manifests.workloads()) {
            if (!"StatefulSet".equals(workload.kind())
                    || !"mongodb".equals(workload.podLabels().get("app.kubernetes.io/name"))) {
                continue;
            }
            V1StatefulSet statefulSet = manifests.find(V1StatefulSet.class, workload.namespace(), workload.name())
                    .orElseThrow();
            String service = statefulSet.getSpec().getServiceName();
            int replicas = workload.replicas() == null ? 1 : workload.replicas();
            List<String> expected = IntStream.range(0, replicas)
                    .mapToObj(i -> workload.name() + "-" + i + "." + service + ":27017").toList();
            Set<String> configMaps = workload.containers().stream().flatMap(c -> list(c.getEnvFrom()).stream())
                    .filter(e -> e.getConfigMapRef() != null).map(e -> e.getConfigMapRef().getName())
                    .collect(Collectors.toSet());
            Optional<String> hosts = configMaps.stream()
                    .flatMap(name -> manifests.find(V1ConfigMap.class, workload.namespace(), name).stream())
                    .map(c -> map(c.getData()).get("MONGODB_HOSTS")).filter(Objects::nonNull).findFirst();
            if (hosts.isEmpty()) {
                violations.add(workload + ": no MONGODB_HOSTS in the ConfigMaps its containers read");
            } else if (!List.of(hosts.get().split(",")).equals(expected)) {
                violations.add(workload + ": MONGODB_HOSTS is " + hosts.get() + " but its " + replicas
                        + " replicas are " + String.join(",", expected));
            }
        }
        return violations;
    }

    // --- label selectors -------------------------------------------------------------------------------------------

    static boolean isEmpty(V1LabelSelector selector) {
        return selector == null
                || map(selector.getMatchLabels()).isEmpty() && list(selector.getMatchExpressions()).isEmpty();
    }

    /** Kubernetes' label selector semantics; an empty selector matches every pod. */
    static boolean matches(V1LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        if (!labels.entrySet().containsAll(map(selector.getMatchLabels()).entrySet())) {
            return false;
        }
        for (V1LabelSelectorRequirement requirement : list(selector.getMatchExpressions())) {
            String value = labels.get(requirement.getKey());
            List<String> values = list(requirement.getValues());
            boolean ok = switch (requirement.getOperator()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String selectorText(V1LabelSelector selector) {
        return map(selector.getMatchLabels()).toString()
                + (list(selector.getMatchExpressions()).isEmpty() ? "" : " " + selector.getMatchExpressions());
    }
}
