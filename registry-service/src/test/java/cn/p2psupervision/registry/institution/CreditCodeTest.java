package cn.p2psupervision.registry.institution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {

    private static final String VALID = "91350100M000100Y43";

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "91110000802100433B", "9144030071526726XG"})
    void reg01_acceptsValidCodes(String code) {
        assertThat(CreditCode.isValid(code)).isTrue();
        assertThat(CreditCode.parse(code).value()).isEqualTo(code);
        assertThat(new CreditCode(code).value()).isEqualTo(code);
        assertThat(CreditCode.checkCharacter(code.substring(0, 17))).isEqualTo(code.charAt(17));
    }

    @Test
    void reg01_rejectsWrongCheckCharacter() {
        assertThat(CreditCode.isValid("91350100M000100Y4X")).isFalse();
        assertThatThrownBy(() -> CreditCode.parse("91350100M000100Y4X"))
                .isInstanceOf(InvalidCreditCodeException.class)
                .isInstanceOf(InvalidCreditCodeException.class)
                .hasMessageContaining("should be 3");
    }

    @ParameterizedTest
    @ValueSource(chars = {'I', 'O', 'S', 'V', 'Z'})
    void reg01_rejectsForbiddenCharacters(char forbidden) {
        String code = VALID.substring(0, 8) + forbidden + VALID.substring(9);
        assertThat(CreditCode.isValid(code)).isFalse();
        assertThatThrownBy(() -> CreditCode.parse(code))
                .isInstanceOf(InvalidCreditCodeException.class)
                .hasMessageContaining("'" + forbidden + "'")
                .hasMessageContaining("position 9");
    }

    @Test
    void reg01_rejectsNonAsciiAndPunctuation() {
        assertThat(CreditCode.isValid("91350100M000100Y4-")).isFalse();
        assertThat(CreditCode.isValid("91350100M000100Y4三")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "91350100M000100Y4", "91350100M000100Y430", "9"})
    void reg01_rejectsWrongLength(String code) {
        assertThat(CreditCode.isValid(code)).isFalse();
        assertThatThrownBy(() -> CreditCode.parse(code))
                .isInstanceOf(InvalidCreditCodeException.class)
                .hasMessageContaining("18 characters");
    }

    @Test
    void reg01_rejectsNull() {
        assertThat(CreditCode.isValid(null)).isFalse();
        assertThatThrownBy(() -> CreditCode.parse(null)).isInstanceOf(InvalidCreditCodeException.class);
        assertThatThrownBy(() -> new CreditCode(null)).isInstanceOf(InvalidCreditCodeException.class);
    }

    @Test
    void reg01_normalisesCaseAndWhitespace() {
        assertThat(CreditCode.parse("  9144030071526726xg\t").value()).isEqualTo("9144030071526726XG");
        assertThat(CreditCode.isValid(" 91350100m000100y43 ")).isTrue();
    }

    @Test
    void reg01_constructorDoesNotNormalise() {
        assertThatThrownBy(() -> new CreditCode("9144030071526726xg"))
                .isInstanceOf(InvalidCreditCodeException.class)
                .hasMessageContaining("position 17");
        assertThatThrownBy(() -> new CreditCode(" " + VALID)).isInstanceOf(InvalidCreditCodeException.class);
    }

    @Test
    void reg01_checkCharacterRejectsBadBody() {
        assertThatThrownBy(() -> CreditCode.checkCharacter("913501"))
                .isInstanceOf(InvalidCreditCodeException.class)
                .hasMessageContaining("17 characters");
        assertThatThrownBy(() -> CreditCode.checkCharacter("91350100I000100Y4"))
                .isInstanceOf(InvalidCreditCodeException.class)
                .hasMessageContaining("position 9");
    }

    @Test
    void reg01_checkValueOf31MapsToZero() {
        // Body whose weighted sum is 0 mod 31 -> 31 - 0 = 31 -> '0'.
        assertThat(CreditCode.checkCharacter("00000000000000000")).isEqualTo('0');
        assertThat(CreditCode.isValid("000000000000000000")).isTrue();
    }

    @Test
    void reg01_randomBodiesHaveExactlyOneValidCheckCharacter() {
        Random random = new Random(32100);
        String charset = CreditCode.CHARSET;
        for (int n = 0; n < 1_000; n++) {
            StringBuilder body = new StringBuilder(17);
            for (int i = 0; i < 17; i++) {
                body.append(charset.charAt(random.nextInt(charset.length())));
            }
            char check = CreditCode.checkCharacter(body.toString());
            for (char last : charset.toCharArray()) {
                assertThat(CreditCode.isValid(body.toString() + last))
                        .as("%s%s (check %s)", body, last, check)
                        .isEqualTo(last == check);
            }
        }
    }
}
