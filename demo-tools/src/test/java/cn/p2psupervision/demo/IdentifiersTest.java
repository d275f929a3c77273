package cn.p2psupervision.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "91110000802100433B", "9144030071526726XG"})
    void computesTheCheckCharacterOfPublishedCreditCodes(String code) {
        assertThat(Identifiers.creditCodeCheck(code.substring(0, 17))).isEqualTo(code.charAt(17));
        assertThat(Identifiers.isValidCreditCode(code)).isTrue();
        assertThat(Identifiers.isValidCreditCode(code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0'))).isFalse();
    }

    @Test
    void computesTheOrganisationCodeCheckOfPublishedCodes() {
        assertThat(Identifiers.organisationCheck("80210043")).isEqualTo('3');
        assertThat(Identifiers.organisationCheck("71526726")).isEqualTo('X');
    }

    @Test
    void buildsValidCreditCodes() {
        for (long n = 0; n < 2000; n++) {
            assertThat(Identifiers.isValidCreditCode(Identifiers.creditCode("330100", n * 7919))).isTrue();
        }
    }

    @Test
    void computesTheIdNumberCheckOfTheStandardExample() {
        assertThat(Identifiers.idNumber("110105", "19491231", 2)).isEqualTo("11010519491231002X");
    }
}
