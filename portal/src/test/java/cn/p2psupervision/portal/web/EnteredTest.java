package cn.p2psupervision.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a user typed, as the portal hands it to the API: blank is absent, a whole number a number, the rest as typed. */
class EnteredTest {

    @Test
    void blankIsAbsentAndTextIsStripped() {
        assertThat(Entered.text("  ")).isNull();
        assertThat(Entered.text(" 杭州 ")).isEqualTo("杭州");
    }

    @Test
    void aWholeNumberGoesAsANumberAndAnythingElseAsTypedForTheServiceToRefuse() {
        assertThat(Entered.wholeNumber(" 24 ")).isEqualTo(24);
        assertThat(Entered.wholeNumber("两小时")).isEqualTo("两小时");
        assertThat(Entered.wholeNumber("2.5")).isEqualTo("2.5");
        assertThat(Entered.wholeNumber(" ")).isNull();
    }
}
