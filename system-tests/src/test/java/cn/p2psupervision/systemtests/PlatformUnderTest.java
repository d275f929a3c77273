package cn.p2psupervision.systemtests;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One platform instance for the whole system-test run, started with the project's own {@code ./platform} script on
 * ports of its own (18xxx) and a temporary run and data folder, so it never collides with a local {@code ./platform up}.
 * Stopped when the test run ends.
 */
public final class PlatformUnderTest implements BeforeAllCallback {

    public static final int GATEWAY_PORT = 18080;
    public static final int KEYCLOAK_PORT = 18180;
    public static final int PORTAL_PORT = 18085;
    public static final Map<String, Integer> SERVICE_PORTS = Map.of(
            "registry", 18081, "classification", 18082, "acceptance", 18083, "incident", 18084);
    public static final String GATEWAY = "http://localhost:" + GATEWAY_PORT;
    public static final String KEYCLOAK = "http://localhost:" + KEYCLOAK_PORT;
    /** Short token tolerance so the expiry test need not wait half a minute. */
    public static final int CLOCK_SKEW_SECONDS = 1;

    private static final Path ROOT = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
    private static final Path RUN_DIR = Path.of(System.getProperty("platform.run.dir", "target/platform")).toAbsolutePath();

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(PlatformUnderTest.class, key -> start(), Running.class);
    }

    /**
     * Runs a {@code ./platform} command against the test instance, failing the test if it fails; the failure message
     * carries the command's own output so that a CI log shows why.
     */
    public static void platform(String... args) {
        platform(Map.of(), args);
    }

    /**
     * As {@link #platform(String...)}, with more environment for what it starts: e.g. {@code PLATFORM_CLOCK_START} to
     * restart a service on another campaign date (the domain clock; tokens are still checked against real time).
     */
    public static void platform(Map<String, String> environment, String... args) {
        ProcessBuilder command = new ProcessBuilder();
        command.command().add(ROOT.resolve("platform").toString());
        command.command().addAll(List.of(args));
        command.directory(ROOT.toFile()).redirectErrorStream(true);
        Map<String, String> env = command.environment();
        env.put("GATEWAY_PORT", String.valueOf(GATEWAY_PORT));
        env.put("KEYCLOAK_PORT", String.valueOf(KEYCLOAK_PORT));
        env.put("KEYCLOAK_MANAGEMENT_PORT", "19180");
        env.put("REGISTRY_PORT", String.valueOf(SERVICE_PORTS.get("registry")));
        env.put("CLASSIFICATION_PORT", String.valueOf(SERVICE_PORTS.get("classification")));
        env.put("ACCEPTANCE_PORT", String.valueOf(SERVICE_PORTS.get("acceptance")));
        env.put("INCIDENT_PORT", String.valueOf(SERVICE_PORTS.get("incident")));
        env.put("PORTAL_PORT", String.valueOf(PORTAL_PORT));
        env.remove("KEYCLOAK_URL");
        env.put("PLATFORM_RUN_DIR", RUN_DIR.toString());
        env.put("PLATFORM_DATA_DIR", RUN_DIR.resolve("data").toString());
        env.put("PLATFORM_SKIP_BUILD", "1");
        env.put("PLATFORM_SECURITY_CLOCKSKEW", CLOCK_SKEW_SECONDS + "s");
        env.putAll(environment);
        String name = "./platform " + String.join(" ", args);
        try {
            Files.createDirectories(RUN_DIR);
            Path output = Files.createTempFile(RUN_DIR, "platform-command", ".log");
            command.redirectOutput(output.toFile());
            Process process = command.start();
            boolean finished = process.waitFor(6, TimeUnit.MINUTES);
            if (!finished) {
                process.destroyForcibly();
            }
            String printed = Files.readString(output);
            Files.writeString(RUN_DIR.resolve("platform-commands.log"), "$ " + name + "\n" + printed,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            Files.delete(output);
            if (!finished || process.exitValue() != 0) {
                throw new IllegalStateException(name + (finished ? " failed" : " did not finish") + "; it printed:\n"
                        + lastLines(printed, 60) + "\n(service logs in " + RUN_DIR.resolve("logs") + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String lastLines(String text, int count) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    private static Running start() {
        platform("down");
        deleteData(RUN_DIR.resolve("data").toFile());
        try {
            platform("up");
        } catch (RuntimeException failed) {
            platform("down");
            throw failed;
        }
        return new Running();
    }

    private static void deleteData(File dir) {
        File[] children = dir.listFiles();
        if (children != null) {
            for (File child : children) {
                deleteData(child);
            }
        }
        dir.delete();
    }

    /** Closed by JUnit when the whole run is over. */
    static final class Running implements AutoCloseable {
        @Override
        public void close() {
            platform("down");
        }
    }
}
