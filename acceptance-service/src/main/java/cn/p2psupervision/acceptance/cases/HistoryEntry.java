package cn.p2psupervision.acceptance.cases;

import java.time.Instant;

import cn.p2psupervision.platform.security.Actor;

/**
 * A line of the case's timeline (办理过程), appended by every change and never changed.
 *
 * @param what   the act, e.g. {@code OPENED}, {@code CHECK_RECORDED}, {@code CONCLUDED}
 * @param by     who; null for the public (a complaint lodged by anyone)
 * @param detail the act in words
 */
public record HistoryEntry(Instant at, String what, Actor by, String detail) {
}
