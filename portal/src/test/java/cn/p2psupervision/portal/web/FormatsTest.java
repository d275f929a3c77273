package cn.p2psupervision.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** Money, dates and times in Chinese conventions (and English ones on request). */
class FormatsTest {

    private final Formats formats = new Formats();

    @Test
    void moneyIsYuanWithTwoDecimalsAndThousandsSeparators() {
        assertThat(formats.money(new BigDecimal("1250000"), Locale.SIMPLIFIED_CHINESE)).isEqualTo("1,250,000.00 元");
        assertThat(formats.money("987654321098765.43", Locale.SIMPLIFIED_CHINESE)).isEqualTo("987,654,321,098,765.43 元");
        assertThat(formats.money("0.5", Locale.SIMPLIFIED_CHINESE)).isEqualTo("0.50 元");
        assertThat(formats.money("1250000.00", Locale.ENGLISH)).isEqualTo("CNY 1,250,000.00");
        assertThat(formats.money(null, Locale.SIMPLIFIED_CHINESE)).isEqualTo("—");
    }

    @Test
    void datesAreWrittenTheChineseWay() {
        assertThat(formats.date(LocalDate.of(2018, 3, 1), Locale.SIMPLIFIED_CHINESE)).isEqualTo("2018年3月1日");
        assertThat(formats.date("2017-12-31", Locale.SIMPLIFIED_CHINESE)).isEqualTo("2017年12月31日");
        assertThat(formats.date(LocalDate.of(2018, 3, 1), Locale.ENGLISH)).isEqualTo("1 Mar 2018");
        assertThat(formats.month("2017-05", Locale.SIMPLIFIED_CHINESE)).isEqualTo("2017年5月");
        assertThat(formats.month("2017-05", Locale.ENGLISH)).isEqualTo("May 2017");
    }

    @Test
    void timesAreShownInBeijingTime() {
        Instant at = Instant.parse("2018-03-01T01:00:00Z");

        assertThat(formats.time(at, Locale.SIMPLIFIED_CHINESE)).isEqualTo("2018年3月1日 09:00");
        assertThat(formats.time("2018-02-28T16:30:00Z", Locale.SIMPLIFIED_CHINESE)).isEqualTo("2018年3月1日 00:30");
    }

    @Test
    void countsAndPercentages() {
        assertThat(formats.count(41250L)).isEqualTo("41,250");
        assertThat(formats.percent("8.5")).isEqualTo("8.50%");
        assertThat(formats.count(null)).isEqualTo("—");
    }

    @Test
    void cls04_aGrowthRatioShowsAsThePercentageItMeans() {
        assertThat(formats.ratioAsPercent("0.5000")).isEqualTo("50.00%");
        assertThat(formats.ratioAsPercent(new java.math.BigDecimal("1.2345"))).isEqualTo("123.45%");
        assertThat(formats.ratioAsPercent(null)).isEqualTo("—");
    }
}
