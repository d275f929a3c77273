package cn.p2psupervision.classification.statistics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * CLS-09: the classification of a province or of the whole country as of a date (分类统计).
 *
 * @param province     the province's code, or null for the national figures
 * @param institutions institutions registered in scope (from the registry's projection, as of now)
 * @param categories   institutions by approved category (合规类 / 整改类 / 取缔类) as of the date
 * @param awaiting     institutions with a decision recorded but not (or no longer) approved as of the date
 * @param undecided    institutions in scope with no decision as of the date
 * @param problems     for each catalogued problem found in at least one institution: how many institutions have an
 *                     active finding of it as of the date, and their share of the institutions in scope; most common
 *                     first
 * @param topRedLines  the most common red lines (业务红线), at most five, from {@code problems}
 * @param flagged      institutions whose approved decision's proposal raised at least one screening flag (CLS-04)
 * @param byProvince   for the national figures, each province's categories; empty for a province
 */
public record ClassificationStatistics(String province, LocalDate asOf, long institutions,
                                       Map<String, Long> categories, long awaiting, long undecided,
                                       List<ProblemShare> problems, List<ProblemShare> topRedLines, long flagged,
                                       List<ProvinceLine> byProvince) {

    /** @param share institutions with the problem / institutions in scope, four decimals */
    public record ProblemShare(String code, String name, String kind, long institutions, java.math.BigDecimal share) {
    }

    public record ProvinceLine(String province, String provinceName, long institutions, Map<String, Long> categories,
                               long awaiting) {
    }
}
