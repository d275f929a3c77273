package cn.p2psupervision.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void aFlagStandsAloneOrSaysTrueOrFalse() {
        Options options = new Options(List.of("--no-classification", "--institutions", "5"));
        assertThat(options.flag("no-classification")).isTrue();
        assertThat(options.integer("institutions", 1000, 1, 10)).isEqualTo(5);
        options.requireAllUsed();

        assertThat(new Options(List.of("--no-classification=false")).flag("no-classification")).isFalse();
        assertThat(new Options(List.of()).flag("no-classification")).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> new Options(List.of("--no-classification", "3"))
                .flag("no-classification")).withMessageContaining("takes no value");
    }

    @Test
    void thePortOfTheEnvironmentOrTheDefault() {
        assertThat(DemoTools.portOr("28082", 8082)).isEqualTo(28082);
        assertThat(DemoTools.portOr(null, 8082)).isEqualTo(8082);
        assertThat(DemoTools.portOr("x", 8082)).isEqualTo(8082);
        assertThat(DemoTools.portOr("70000", 8082)).isEqualTo(8082);
    }
}
