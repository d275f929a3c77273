package cn.p2psupervision.platform.agency;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.springframework.data.annotation.Id;

import cn.p2psupervision.platform.input.InputPolicy;
import cn.p2psupervision.platform.problem.InvalidInputException;
import cn.p2psupervision.platform.security.Actor;

/**
 * A request from a context of the platform to one partner agency (AUTH-05): a referral to public security (移送公安),
 * a licence cancellation or website blocking for telecom, a stop of bank services for the central bank, a registration
 * measure for market regulation ({@link AgencyRequestKind}). The agency reads it, acknowledges it (接收) and answers it
 * (反馈) as its work proceeds; the regulators of the institution's provinces and central follow it; no other agency
 * sees it. A request not answered after its due date is overdue, and shown to the province and to central.
 *
 * @param id                given by the origin, deterministic (e.g. {@code R-<institution>-<decision round>}), so that
 *                          a repeated outbox delivery makes the request once
 * @param agency            the agency it is addressed to: always {@code kind.agency()}
 * @param businessProvinces the institution's business places (经营地) other than its registered province
 * @param origin            the context that made it: {@code classification}, {@code acceptance}, {@code incidents}
 * @param originReference   what in that context it comes from, e.g. {@code classification/<institution>/round-1}
 * @param reasons           why, in Chinese, as the agency reads them
 * @param dueOn             the day by which the agency should answer, or null when the request has no due date
 * @param acknowledged      the agency's receipt, or null while it has not acknowledged
 * @param answers           the agency's answers (outcome, feedback), oldest first; each once, whatever the retries
 */
public record AgencyRequest(@Id String id, Agency agency, AgencyRequestKind kind, String institutionId,
                            String institutionName, String creditCode, String registeredProvince,
                            List<String> businessProvinces, String origin, String originReference,
                            List<String> reasons, Instant requestedAt, LocalDate dueOn, Acknowledgement acknowledged,
                            List<Answer> answers, long version) {

    /** Longest answer or reason, in characters. */
    public static final int MAX_TEXT = 4000;
    /** Longest receipt number or reference (案号、文号), in characters. */
    public static final int MAX_REFERENCE = 100;
    /** Most reasons one request carries. */
    public static final int MAX_REASONS = 50;
    static final String RULE = "AUTH-05";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

    public AgencyRequest {
        businessProvinces = businessProvinces == null ? List.of() : List.copyOf(businessProvinces);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        answers = answers == null ? List.of() : List.copyOf(answers);
    }

    /** The request as the origin makes it: sent, not acknowledged, no answer, version 1. */
    public static AgencyRequest sent(Draft draft) {
        return new AgencyRequest(draft.id(), draft.kind().agency(), draft.kind(), draft.institutionId(),
                draft.institutionName(), draft.creditCode(), draft.registeredProvince(), draft.businessProvinces(),
                draft.origin(), draft.originReference(), draft.reasons(), draft.requestedAt(), draft.dueOn(), null,
                List.of(), 1);
    }

    /** Where the request stands, as the agency and the regulators read it. */
    @JsonProperty("state")
    public State state() {
        if (!answers.isEmpty()) {
            return State.ANSWERED;
        }
        return acknowledged == null ? State.SENT : State.ACKNOWLEDGED;
    }

    /** Not answered, and {@code today} is after its due date (a request without one is never overdue). */
    public boolean overdue(LocalDate today) {
        return answers.isEmpty() && dueOn != null && today.isAfter(dueOn);
    }

    /** The agency's receipt; acknowledging again changes nothing (the first receipt stays). */
    AgencyRequest acknowledge(String receiptNumber, Actor by, Instant at) {
        String receipt = text(receiptNumber, "receiptNumber", MAX_REFERENCE, false);
        if (acknowledged != null) {
            return this;
        }
        return new AgencyRequest(id, agency, kind, institutionId, institutionName, creditCode, registeredProvince,
                businessProvinces, origin, originReference, reasons, requestedAt, dueOn,
                new Acknowledgement(receipt, by, at), answers, version + 1);
    }

    /**
     * Appends an answer; the same answer ({@code answerId}, derived from the request's {@code Idempotency-Key}) again
     * changes nothing. Answering acknowledges too.
     */
    AgencyRequest answer(String answerId, String text, String reference, Actor by, Instant at) {
        Answer answer = new Answer(answerId, text(text, "text", MAX_TEXT, true),
                text(reference, "reference", MAX_REFERENCE, false), by, at);
        if (answers.stream().anyMatch(a -> a.id().equals(answerId))) {
            return this;
        }
        List<Answer> all = new ArrayList<>(answers);
        all.add(answer);
        Acknowledgement receipt = acknowledged != null ? acknowledged : new Acknowledgement(null, by, at);
        return new AgencyRequest(id, agency, kind, institutionId, institutionName, creditCode, registeredProvince,
                businessProvinces, origin, originReference, reasons, requestedAt, dueOn, receipt, all, version + 1);
    }

    /**
     * Reasons as a request can carry them, for an origin whose reasons grow with its records (one per finding, say):
     * blank ones left out, each cut to {@value #MAX_TEXT} characters (ending in {@code …}), and beyond
     * {@value #MAX_REASONS} the rest counted in a last line ({@code 另有 N 条理由从略}).
     */
    public static List<String> fitReasons(List<String> reasons) {
        List<String> stated = new ArrayList<>();
        for (String reason : reasons) {
            if (reason != null && !reason.isBlank()) {
                String text = reason.strip();
                if (text.length() > MAX_TEXT) {
                    int cut = MAX_TEXT - 1;
                    if (Character.isHighSurrogate(text.charAt(cut - 1))) {
                        cut--;
                    }
                    text = text.substring(0, cut) + "…";
                }
                stated.add(text);
            }
        }
        if (stated.size() <= MAX_REASONS) {
            return List.copyOf(stated);
        }
        List<String> fitted = new ArrayList<>(stated.subList(0, MAX_REASONS - 1));
        fitted.add("另有 " + (stated.size() - MAX_REASONS + 1) + " 条理由从略");
        return List.copyOf(fitted);
    }

    /** {@code value} stripped, within {@code max} characters and the input policy; blank counts as absent. */
    static String text(String value, String member, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidInputException(member, "is required", RULE);
            }
            return null;
        }
        String stated = value.strip();
        if (stated.length() > max) {
            throw new InvalidInputException(member, "must be at most " + max + " characters long", RULE);
        }
        try {
            return InputPolicy.text(member, stated, max);
        } catch (InvalidInputException refused) {
            throw new InvalidInputException(member, refused.problem(), RULE);
        }
    }

    /** Where a request stands. */
    public enum State {
        /** 已发送: not acknowledged yet. */
        SENT,
        /** 已接收: the agency has acknowledged it. */
        ACKNOWLEDGED,
        /** 已反馈: the agency has answered at least once. */
        ANSWERED
    }

    /** @param receiptNumber the agency's own receipt or intake number (受理号), if it gives one */
    public record Acknowledgement(String receiptNumber, Actor by, Instant at) {
    }

    /**
     * @param id        derived from the {@code Idempotency-Key} (or, without one, the body) and the request
     * @param text      the agency's outcome or feedback, in its words
     * @param reference the agency's own reference: case number (立案号), decision number (文号), if any
     */
    public record Answer(String id, String text, String reference, Actor by, Instant at) {
    }

    /** The request as the API answers it: the request and whether it is {@link #overdue overdue} today. */
    public record View(@JsonUnwrapped AgencyRequest request, boolean overdue) {

        public static View of(AgencyRequest request, LocalDate today) {
            return new View(request, request.overdue(today));
        }
    }

    /**
     * A request as its origin makes it (before the outbox delivers it; see
     * {@link AgencyRequestDelivery#payload(Draft)}). Checked here, so that a bad request fails in the origin's own
     * write, not later in the delivery.
     *
     * @param id                1 to 200 letters, digits, {@code .}, {@code _} or {@code -} (it is part of the
     *                          agency's URLs), deterministic for the origin's act
     * @param businessProvinces may be null (none)
     * @param originReference   may be null
     * @param reasons           1 to {@value #MAX_REASONS}, each at most {@value #MAX_TEXT} characters
     * @param dueOn             may be null: no due date, never overdue
     */
    public record Draft(String id, AgencyRequestKind kind, String institutionId, String institutionName,
                        String creditCode, String registeredProvince, List<String> businessProvinces, String origin,
                        String originReference, List<String> reasons, Instant requestedAt, LocalDate dueOn) {

        public Draft {
            if (id == null || !ID.matcher(id).matches()) {
                throw new InvalidInputException("id", "must be 1 to 200 letters, digits, '.', '_' or '-', starting"
                        + " with a letter or digit", RULE);
            }
            if (kind == null) {
                throw new InvalidInputException("kind", "is required", RULE);
            }
            institutionId = text(institutionId, "institutionId", MAX_REFERENCE, true);
            institutionName = text(institutionName, "institutionName", 200, true);
            creditCode = text(creditCode, "creditCode", 50, false);
            registeredProvince = text(registeredProvince, "registeredProvince", 10, false);
            List<String> places = new ArrayList<>();
            for (int i = 0; businessProvinces != null && i < businessProvinces.size(); i++) {
                places.add(text(businessProvinces.get(i), "businessProvinces[" + i + "]", 10, true));
            }
            businessProvinces = List.copyOf(places);
            origin = text(origin, "origin", 50, true);
            originReference = text(originReference, "originReference", 200, false);
            if (reasons == null || reasons.isEmpty()) {
                throw new InvalidInputException("reasons", "must name at least one reason", RULE);
            }
            if (reasons.size() > MAX_REASONS) {
                throw new InvalidInputException("reasons", "must be at most " + MAX_REASONS + " reasons", RULE);
            }
            List<String> stated = new ArrayList<>(reasons.size());
            for (int i = 0; i < reasons.size(); i++) {
                stated.add(text(reasons.get(i), "reasons[" + i + "]", MAX_TEXT, true));
            }
            reasons = List.copyOf(stated);
            if (requestedAt == null) {
                throw new InvalidInputException("requestedAt", "is required", RULE);
            }
        }
    }
}
