package cn.p2psupervision.portal.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Money, counts, dates and times as the pages show them ({@code ${@fmt.money(x)}} in a template), in Chinese
 * conventions by default: yuan with two decimals and thousands separators ({@code 1,250,000.00 元}), dates
 * {@code 2018年3月1日}, months {@code 2018年3月}, times in Beijing time ({@code 2018年3月1日 09:00}); in English
 * {@code CNY 1,250,000.00}, {@code 1 Mar 2018}. A missing value shows as a dash.
 */
@Component("fmt")
public class Formats {

    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    public static final String NONE = "—";

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("uuuu年M月d日");
    private static final DateTimeFormatter CHINESE_MONTH = DateTimeFormatter.ofPattern("uuuu年M月");
    private static final DateTimeFormatter CHINESE_TIME = DateTimeFormatter.ofPattern("uuuu年M月d日 HH:mm");
    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter ENGLISH_MONTH = DateTimeFormatter.ofPattern("MMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter ENGLISH_TIME = DateTimeFormatter.ofPattern("d MMM uuuu HH:mm", Locale.ENGLISH);

    public String money(Object yuan) {
        return money(yuan, locale());
    }

    /** Yuan with two decimals and thousands separators. */
    public String money(Object yuan, Locale locale) {
        BigDecimal amount = decimal(yuan);
        if (amount == null) {
            return NONE;
        }
        String digits = decimalFormat("#,##0.00").format(amount.setScale(2, RoundingMode.HALF_UP));
        return chinese(locale) ? digits + " 元" : "CNY " + digits;
    }

    public String count(Object number) {
        BigDecimal value = decimal(number);
        return value == null ? NONE : decimalFormat("#,##0").format(value);
    }

    /** A rate or share the API gives in percent ({@code "8.50"}): {@code 8.50%}. */
    public String percent(Object percent) {
        BigDecimal value = decimal(percent);
        return value == null ? NONE : decimalFormat("#,##0.00").format(value.setScale(2, RoundingMode.HALF_UP)) + "%";
    }

    /** A ratio the API gives as a decimal ({@code "0.5000"} = growth of 50 %): {@code 50.00%}. */
    public String ratioAsPercent(Object ratio) {
        BigDecimal value = decimal(ratio);
        return value == null ? NONE : percent(value.movePointRight(2));
    }

    public String date(Object date) {
        return date(date, locale());
    }

    public String date(Object date, Locale locale) {
        LocalDate day = date instanceof LocalDate d ? d : date == null ? null : LocalDate.parse(date.toString());
        return day == null ? NONE : day.format(chinese(locale) ? CHINESE_DATE : ENGLISH_DATE);
    }

    /** A reporting period {@code yyyy-MM}. */
    public String month(Object period) {
        return month(period, locale());
    }

    public String month(Object period, Locale locale) {
        YearMonth month = period instanceof YearMonth m ? m : period == null ? null : YearMonth.parse(period.toString());
        return month == null ? NONE : month.format(chinese(locale) ? CHINESE_MONTH : ENGLISH_MONTH);
    }

    /** An instant in Beijing time. */
    public String time(Object instant) {
        return time(instant, locale());
    }

    public String time(Object instant, Locale locale) {
        Instant at = instant instanceof Instant i ? i : instant == null ? null : Instant.parse(instant.toString());
        return at == null ? NONE : at.atZone(BEIJING).format(chinese(locale) ? CHINESE_TIME : ENGLISH_TIME);
    }

    private static BigDecimal decimal(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Long || value instanceof Integer) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : new BigDecimal(text);
    }

    private static DecimalFormat decimalFormat(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    private static boolean chinese(Locale locale) {
        return !"en".equals(locale.getLanguage());
    }

    private static Locale locale() {
        return PortalLocales.supported(LocaleContextHolder.getLocale());
    }
}
