package cn.p2psupervision.deployment;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;

/**
 * An object that runs pods, seen through its pod template. {@code longRunning}: its pods serve until stopped
 * (Deployment, StatefulSet, DaemonSet), as opposed to Jobs, which run to completion and need no probes.
 */
record Workload(String kind, V1ObjectMeta metadata, Integer replicas, V1LabelSelector selector,
                V1PodTemplateSpec template, boolean longRunning) {

    String name() {
        return metadata.getName();
    }

    String namespace() {
        return metadata.getNamespace();
    }

    @Override
    public String toString() {
        return kind + " " + (namespace() == null ? "" : namespace() + "/") + name();
    }

    V1PodSpec pod() {
        return template.getSpec();
    }

    Map<String, String> podLabels() {
        return template.getMetadata() == null ? Map.of() : Manifests.map(template.getMetadata().getLabels());
    }

    Map<String, String> podAnnotations() {
        return template.getMetadata() == null ? Map.of() : Manifests.map(template.getMetadata().getAnnotations());
    }

    List<V1Container> containers() {
        return Manifests.list(pod().getContainers());
    }

    /** Containers and init containers: everything that executes code in the pod. */
    List<V1Container> allContainers() {
        return Stream.concat(Manifests.list(pod().getInitContainers()).stream(), containers().stream()).toList();
    }
}
