package cn.p2psupervision.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** yamllint, with k8s/.yamllint, passes on k8s/ (and fails on a broken file, so it does check). */
class YamllintTest {

    @Test
    void yamllintPassesOnK8s() {
        Result result = yamllint(Manifests.K8S);

        assertThat(result.exitCode()).as("yamllint k8s/:%n%s", result.output()).isZero();
    }

    @Test
    void yamllintFailsOnABrokenFile() {
        Result result = yamllint(BrokenFixturesTest.BROKEN.resolve("yamllint").resolve("bad.yaml"));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("trailing-spaces", "indentation", "key-duplicates");
    }

    record Result(int exitCode, String output) {
    }

    static Result yamllint(Path target) {
        List<String> command = new ArrayList<>(List.of("yamllint", "-f", "parsable", "-c",
                Manifests.K8S.resolve(".yamllint").toString(), target.toString()));
        try {
            Process process;
            try {
                process = new ProcessBuilder(command).redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new IllegalStateException("yamllint is not installed: apt-get install yamllint (or pip install"
                        + " yamllint); .ci/run installs it", e);
            }
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("yamllint did not finish in 60 s");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
