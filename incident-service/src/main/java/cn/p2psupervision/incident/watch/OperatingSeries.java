package cn.p2psupervision.incident.watch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import cn.p2psupervision.platform.registryfeed.MonthFigures;

/**
 * An institution's monthly operating figures (REG-03) as the watch rules read them (INC-10, INC-11): one entry per
 * calendar month, the oldest first, each with its month as a number so that the rules compare months without parsing
 * them again. The registry gives each month once and in order already (then nothing is copied or sorted); should it
 * repeat one, the later entry stands; a month that is not {@code yyyy-MM} is left out.
 */
final class OperatingSeries {

    private final List<MonthFigures> months;
    /** {@code year × 12 + month − 1} of each entry of {@link #months}. */
    private final int[] numbers;

    private OperatingSeries(List<MonthFigures> months, int[] numbers) {
        this.months = months;
        this.numbers = numbers;
    }

    static OperatingSeries of(List<MonthFigures> figures) {
        int[] numbers = new int[figures.size()];
        boolean ordered = true;
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = number(figures.get(i));
            ordered &= numbers[i] >= 0 && (i == 0 || numbers[i] > numbers[i - 1]);
        }
        if (ordered) {
            return new OperatingSeries(figures, numbers);
        }
        Integer[] positions = new Integer[numbers.length];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = i;
        }
        Arrays.sort(positions, (a, b) -> numbers[a] != numbers[b] ? Integer.compare(numbers[a], numbers[b])
                : Integer.compare(a, b));
        List<MonthFigures> months = new ArrayList<>(positions.length);
        int[] kept = new int[positions.length];
        for (int position : positions) {
            if (numbers[position] < 0) {
                continue;
            }
            if (!months.isEmpty() && kept[months.size() - 1] == numbers[position]) {
                months.set(months.size() - 1, figures.get(position)); // the later entry of a repeated month
            } else {
                kept[months.size()] = numbers[position];
                months.add(figures.get(position));
            }
        }
        return new OperatingSeries(months, Arrays.copyOf(kept, months.size()));
    }

    int size() {
        return months.size();
    }

    boolean isEmpty() {
        return months.isEmpty();
    }

    MonthFigures get(int i) {
        return months.get(i);
    }

    MonthFigures latest() {
        return months.isEmpty() ? null : months.get(months.size() - 1);
    }

    /** Whether entry {@code i} is the calendar month right after entry {@code i − 1}. */
    boolean followsDirectly(int i) {
        return i > 0 && numbers[i] == numbers[i - 1] + 1;
    }

    /** {@code year × 12 + month − 1} of a {@code yyyy-MM} period, or −1 when it is not one. */
    static int number(MonthFigures month) {
        String period = month == null ? null : month.period();
        if (period == null || period.length() != 7 || period.charAt(4) != '-') {
            return -1;
        }
        int year = 0;
        for (int i = 0; i < 4; i++) {
            char c = period.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            year = year * 10 + (c - '0');
        }
        char tens = period.charAt(5);
        char units = period.charAt(6);
        if (tens < '0' || tens > '1' || units < '0' || units > '9') {
            return -1;
        }
        int monthOfYear = (tens - '0') * 10 + (units - '0');
        return monthOfYear < 1 || monthOfYear > 12 ? -1 : year * 12 + monthOfYear - 1;
    }
}
