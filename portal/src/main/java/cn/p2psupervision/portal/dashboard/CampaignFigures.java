package cn.p2psupervision.portal.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What the national dashboard shows of the other contexts, each read from its own API. */
public final class CampaignFigures {

    private CampaignFigures() {
    }

    /** CLS-09 ({@code GET /api/v1/classification/statistics}): institutions by approved category and the red lines. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Classification(LocalDate asOf, long institutions, Map<String, Long> categories, long awaiting,
                                 long undecided, List<ProblemShare> topRedLines, long flagged) {

        public Classification {
            categories = categories == null ? Map.of() : Map.copyOf(categories);
            topRedLines = topRedLines == null ? List.of() : List.copyOf(topRedLines);
        }

        public long in(String category) {
            return categories.getOrDefault(category, 0L);
        }
    }

    /** @param share institutions with the problem / institutions in scope, four decimals */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProblemShare(String code, String name, String kind, long institutions, BigDecimal share) {
    }

    /** ACC-13 ({@code GET /api/v1/acceptance/filing-progress}): filing against the three deadlines. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Filing(LocalDate asOf, List<DeadlineLine> deadlines) {

        public Filing {
            deadlines = deadlines == null ? List.of() : List.copyOf(deadlines);
        }

        public long overdue() {
            return deadlines.stream().mapToLong(DeadlineLine::overdue).sum();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DeadlineLine(String complexity, LocalDate deadline, long cases, long filed, long filedOnTime,
                               long closed, long inProgress, long overdue) {

        /** In progress and not yet past the deadline. */
        public long onTrack() {
            return inProgress - overdue;
        }
    }

    /** INC-06 ({@code GET /api/v1/incidents/board}): open especially major events and deadlines missed now. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IncidentBoard(long openEspeciallyMajor, List<Object> overdue, List<BoardProvince> provinces) {

        public IncidentBoard {
            overdue = overdue == null ? List.of() : List.copyOf(overdue);
            provinces = provinces == null ? List.of() : List.copyOf(provinces);
        }

        public long overdueNow() {
            return overdue.size();
        }

        public long breachesRecorded() {
            return provinces.stream().mapToLong(BoardProvince::breachesRecorded).sum();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BoardProvince(String province, long openEspeciallyMajor, long overdueNow, long breachesRecorded) {
    }
}
