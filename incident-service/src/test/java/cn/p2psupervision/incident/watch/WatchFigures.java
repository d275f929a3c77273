package cn.p2psupervision.incident.watch;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import cn.p2psupervision.platform.registryfeed.InstitutionFigures;
import cn.p2psupervision.platform.registryfeed.InstitutionReference;
import cn.p2psupervision.platform.registryfeed.MonthFigures;
import cn.p2psupervision.platform.registryfeed.RegistryFigures;

/** Test data of the watch tests: institutions as the registry feed projects them, and their monthly figures. */
final class WatchFigures {

    private static final AtomicLong SEQUENCE = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000L) * 1000);

    private WatchFigures() {
    }

    /** A fresh institution id, unique in the shared in-memory database. */
    static String newInstitutionId() {
        return "watch-" + SEQUENCE.incrementAndGet();
    }

    /** An institution registered in {@code province} in registry status {@code status}, doing business in {@code business}. */
    static InstitutionReference institution(String id, String province, String status, String... business) {
        return new InstitutionReference(id, "91" + province + "0000" + id.replaceAll("\\D", ""), "测试网贷平台 " + id,
                province, List.of(business), status, LocalDate.of(2014, 3, 1), LocalDate.of(2014, 6, 1), true,
                "浙商银行", 1);
    }

    /** A month with the figures that matter to the rules; borrowers half the lenders. */
    static MonthFigures month(String period, String balance, long lenders, String newLending, String overdueRate) {
        return new MonthFigures(period, balance == null ? null : new BigDecimal(balance), lenders, lenders / 2,
                newLending == null ? null : new BigDecimal(newLending),
                overdueRate == null ? null : new BigDecimal(overdueRate));
    }

    /** An ordinary month: balance 1,000,000.00, 200 lenders, new lending 100,000.00, overdue rate 1.50 %. */
    static MonthFigures ordinary(String period) {
        return month(period, "1000000.00", 200, "100000.00", "1.50");
    }

    /** A month with nothing outstanding and nothing lent. */
    static MonthFigures dead(String period) {
        return month(period, "0.00", 0, "0.00", null);
    }

    /** Ordinary months from {@code from} for {@code ordinary} months, then {@code zero} dead months. */
    static List<MonthFigures> ordinaryThenDead(String from, int ordinary, int zero) {
        List<MonthFigures> months = new ArrayList<>();
        YearMonth month = YearMonth.parse(from);
        for (int i = 0; i < ordinary; i++, month = month.plusMonths(1)) {
            months.add(ordinary(month.toString()));
        }
        for (int i = 0; i < zero; i++, month = month.plusMonths(1)) {
            months.add(dead(month.toString()));
        }
        return months;
    }

    static InstitutionFigures figures(String id, List<MonthFigures> months) {
        return new InstitutionFigures(id, months);
    }

    /**
     * Makes the (mocked) registry answer {@code institutions}' figures as the real one does: of each batch, those asked
     * for, by ascending id.
     */
    static void answer(RegistryFigures registry, List<InstitutionFigures> institutions) {
        List<InstitutionFigures> sorted = new ArrayList<>(institutions);
        sorted.sort(Comparator.comparing(InstitutionFigures::institutionId));
        doAnswer(call -> batch(sorted, call.getArgument(0))).when(registry).of(any());
    }

    /** The figures of {@code sorted} that {@code asked} names, as the registry answers a batch. */
    static List<InstitutionFigures> batch(List<InstitutionFigures> sorted, Collection<String> asked) {
        return sorted.stream().filter(item -> asked.contains(item.institutionId())).toList();
    }
}
