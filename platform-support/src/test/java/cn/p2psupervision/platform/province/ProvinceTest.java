package cn.p2psupervision.platform.province;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ProvinceTest {

    @Test
    void reg02_provinceCodesCoverAll31Divisions() {
        assertThat(Province.values()).hasSize(31);
        assertThat(Arrays.stream(Province.values()).map(Province::code)).doesNotHaveDuplicates()
                .allMatch(code -> code.matches("\\d{2}"));
    }

    @Test
    void reg02_provinceCodesLookUp() {
        assertThat(Province.ofCode("33")).contains(Province.ZHEJIANG);
        assertThat(Province.ofCode("11")).contains(Province.BEIJING);
        assertThat(Province.ofCode("65")).contains(Province.XINJIANG);
        assertThat(Province.ZHEJIANG.code()).isEqualTo("33");
        assertThat(Province.BEIJING.englishName()).isEqualTo("Beijing");
        assertThat(Province.BEIJING.chineseName()).isEqualTo("北京");
        for (Province p : Province.values()) {
            assertThat(Province.ofCode(p.code())).contains(p);
            assertThat(Province.isValidCode(p.code())).isTrue();
        }
    }

    @Test
    void reg02_provinceCodesRejectUnknown() {
        assertThat(Province.ofCode("99")).isEmpty();
        assertThat(Province.ofCode("3")).isEmpty();
        assertThat(Province.ofCode(null)).isEmpty();
        assertThat(Province.isValidCode("99")).isFalse();
        assertThat(Province.isValidCode("3")).isFalse();
        assertThat(Province.isValidCode("")).isFalse();
    }
}
