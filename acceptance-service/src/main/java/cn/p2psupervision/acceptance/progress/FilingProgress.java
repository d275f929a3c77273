package cn.p2psupervision.acceptance.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.p2psupervision.acceptance.cases.CaseKeys;
import cn.p2psupervision.acceptance.cases.Complexity;

/**
 * ACC-13: filing progress (备案登记进度) against the three deadlines, as of a day: for each deadline the cases due by
 * it, how many are filed (on time or not), closed by a failed outcome, still in progress, and overdue; and the same per
 * registration province.
 *
 * @param asOf       the campaign's day the figures stand on
 * @param deadlines  one line per complexity, in the order of their deadlines
 * @param byProvince one line per registration province with cases, by province code
 */
public record FilingProgress(LocalDate asOf, List<DeadlineLine> deadlines, List<ProvinceLine> byProvince) {

    /**
     * @param filedOnTime filed on or before the deadline
     * @param closed      closed by a failed outcome (guided exit, merger, banning): never filed, never overdue
     * @param inProgress  neither filed nor closed
     * @param overdue     in progress and past the deadline
     */
    public record DeadlineLine(Complexity complexity, LocalDate deadline, long cases, long filed, long filedOnTime,
                               long closed, long inProgress, long overdue) {
    }

    public record ProvinceLine(String province, long cases, long filed, long closed, long inProgress, long overdue) {
    }

    /** The progress of {@code keys} (the cases the caller may read) on {@code today}. */
    static FilingProgress of(List<CaseKeys.Key> keys, LocalDate today) {
        Map<Complexity, List<CaseKeys.Key>> byComplexity = keys.stream()
                .collect(Collectors.groupingBy(CaseKeys.Key::complexity));
        List<DeadlineLine> deadlines = new ArrayList<>();
        for (Complexity complexity : Complexity.values()) {
            List<CaseKeys.Key> due = byComplexity.getOrDefault(complexity, List.of());
            deadlines.add(new DeadlineLine(complexity, complexity.deadline(), due.size(), count(due, CaseKeys.Key::filed),
                    count(due, k -> k.filed() && k.filedOn() != null && !k.filedOn().isAfter(k.deadline())), count(due, k ->
                    k.state().closedByFailure()), count(due, CaseKeys.Key::inProgress),
                    count(due, k -> k.overdue(today))));
        }
        Map<String, List<CaseKeys.Key>> byProvince = keys.stream()
                .collect(Collectors.groupingBy(CaseKeys.Key::registeredProvince, TreeMap::new, Collectors.toList()));
        List<ProvinceLine> provinces = byProvince.entrySet().stream()
                .map(e -> new ProvinceLine(e.getKey(), e.getValue().size(), count(e.getValue(), CaseKeys.Key::filed),
                        count(e.getValue(), k -> k.state().closedByFailure()),
                        count(e.getValue(), CaseKeys.Key::inProgress), count(e.getValue(), k -> k.overdue(today))))
                .sorted(Comparator.comparing(ProvinceLine::province)).toList();
        return new FilingProgress(today, deadlines, provinces);
    }

    private static long count(List<CaseKeys.Key> keys, Function<CaseKeys.Key, Boolean> which) {
        return keys.stream().filter(which::apply).count();
    }
}
