package cn.p2psupervision.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Each rule can fail: applied to its own deliberately broken fixture (src/test/resources/broken/&lt;rule&gt;.yaml), it
 * reports every violation the fixture's {@code # expect:} lines name. So can the parsing, and so can a rule applied
 * through an overlay.
 */
class BrokenFixturesTest {

    static final Path BROKEN = Path.of("src/test/resources/broken").toAbsolutePath();
    static final List<Rules.Rule> RULES = Rules.ALL;

    @ParameterizedTest(name = "{0}")
    @FieldSource("RULES")
    void everyRuleReportsTheViolationsOfItsBrokenFixture(Rules.Rule rule) throws IOException {
        Path fixture = BROKEN.resolve(rule.name() + ".yaml");
        List<String> expected = Files.readAllLines(fixture).stream().filter(line -> line.startsWith("# expect: "))
                .map(line -> line.substring("# expect: ".length()).strip()).toList();

        List<String> violations = rule.apply(Manifests.load(fixture));

        assertThat(expected).as("the fixture %s names what it breaks", fixture).isNotEmpty();
        for (String fragment : expected) {
            assertThat(violations).as("violations of %s in %s", rule, fixture.getFileName())
                    .anySatisfy(v -> assertThat(v).contains(fragment));
        }
    }

    /** A wrong type, an unknown field, a missing required field or an unknown kind: the client refuses the object. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            wrong-type.yaml       | Cannot create property=spec
            unknown-field.yaml    | Unable to find property 'contianers'
            missing-required.yaml | Deployment registry-service: The required field `selector` is not found
            unknown-kind.yaml     | Cannot create property=spec
            """)
    void theKubernetesClientRefusesAnInvalidManifest(String file, String message) {
        assertThatThrownBy(() -> Manifests.load(BROKEN.resolve("parse").resolve(file)))
                .isInstanceOf(Manifests.InvalidManifestException.class)
                .hasMessageContaining(file)
                .hasMessageContaining(message);
    }

    /** An overlay that sets the tag latest: rendered with kubectl like the real ones, the tag rule reports it. */
    @Test
    void aRuleFailsThroughAnOverlay() {
        Manifests overlay = Manifests.render(BROKEN.resolve("latest-tag-overlay"));

        assertThat(Rules.imageTags(overlay)).singleElement().asString()
                .contains("Deployment p2p-supervision-staging/gateway", "uses the tag latest");
    }
}
