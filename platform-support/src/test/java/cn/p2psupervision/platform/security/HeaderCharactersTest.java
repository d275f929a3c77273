package cn.p2psupervision.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The firewall's header rule without a regular expression decides exactly as Spring Security's expressions. */
class HeaderCharactersTest {

    private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void decidesAsTheFirewallsExpressionsOnRandomText() {
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < 200_000; n++) {
            String text = randomText(random);
            assertThat(HeaderCharacters.validName(text)).as("name %s", escaped(text))
                    .isEqualTo(NAMES.matcher(text).matches());
            assertThat(HeaderCharacters.validValue(text)).as("value %s", escaped(text))
                    .isEqualTo(VALUES.matcher(text).matches());
        }
    }

    @Test
    void acceptsTokensAndChineseAndRefusesControlCharacters() {
        assertThat(HeaderCharacters.validValue("Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln")).isTrue();
        assertThat(HeaderCharacters.validValue("浙江省地方金融监督管理局")).isTrue();
        assertThat(HeaderCharacters.validValue("a\tb")).isTrue();
        assertThat(HeaderCharacters.validName("a\tb")).isFalse();
        assertThat(HeaderCharacters.validValue("a\nb")).isFalse();
        assertThat(HeaderCharacters.validValue("a\u0000b")).isFalse();
        assertThat(HeaderCharacters.validValue("a\u007fb")).isFalse();
        assertThat(HeaderCharacters.validValue("a\u0085b")).isFalse();
        assertThat(HeaderCharacters.validValue("a\uFFFFb")).isFalse(); // unassigned
        assertThat(HeaderCharacters.validValue("\uD83D\uDE00")).isTrue(); // a surrogate pair, assigned
        assertThat(HeaderCharacters.validValue(null)).isTrue(); // an absent header
        assertThat(HeaderCharacters.validName(null)).isTrue();
    }

    private static String randomText(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(6);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(5)) {
                case 0 -> text.append((char) random.nextInt(0x20, 0x7f));
                case 1 -> text.append((char) random.nextInt(0x00, 0xa0)); // controls, tab, DEL, C1
                case 2 -> text.append((char) random.nextInt(0xd800, 0xe000)); // lone surrogates
                case 3 -> text.appendCodePoint(random.nextInt(0, 0x110000));
                default -> text.append((char) random.nextInt(0x4e00, 0x9fff));
            }
        }
        return text.toString();
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> out.append(String.format("\\u%04x", cp)));
        return out.toString();
    }
}
