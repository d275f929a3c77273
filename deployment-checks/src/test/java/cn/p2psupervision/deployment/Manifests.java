package cn.p2psupervision.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1CronJob;
import io.kubernetes.client.openapi.models.V1DaemonSet;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.util.Yaml;

/**
 * The objects of one rendered kustomization (or of one plain YAML file), each parsed by the official Kubernetes Java
 * client into its typed model: a wrong type or an unknown field fails {@link Yaml#loadAll}, a missing required field
 * fails the JSON round trip (the models' own validation), and a kind the client does not know fails too.
 */
final class Manifests {

    /** Where the repository's manifests are: {@code k8s/} next to this module (set by the pom). */
    static final Path K8S = Path.of(System.getProperty("k8s.dir", "../k8s")).toAbsolutePath().normalize();

    private final String source;
    private final List<KubernetesObject> objects;

    private Manifests(String source, List<KubernetesObject> objects) {
        this.source = source;
        this.objects = List.copyOf(objects);
    }

    /** Renders a kustomization directory with {@code kubectl kustomize} and parses what it prints. */
    static Manifests render(Path kustomization) {
        return parse(Kubectl.kustomize(kustomization), kustomization.toString());
    }

    /** A plain YAML file of one or more objects. */
    static Manifests load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Manifests parse(String yaml, String source) {
        List<Object> loaded;
        try {
            loaded = Yaml.loadAll(yaml);
        } catch (IOException | RuntimeException e) {
            throw new InvalidManifestException(source + ": " + firstLine(e), e);
        }
        List<KubernetesObject> objects = new ArrayList<>();
        for (Object object : loaded) {
            if (object == null) {
                continue;
            }
            if (!(object instanceof KubernetesObject typed)) {
                throw new InvalidManifestException(source + ": not a Kubernetes object: "
                        + object.getClass().getName(), null);
            }
            try {
                JSON.deserialize(JSON.serialize(typed), typed.getClass());
            } catch (RuntimeException e) {
                throw new InvalidManifestException(source + ": " + describe(typed) + ": " + firstLine(e), e);
            }
            objects.add(typed);
        }
        return new Manifests(source, objects);
    }

    String source() {
        return source;
    }

    List<KubernetesObject> all() {
        return objects;
    }

    <T extends KubernetesObject> List<T> of(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends KubernetesObject> Optional<T> find(Class<T> type, String namespace, String name) {
        return of(type).stream().filter(o -> Objects.equals(namespace, o.getMetadata().getNamespace())
                && name.equals(o.getMetadata().getName())).findFirst();
    }

    /** Everything that runs pods: Deployments, StatefulSets, DaemonSets, Jobs and CronJobs. */
    List<Workload> workloads() {
        return Stream.of(
                of(V1Deployment.class).stream().map(d -> new Workload("Deployment", d.getMetadata(),
                        d.getSpec().getReplicas(), d.getSpec().getSelector(), d.getSpec().getTemplate(), true)),
                of(V1StatefulSet.class).stream().map(s -> new Workload("StatefulSet", s.getMetadata(),
                        s.getSpec().getReplicas(), s.getSpec().getSelector(), s.getSpec().getTemplate(), true)),
                of(V1DaemonSet.class).stream().map(d -> new Workload("DaemonSet", d.getMetadata(),
                        null, d.getSpec().getSelector(), d.getSpec().getTemplate(), true)),
                of(V1Job.class).stream().map(j -> new Workload("Job", j.getMetadata(),
                        null, j.getSpec().getSelector(), j.getSpec().getTemplate(), false)),
                of(V1CronJob.class).stream().map(c -> new Workload("CronJob", c.getMetadata(), null,
                        null, c.getSpec().getJobTemplate().getSpec().getTemplate(), false)))
                .flatMap(s -> s).toList();
    }

    static String describe(KubernetesObject object) {
        String namespace = object.getMetadata() == null ? null : object.getMetadata().getNamespace();
        String name = object.getMetadata() == null ? null : object.getMetadata().getName();
        return object.getKind() + " " + (namespace == null ? "" : namespace + "/") + name;
    }

    static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }

    static <K, V> Map<K, V> map(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }

    private static String firstLine(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = String.valueOf(cause.getMessage());
        if (cause != e && e.getMessage() != null) {
            // snakeyaml names the property it could not set in the outer message, the reason in the cause
            String outer = e.getMessage().lines().findFirst().orElse("");
            int at = outer.indexOf(" for JavaBean=");
            message = (at > 0 ? outer.substring(0, at) : outer) + " (" + message.lines().findFirst().orElse("") + ")";
        }
        return message.lines().findFirst().orElse(message);
    }

    /** A manifest the Kubernetes client does not accept. */
    static final class InvalidManifestException extends RuntimeException {
        InvalidManifestException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** {@code kubectl kustomize}, offline, with a kubeconfig that points nowhere (never at a real cluster). */
    static final class Kubectl {

        static String kustomize(Path directory) {
            Path kubeconfig = dummyKubeconfig();
            try {
                Path errors = Files.createTempFile("deployment-checks-kubectl", ".err");
                errors.toFile().deleteOnExit();
                ProcessBuilder builder = new ProcessBuilder("kubectl", "kustomize", directory.toString())
                        .redirectError(errors.toFile());
                builder.environment().put("KUBECONFIG", kubeconfig.toString());
                Process process;
                try {
                    process = builder.start();
                } catch (IOException e) {
                    throw new IllegalStateException("kubectl is not installed (or not on the PATH): the manifest checks"
                            + " render k8s/ with 'kubectl kustomize' (kubectl 1.27 or later)", e);
                }
                process.getOutputStream().close();
                byte[] out = process.getInputStream().readAllBytes();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("kubectl kustomize " + directory + " did not finish in 60 s");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("kubectl kustomize " + directory + " failed: "
                            + Files.readString(errors, StandardCharsets.UTF_8).strip());
                }
                return new String(out, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static Path dummyKubeconfig() {
            try {
                Path file = Files.createTempFile("deployment-checks-kubeconfig", ".yaml");
                file.toFile().deleteOnExit();
                Files.writeString(file, """
                        apiVersion: v1
                        kind: Config
                        clusters:
                          - name: none
                            cluster:
                              server: https://127.0.0.1:1
                        contexts:
                          - name: none
                            context:
                              cluster: none
                        current-context: none
                        """);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
