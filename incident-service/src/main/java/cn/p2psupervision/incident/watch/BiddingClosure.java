package cn.p2psupervision.incident.watch;

import java.time.Instant;
import java.time.LocalDate;

import cn.p2psupervision.platform.input.InputPolicy;
import cn.p2psupervision.platform.problem.InvalidInputException;
import cn.p2psupervision.platform.security.Actor;

/**
 * INC-10: an institution's bidding functions (投标功能) closed or not working, as an officer of its registration
 * province observed and recorded it: the institution is a zombie (僵尸类, {@link ZombieRule#BIDDING_CLOSED}) from the
 * moment it is recorded until it is withdrawn.
 *
 * @param observedOn the day the closure was observed, not after the day it is recorded
 * @param evidence   what the officer saw (at most {@value #MAX_EVIDENCE} characters)
 * @param recordedBy the officer
 * @param recordedAt when (the domain clock)
 */
public record BiddingClosure(LocalDate observedOn, String evidence, Actor recordedBy, Instant recordedAt) {

    public static final int MAX_EVIDENCE = 2000;

    /** A closure as an officer states it on {@code today}; 400 naming the member when a value is missing or wrong. */
    static BiddingClosure observed(LocalDate observedOn, String evidence, LocalDate today, Actor by, Instant at) {
        if (observedOn == null) {
            throw new InvalidInputException("observedOn", "is required: the day the closure was observed", "INC-10");
        }
        if (observedOn.isAfter(today)) {
            throw new InvalidInputException("observedOn", "must not lie after today (" + today + ")", "INC-10");
        }
        if (evidence == null || evidence.isBlank()) {
            throw new InvalidInputException("evidence", "is required: say what shows that bidding is closed or not"
                    + " working", "INC-10");
        }
        return new BiddingClosure(observedOn, InputPolicy.text("evidence", evidence.strip(), MAX_EVIDENCE), by, at);
    }
}
