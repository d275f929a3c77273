package cn.p2psupervision.acceptance.cases;

import java.time.Instant;

import cn.p2psupervision.platform.security.Actor;

/**
 * ACC-07: the conclusion of acceptance (验收结论) with its written reason (验收意见).
 *
 * @param ground         why banned; only for {@link Outcome#BANNING}
 * @param stillOperating a failed institution still operates: it is referred for shutdown (ACC-14)
 */
public record Conclusion(Outcome outcome, String reason, BanningGround ground, boolean stillOperating, Actor by,
                         Instant at) {
}
