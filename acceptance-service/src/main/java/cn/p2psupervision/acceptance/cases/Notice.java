package cn.p2psupervision.acceptance.cases;

import java.time.LocalDate;

/**
 * ACC-08: a public notice (公示) of a passed acceptance, on the designated official website, for at least two weeks:
 * {@code earliestEndOn} is 15 days after {@code startedOn}, so 14 full days lie between. Whether it has completed is
 * computed from the day, never stored by a job; a complaint found true revokes it (ACC-09).
 *
 * @param number     {@code GS-<credit code>-<sequence>} (公示): the notice as the public and complaints name it, made of
 *                   public facts only (the registry's internal id stays inside the platform)
 * @param sequence   1 for the case's first notice, one more for each after a revocation
 * @param revokedOn  the day it was revoked; null unless revoked
 * @param revokedBy  the receipt number of the complaint found true that revoked it (or the reason in words)
 */
public record Notice(String number, int sequence, LocalDate startedOn, LocalDate earliestEndOn, LocalDate revokedOn,
                     String revokedBy) {

    /** 14 full days between the start and the earliest end (ACC-08). */
    public static final int FULL_DAYS = 14;

    public enum State {
        /** 公示中 */
        RUNNING,
        /** 公示期满 */
        COMPLETED,
        /** 已撤销 */
        REVOKED
    }

    static Notice start(String creditCode, int sequence, LocalDate today) {
        return new Notice("GS-" + creditCode + "-" + sequence, sequence, today, today.plusDays(FULL_DAYS + 1), null,
                null);
    }

    public State state(LocalDate today) {
        if (revokedOn != null) {
            return State.REVOKED;
        }
        return completed(today) ? State.COMPLETED : State.RUNNING;
    }

    /** ACC-08: not revoked and {@code today} is on or after the earliest end. */
    public boolean completed(LocalDate today) {
        return revokedOn == null && !today.isBefore(earliestEndOn);
    }

    Notice revoke(LocalDate on, String by) {
        return new Notice(number, sequence, startedOn, earliestEndOn, on, by);
    }
}
