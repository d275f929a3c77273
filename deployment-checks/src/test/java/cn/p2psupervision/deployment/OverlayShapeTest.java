package cn.p2psupervision.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.p2psupervision.deployment.DeploymentRulesTest.Overlays;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** What each overlay is meant to deploy: the workloads, their replicas, and the settings the applications need. */
class OverlayShapeTest {

    static final List<String> OVERLAYS = Overlays.NAMES;
    static final List<String> SERVICES = List.of("registry-service", "classification-service", "acceptance-service",
            "incident-service");
    static final Set<String> WORKLOADS = Set.of("Deployment gateway", "Deployment registry-service",
            "Deployment classification-service", "Deployment acceptance-service", "Deployment incident-service",
            "StatefulSet keycloak", "StatefulSet keycloak-postgres", "StatefulSet mongodb", "Job mongodb-init");

    @Test
    void theTestsKnowEveryOverlay() throws IOException {
        try (Stream<Path> directories = Files.list(Manifests.K8S.resolve("overlays"))) {
            assertThat(directories.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(OVERLAYS);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyOverlayDeploysThePlatformIntoItsOwnNamespace(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);

        assertThat(manifests.workloads()).extracting(w -> w.kind() + " " + w.name())
                .containsExactlyInAnyOrderElementsOf(WORKLOADS);
        List<V1Namespace> namespaces = manifests.of(V1Namespace.class);
        assertThat(namespaces).hasSize(1);
        String namespace = namespaces.get(0).getMetadata().getName();
        assertThat(manifests.all()).filteredOn(o -> !(o instanceof V1Namespace))
                .allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).as(Manifests.describe(o)).isEqualTo(namespace));
        assertThat(namespaces.get(0).getMetadata().getLabels())
                .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
    }

    /** The base has no tags: each overlay must choose its images' versions. */
    @Test
    void theBaseLeavesImageTagsToTheOverlays() {
        Manifests base = Manifests.render(Manifests.K8S.resolve("base"));

        long containers = base.workloads().stream().mapToLong(w -> w.allContainers().size()).sum();
        assertThat(Rules.imageTags(base)).hasSize((int) containers)
                .allSatisfy(violation -> assertThat(violation).contains("has no tag"));
    }

    @Test
    void stagingRunsOneReplicaOfEverything() {
        Manifests staging = Overlays.rendered("staging");

        assertThat(staging.workloads()).filteredOn(Workload::longRunning)
                .allSatisfy(w -> assertThat(w.replicas()).as(w.toString()).isEqualTo(1));
        assertThat(staging.of(V2HorizontalPodAutoscaler.class)).isEmpty();
        assertThat(config(staging, "mongodb-config")).containsEntry("MONGODB_HOSTS", "mongodb-0.mongodb:27017");
    }

    @Test
    void productionScalesTheStatelessWorkloadsAndReplicatesTheStatefulOnes() {
        Manifests production = Overlays.rendered("production");

        Map<String, Integer> minReplicas = production.of(V2HorizontalPodAutoscaler.class).stream().collect(
                Collectors.toMap(h -> h.getSpec().getScaleTargetRef().getName(), h -> h.getSpec().getMinReplicas()));
        assertThat(minReplicas).containsOnlyKeys(Stream.concat(Stream.of("gateway"), SERVICES.stream()).toList())
                .allSatisfy((name, min) -> assertThat(min).as(name).isGreaterThanOrEqualTo(3));
        assertThat(production.workloads()).filteredOn(w -> minReplicas.containsKey(w.name()))
                .allSatisfy(w -> assertThat(w.replicas()).as("%s: the HPA owns the count", w).isNull());
        assertThat(replicas(production, "keycloak")).isEqualTo(3);
        assertThat(replicas(production, "mongodb")).isEqualTo(3);
        assertThat(replicas(production, "keycloak-postgres")).isEqualTo(1);
    }

    /**
     * The applications run with the production profile, Keycloak's issuer is its Ingress host, and the database URI
     * and the client secret come from Secrets; Keycloak's own hostname is the same host.
     */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theApplicationsGetTheirProductionSettings(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        String keycloakHost = ingressHost(manifests, "keycloak");
        Map<String, String> platform = config(manifests, "platform-config");

        assertThat(platform).containsEntry("SPRING_PROFILES_ACTIVE", "production")
                .containsEntry("KEYCLOAK_URL", "https://" + keycloakHost)
                // the contexts reach the registry's and classification's /internal/** endpoints inside the cluster
                // (without the second, acceptance called localhost and answered every gate check 503)
                .containsEntry("PLATFORM_REGISTRY_URL", "http://registry-service:8080")
                .containsEntry("PLATFORM_CLASSIFICATION_URL", "http://classification-service:8080");
        assertThat(config(manifests, "keycloak-config")).containsEntry("KC_HOSTNAME", "https://" + keycloakHost);
        for (String service : SERVICES) {
            V1Container app = container(manifests, service);
            assertThat(fromSecret(app, "MONGODB_PASSWORD")).as(service).isTrue();
            assertThat(fromSecret(app, "PLATFORM_SERVICES_SECRET")).as(service).isTrue();
            assertThat(value(app, "MONGODB_URI")).as(service).startsWith("mongodb://")
                    .contains(":$(MONGODB_PASSWORD)@$(MONGODB_HOSTS)/");
        }
        assertThat(container(manifests, "gateway").getEnv()).extracting(V1EnvVar::getName)
                .contains("REGISTRY_URL", "CLASSIFICATION_URL", "ACCEPTANCE_URL", "INCIDENT_URL");
    }

    @Test
    void theOverlaysUseTheirOwnHostNames() {
        assertThat(ingressHost(Overlays.rendered("staging"), "gateway"))
                .isNotEqualTo(ingressHost(Overlays.rendered("production"), "gateway"));
        assertThat(ingressHost(Overlays.rendered("staging"), "keycloak"))
                .isNotEqualTo(ingressHost(Overlays.rendered("production"), "keycloak"));
    }

    private static Integer replicas(Manifests manifests, String name) {
        return manifests.workloads().stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow().replicas();
    }

    private static String ingressHost(Manifests manifests, String name) {
        V1Ingress ingress = manifests.of(V1Ingress.class).stream().filter(i -> i.getMetadata().getName().equals(name))
                .findFirst().orElseThrow();
        String host = ingress.getSpec().getRules().get(0).getHost();
        assertThat(ingress.getSpec().getTls()).as("TLS of Ingress " + name).singleElement()
                .satisfies(tls -> assertThat(tls.getHosts()).containsExactly(host));
        return host;
    }

    /** A generated ConfigMap, by its name before kustomize's hash suffix. */
    private static Map<String, String> config(Manifests manifests, String name) {
        return manifests.of(V1ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().matches(name + "-[a-z0-9]{10}"))
                .findFirst().orElseThrow(() -> new AssertionError("no ConfigMap " + name)).getData();
    }

    private static V1Container container(Manifests manifests, String workload) {
        return manifests.workloads().stream().filter(w -> w.name().equals(workload)).findFirst().orElseThrow()
                .containers().get(0);
    }

    private static boolean fromSecret(V1Container container, String variable) {
        return container.getEnv().stream().anyMatch(e -> e.getName().equals(variable) && e.getValueFrom() != null
                && e.getValueFrom().getSecretKeyRef() != null);
    }

    private static String value(V1Container container, String variable) {
        return container.getEnv().stream().filter(e -> e.getName().equals(variable)).map(V1EnvVar::getValue)
                .filter(Objects::nonNull).findFirst().orElse(null);
    }
}
