package cn.p2psupervision.portal.classification;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

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
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Evidence(String text, List<String> documents) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Catalogue(List<Problem> problems) {

        public Catalogue {
            problems = problems == null ? List.of() : List.copyOf(problems);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Problem(String code, String name) {
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
