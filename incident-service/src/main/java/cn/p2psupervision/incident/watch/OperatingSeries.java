package cn.p2psupervision.incident.watch;

import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.p2psupervision.platform.registryfeed.MonthFigures;

/**
 * An institution's monthly operating figures (REG-03) as the watch rules read them (INC-10, INC-11): one entry per
 * calendar month, the oldest first. The registry gives each month once already; should it repeat one, the later entry
 * stands; a month that is not {@code yyyy-MM} is left out.
 */
final class OperatingSeries {

    private OperatingSeries() {
    }

    /** {@code figures} by month, the oldest first. */
    static List<MonthFigures> ordered(List<MonthFigures> figures) {
        Map<YearMonth, MonthFigures> byMonth = new TreeMap<>();
        for (MonthFigures month : figures) {
            YearMonth period = monthOf(month);
            if (period != null) {
                byMonth.put(period, month);
            }
        }
        return new ArrayList<>(byMonth.values());
    }

    static YearMonth monthOf(MonthFigures month) {
        if (month == null || month.period() == null) {
            return null;
        }
        try {
            return YearMonth.parse(month.period());
        } catch (DateTimeException notAMonth) {
            return null;
        }
    }
}
