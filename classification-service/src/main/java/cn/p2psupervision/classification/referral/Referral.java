package cn.p2psupervision.classification.referral;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.data.annotation.Id;

import cn.p2psupervision.platform.problem.InvalidInputException;
import cn.p2psupervision.platform.security.Actor;

/**
 * A referral to public security (移送公安机关, CLS-06, AUTH-05): made when a head approves a banning decision (取缔类),
 * addressed to one agency, which acknowledges it and posts feedback as its case proceeds. The regulators of the
 * institution's provinces and central follow it; no other agency sees it.
 *
 * @param id            {@code R-<institution id>-<decision round>}: one referral per approved banning decision
 * @param agency        the agency it is addressed to ({@value #PUBLIC_SECURITY})
 * @param reasons       the decision's reasons, in Chinese, as the agency reads them
 * @param acknowledged  the agency's receipt, or null while it has not acknowledged
 * @param feedback      the agency's feedback, oldest first; each entry once, whatever the retries
 */
public record Referral(@Id String id, String agency, String institutionId, String institutionName,
                       String creditCode, String registeredProvince, int decisionRound, String category,
                       List<String> reasons, Instant referredAt, Acknowledgement acknowledged,
                       List<Feedback> feedback, long version) {

    public static final String PUBLIC_SECURITY = "PUBLIC_SECURITY";
    static final int MAX_TEXT = 4000;

    public Referral {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        feedback = feedback == null ? List.of() : List.copyOf(feedback);
    }

    public static String idOf(String institutionId, int round) {
        return "R-" + institutionId + "-" + round;
    }

    /** Where the referral stands, as regulators and the agency read it. */
    @JsonProperty("state")
    public State state() {
        if (!feedback.isEmpty()) {
            return State.FEEDBACK_RECEIVED;
        }
        return acknowledged == null ? State.SENT : State.ACKNOWLEDGED;
    }

    /** The agency's receipt; acknowledging again changes nothing. */
    Referral acknowledge(String receiptNumber, Actor by, Instant at) {
        if (acknowledged != null) {
            return this;
        }
        return new Referral(id, agency, institutionId, institutionName, creditCode, registeredProvince, decisionRound,
                category, reasons, referredAt, new Acknowledgement(text(receiptNumber, "receiptNumber", 100, false),
                by, at), feedback, version + 1);
    }

    /** Appends feedback; the same feedback ({@code feedbackId}) again changes nothing. Feedback acknowledges too. */
    Referral withFeedback(String feedbackId, String text, String caseNumber, Actor by, Instant at) {
        if (feedback.stream().anyMatch(f -> f.id().equals(feedbackId))) {
            return this;
        }
        List<Feedback> all = new ArrayList<>(feedback);
        all.add(new Feedback(feedbackId, text(text, "text", MAX_TEXT, true), text(caseNumber, "caseNumber", 100, false),
                by, at));
        Acknowledgement receipt = acknowledged != null ? acknowledged : new Acknowledgement(null, by, at);
        return new Referral(id, agency, institutionId, institutionName, creditCode, registeredProvince, decisionRound,
                category, reasons, referredAt, receipt, all, version + 1);
    }

    private static String text(String value, String member, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidInputException(member, "is required", "AUTH-05");
            }
            return null;
        }
        String stated = value.strip();
        if (stated.length() > max) {
            throw new InvalidInputException(member, "must be at most " + max + " characters long", "AUTH-05");
        }
        return stated;
    }

    public enum State {
        /** 已移送 */
        SENT,
        /** 已接收 */
        ACKNOWLEDGED,
        /** 已反馈 */
        FEEDBACK_RECEIVED
    }

    /** @param receiptNumber the agency's own receipt or case-intake number, if it gives one */
    public record Acknowledgement(String receiptNumber, Actor by, Instant at) {
    }

    /** @param caseNumber the agency's case number (立案号), if any */
    public record Feedback(String id, String text, String caseNumber, Actor by, Instant at) {
    }
}
