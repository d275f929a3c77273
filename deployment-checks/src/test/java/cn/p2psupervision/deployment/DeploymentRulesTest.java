package cn.p2psupervision.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of {@link Rules} holds for every overlay, as rendered by {@code kubectl kustomize} and parsed by the
 * Kubernetes Java client (a manifest the client refuses fails the render of its overlay, see {@link Overlays}).
 */
class DeploymentRulesTest {

    static Stream<Arguments> overlaysAndRules() {
        return Overlays.NAMES.stream().flatMap(overlay -> Rules.ALL.stream().map(rule -> Arguments.of(overlay, rule)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndRules")
    void everyOverlayKeepsEveryRule(String overlay, Rules.Rule rule) {
        List<String> violations = rule.apply(Overlays.rendered(overlay));

        assertThat(violations).as("violations of rule '%s' in overlay %s", rule, overlay).isEmpty();
    }

    /** The overlays, each rendered and parsed once for all tests. */
    static final class Overlays {

        static final List<String> NAMES = List.of("staging", "production");
        private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

        static Manifests rendered(String overlay) {
            return RENDERED.computeIfAbsent(overlay,
                    name -> Manifests.render(Manifests.K8S.resolve("overlays").resolve(name)));
        }

        private Overlays() {
        }
    }
}
