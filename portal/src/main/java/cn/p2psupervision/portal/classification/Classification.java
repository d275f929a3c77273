package cn.p2psupervision.portal.classification;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What an institution's file shows of classification: findings, the catalogue's names, the proposal (CLS-01..07). */
public final class Classification {

    private Classification() {
    }

    /** CLS-01: a finding of the investigation (current version). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Finding(String id, String problemCode, Evidence evidence, String source, LocalDate foundOn,
                          BigDecimal outstandingAmount, long version, String state, String withdrawalReason,
                          String recordedBy, Instant recordedAt) {

        public boolean withdrawn() {
            return "WITHDRAWN".equals(state);
        }

        /** The evidence's document references, one a line, as the amendment form shows them. */
        public String documentsText() {
            return evidence == null || evidence.documents() == null ? "" : String.join("\n", evidence.documents());
        }

        /** The outstanding amount as the amendment form shows it ({@code 1250000.00}); empty when none. */
        public String amountText() {
            return outstandingAmount == null ? "" : outstandingAmount.toPlainString();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Evidence(String text, List<String> documents) {
    }

    /** CLS-02/03: the problems a finding may name, in the catalogue's order. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Catalogue(List<Problem> problems) {

        /** The catalogue's kinds, in the order the finding form groups them. */
        public static final List<String> KINDS = List.of("RED_LINE", "OTHER_PROBLEM", "CRIMINAL", "BUSINESS_TYPE");

        public Catalogue {
            problems = problems == null ? List.of() : List.copyOf(problems);
        }

        /** The Chinese names by code. */
        public Map<String, String> names() {
            Map<String, String> names = new HashMap<>();
            problems.forEach(problem -> names.put(problem.code(), problem.name()));
            return names;
        }

        /** The problems of one kind ({@code RED_LINE}, …), in the catalogue's order. */
        public List<Problem> ofKind(String kind) {
            return problems.stream().filter(problem -> kind.equals(problem.kind())).toList();
        }

        /** The kinds that have problems: the known ones in their order, then any other kind the catalogue names. */
        public List<String> kinds() {
            Set<String> kinds = new LinkedHashSet<>();
            KINDS.stream().filter(kind -> !ofKind(kind).isEmpty()).forEach(kinds::add);
            problems.stream().map(Problem::kind).filter(Objects::nonNull).forEach(kinds::add);
            return List.copyOf(kinds);
        }
    }

    /**
     * A catalogued problem: its code, Chinese name, kind, and whether it is violating business (违规业务) whose
     * outstanding amount a finding must state (CLS-01).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Problem(String code, String name, String kind, boolean violatingBusiness) {
    }

    /** CLS-05..07: the proposed category, each of the five standards met or failed, the reasons, the flags. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Proposal(String category, List<Standard> standards, List<Reason> reasons, List<Flag> flags) {

        public Proposal {
            standards = standards == null ? List.of() : List.copyOf(standards);
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
            flags = flags == null ? List.of() : List.copyOf(flags);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Standard(String standard, String outcome, List<Ground> grounds) {

        public Standard {
            grounds = grounds == null ? List.of() : List.copyOf(grounds);
        }

        public boolean met() {
            return "MET".equals(outcome);
        }
    }

    /** A fact failing a standard, worded in Chinese by the service (e.g. 设立资金池（发现 F-…）). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Ground(String kind, String reference, String code, String text) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reason(String code, String text) {
    }

    /** CLS-04: a screening flag, for attention only. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Flag(String code) {
    }
}
