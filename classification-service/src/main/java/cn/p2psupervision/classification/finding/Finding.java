package cn.p2psupervision.classification.finding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

import cn.p2psupervision.classification.catalogue.ProblemCatalogue;
import cn.p2psupervision.classification.catalogue.ProblemDefinition;
import cn.p2psupervision.platform.problem.InvalidInputException;
import cn.p2psupervision.platform.problem.RuleViolationException;

/**
 * One version of a finding of the investigation (排查发现的问题, CLS-01): which catalogued problem an institution
 * has, with evidence, source, the day it was found and, for violating business, the outstanding amount (存量) in yuan
 * with two decimals. A finding never changes in place: {@link #amend} and {@link #withdraw} return its next version,
 * and every version names who made it, from which province, and when.
 *
 * <p>Time is a parameter, never read from a clock here: "today" is the day of {@code at} in China (Asia/Shanghai).
 *
 * @param recordedProvince the two-digit province of the officer who made this version; null for a central officer
 * @param withdrawalReason why the finding was withdrawn; null while it is active
 */
public record Finding(String id, String institutionId, String problemCode, Evidence evidence, FindingSource source,
                      LocalDate foundOn, BigDecimal outstandingAmount, int version, FindingState state,
                      String withdrawalReason, String recordedBy, String recordedProvince, Instant recordedAt) {

    /** The zone in which an instant becomes the day of the campaign. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    public static final int MAX_REASON = 2000;

    public Finding {
        outstandingAmount = yuan(outstandingAmount);
    }

    /**
     * CLS-01: the first version of a finding. The problem must be in the catalogue; the day found cannot lie after
     * today; violating business must state its outstanding amount (≥ 0, at most two decimals), other problems must
     * not state one.
     */
    public static Finding record(String id, String institutionId, FindingDetails details, ProblemCatalogue catalogue,
                                 String recordedBy, String recordedProvince, Instant at) {
        required(id, "id");
        required(institutionId, "institutionId");
        checked(details, catalogue, at);
        return new Finding(id, institutionId, details.problemCode(), details.evidence(), details.source(),
                details.foundOn(), details.outstandingAmount(), 1, FindingState.ACTIVE, null,
                required(recordedBy, "recordedBy"), recordedProvince, at);
    }

    /**
     * CLS-01: the next version with new content, checked as in {@link #record}. A withdrawn finding cannot be
     * amended (422 CLS-01).
     */
    public Finding amend(FindingDetails details, ProblemCatalogue catalogue, String by, String province, Instant at) {
        if (state == FindingState.WITHDRAWN) {
            throw new RuleViolationException("CLS-01", "Finding " + id + " was withdrawn and cannot be amended");
        }
        checked(details, catalogue, at);
        return new Finding(id, institutionId, details.problemCode(), details.evidence(), details.source(),
                details.foundOn(), details.outstandingAmount(), version + 1, FindingState.ACTIVE, null,
                required(by, "recordedBy"), province, at);
    }

    /**
     * CLS-01: the next version, withdrawn: it is kept with its reason and no longer counts. The reason is required
     * (422 CLS-01); a finding is withdrawn once.
     */
    public Finding withdraw(String reason, String by, String province, Instant at) {
        if (state == FindingState.WITHDRAWN) {
            throw new RuleViolationException("CLS-01", "Finding " + id + " is already withdrawn");
        }
        if (reason == null || reason.isBlank()) {
            throw new RuleViolationException("CLS-01", "Withdrawing finding " + id + " needs a reason");
        }
        if (reason.length() > MAX_REASON) {
            throw new InvalidInputException("reason", "must be at most " + MAX_REASON + " characters long", "CLS-01");
        }
        return new Finding(id, institutionId, problemCode, evidence, source, foundOn, outstandingAmount, version + 1,
                FindingState.WITHDRAWN, reason.strip(), required(by, "recordedBy"), province,
                Objects.requireNonNull(at, "at"));
    }

    /** Whether the finding counts for screening and the proposal. */
    public boolean isActive() {
        return state == FindingState.ACTIVE;
    }

    /** The content of this version. */
    public FindingDetails details() {
        return new FindingDetails(problemCode, evidence, source, foundOn, outstandingAmount);
    }

    private static void checked(FindingDetails details, ProblemCatalogue catalogue, Instant at) {
        if (details == null) {
            throw new InvalidInputException(null, "must state the finding", "CLS-01");
        }
        if (at == null) {
            throw new IllegalArgumentException("at is required");
        }
        ProblemDefinition problem = catalogue.get(details.problemCode());
        if (details.evidence() == null) {
            throw new InvalidInputException("evidence", "is required", "CLS-01");
        }
        if (details.source() == null) {
            throw new InvalidInputException("source", "is required", "CLS-01");
        }
        if (details.foundOn() == null) {
            throw new InvalidInputException("foundOn", "is required", "CLS-01");
        }
        LocalDate today = LocalDate.ofInstant(at, CHINA);
        if (details.foundOn().isAfter(today)) {
            throw new RuleViolationException("CLS-01", "A finding cannot be found on " + details.foundOn()
                    + ", after today (" + today + ")");
        }
        BigDecimal amount = details.outstandingAmount();
        if (amount != null && (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2)) {
            throw new InvalidInputException("outstandingAmount", "must be an amount in yuan, at least 0, with at most "
                    + "two decimals", "CLS-01");
        }
        if (problem.violatingBusiness() && amount == null) {
            throw new RuleViolationException("CLS-01", problem.code() + " (" + problem.name()
                    + ") is violating business: state its outstanding amount (存量)");
        }
        if (!problem.violatingBusiness() && amount != null) {
            throw new RuleViolationException("CLS-01", problem.code() + " (" + problem.name()
                    + ") is not violating business: it has no outstanding amount");
        }
    }

    private static String required(String value, String member) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(member, "is required", "CLS-01");
        }
        return value;
    }

    /** Two decimals: {@code 1250000} becomes {@code 1250000.00}; more decimals are refused before this. */
    private static BigDecimal yuan(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.UNNECESSARY);
    }
}
