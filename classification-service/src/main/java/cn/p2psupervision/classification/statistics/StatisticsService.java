package cn.p2psupervision.classification.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import cn.p2psupervision.classification.catalogue.ProblemCatalogue;
import cn.p2psupervision.classification.catalogue.ProblemDefinition;
import cn.p2psupervision.classification.catalogue.ProblemKind;
import cn.p2psupervision.classification.decision.DecisionKeys;
import cn.p2psupervision.classification.decision.DecisionState;
import cn.p2psupervision.classification.finding.FindingHistories;
import cn.p2psupervision.classification.finding.FindingState;
import cn.p2psupervision.classification.proposal.Category;
import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.province.Province;
import cn.p2psupervision.platform.registryfeed.InstitutionDirectory;
import cn.p2psupervision.platform.security.Caller;

/**
 * CLS-09: institutions per category, the share of each problem, the most common red lines and the flagged
 * institutions, for a province (its registered institutions) or nationally, as of a date (the end of that day in
 * China). Computed from the decisions' and findings' versions, so a past date shows what was true then: a decision
 * counts in its category from its approval until central reopens it. Central reads every province and the national
 * figures; a provincial office reads its own province (AUTH-02, AUTH-03).
 *
 * <p>Only what the figures need is read from the store: the decisions' histories from their small keys
 * ({@link DecisionKeys#histories}) and the findings' problems, states and times from theirs ({@link FindingHistories}),
 * both kept in memory while nothing changes.
 */
@Service
public class StatisticsService {

    private static final int TOP_RED_LINES = 5;

    private final DecisionKeys decisions;
    private final FindingHistories findings;
    private final InstitutionDirectory institutions;
    private final ProblemCatalogue catalogue;
    private final Clock clock;

    StatisticsService(DecisionKeys decisions, FindingHistories findings, InstitutionDirectory institutions,
                      ProblemCatalogue catalogue, Clock clock) {
        this.decisions = decisions;
        this.findings = findings;
        this.institutions = institutions;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    public ClassificationStatistics compute(Caller caller, String province, LocalDate asOf) {
        String scope = scope(caller, province);
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        Instant end = day.plusDays(1).atStartOfDay(clock.getZone()).toInstant();

        Map<String, String> provinceOf = registeredProvinces(scope);
        Map<String, Standing> standings = decisionsAsOf(provinceOf.keySet(), end);
        Map<String, Set<String>> problemsFound = problemsAsOf(provinceOf.keySet(), end);

        Map<String, Long> categories = emptyCategories();
        long awaiting = 0;
        long flagged = 0;
        for (Standing standing : standings.values()) {
            if (standing.category != null) {
                categories.merge(standing.category.name(), 1L, Long::sum);
                flagged += standing.flagged ? 1 : 0;
            } else {
                awaiting++;
            }
        }
        long total = provinceOf.size();
        List<ClassificationStatistics.ProblemShare> problems = shares(problemsFound, total);
        List<ClassificationStatistics.ProblemShare> redLines = problems.stream()
                .filter(p -> p.kind().equals(ProblemKind.RED_LINE.name())).limit(TOP_RED_LINES).toList();
        return new ClassificationStatistics(scope, day, total, categories, awaiting, total - standings.size(),
                problems, redLines, flagged, scope == null ? byProvince(provinceOf, standings) : List.of());
    }

    /** The province asked for: central any (or none: national); a provincial office its own (404 otherwise). */
    private static String scope(Caller caller, String province) {
        if (province != null && !Province.isValidCode(province)) {
            throw ProblemException.notFound("Province", province);
        }
        if (caller.isCentral()) {
            return province;
        }
        if (caller.isProvincial() && (province == null || province.equals(caller.province()))) {
            return caller.province();
        }
        throw ProblemException.notFound("Statistics of province", province);
    }

    /** Institution id → registered province, for the institutions in scope (all when {@code scope} is null). */
    private Map<String, String> registeredProvinces(String scope) {
        Map<String, String> provinceOf = new HashMap<>();
        for (Province province : Province.values()) {
            if (scope == null || scope.equals(province.code())) {
                institutions.registeredIn(province.code()).forEach(id -> provinceOf.put(id, province.code()));
            }
        }
        return provinceOf;
    }

    /** Where each institution's decision stood at {@code end}; institutions without a decision by then are absent. */
    private Map<String, Standing> decisionsAsOf(Set<String> inScope, Instant end) {
        Map<String, Standing> standings = new HashMap<>();
        decisions.histories().forEach((id, steps) -> {
            if (!inScope.contains(id)) {
                return;
            }
            Standing standing = null;
            for (DecisionKeys.Step step : steps) {
                if (step.at() == null || !step.at().isBefore(end)) {
                    break;
                }
                boolean approved = step.state() == DecisionState.APPROVED;
                standing = new Standing(approved ? step.category() : null, approved && step.flagged());
            }
            if (standing != null) {
                standings.put(id, standing);
            }
        });
        return standings;
    }

    /** Problem code → institutions with an active finding of it at {@code end}. */
    private Map<String, Set<String>> problemsAsOf(Set<String> inScope, Instant end) {
        Map<String, Set<String>> found = new HashMap<>();
        for (FindingHistories.History finding : findings.all()) {
            if (!inScope.contains(finding.institutionId())) {
                continue;
            }
            FindingHistories.Step last = null;
            for (FindingHistories.Step step : finding.steps()) {
                if (step.at() == null || !step.at().isBefore(end)) {
                    break;
                }
                last = step;
            }
            if (last != null && last.state() == FindingState.ACTIVE) {
                found.computeIfAbsent(last.problemCode(), code -> new HashSet<>()).add(finding.institutionId());
            }
        }
        return found;
    }

    private List<ClassificationStatistics.ProblemShare> shares(Map<String, Set<String>> found, long total) {
        List<ClassificationStatistics.ProblemShare> shares = new ArrayList<>();
        found.forEach((code, with) -> {
            ProblemDefinition problem = catalogue.find(code).orElse(null);
            if (problem != null) {
                BigDecimal share = total == 0 ? BigDecimal.ZERO.setScale(4)
                        : BigDecimal.valueOf(with.size()).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP);
                shares.add(new ClassificationStatistics.ProblemShare(code, problem.name(), problem.kind().name(),
                        with.size(), share));
            }
        });
        shares.sort(Comparator.comparingLong(ClassificationStatistics.ProblemShare::institutions).reversed()
                .thenComparing(ClassificationStatistics.ProblemShare::code));
        return shares;
    }

    private static List<ClassificationStatistics.ProvinceLine> byProvince(Map<String, String> provinceOf,
                                                                          Map<String, Standing> standings) {
        Map<String, Long> counts = new HashMap<>();
        provinceOf.values().forEach(p -> counts.merge(p, 1L, Long::sum));
        Map<String, Map<String, Long>> categories = new HashMap<>();
        Map<String, Long> awaiting = new HashMap<>();
        standings.forEach((id, standing) -> {
            String province = provinceOf.get(id);
            if (standing.category != null) {
                categories.computeIfAbsent(province, p -> emptyCategories()).merge(standing.category.name(), 1L,
                        Long::sum);
            } else {
                awaiting.merge(province, 1L, Long::sum);
            }
        });
        List<ClassificationStatistics.ProvinceLine> lines = new ArrayList<>();
        for (Province province : Province.values()) {
            lines.add(new ClassificationStatistics.ProvinceLine(province.code(), province.chineseName(),
                    counts.getOrDefault(province.code(), 0L),
                    categories.getOrDefault(province.code(), emptyCategories()),
                    awaiting.getOrDefault(province.code(), 0L)));
        }
        return lines;
    }

    private static Map<String, Long> emptyCategories() {
        Map<String, Long> categories = new LinkedHashMap<>();
        for (Category category : Category.values()) {
            categories.put(category.name(), 0L);
        }
        return categories;
    }

    /** @param category the approved category, or null while a decision waits for approval */
    private record Standing(Category category, boolean flagged) {
    }
}
