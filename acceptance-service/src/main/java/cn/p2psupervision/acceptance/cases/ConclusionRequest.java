package cn.p2psupervision.acceptance.cases;

/**
 * ACC-07: a conclusion as the officer states it; {@link AcceptanceCase#conclude} checks it.
 *
 * @param reason         the written acceptance opinion (验收意见), required
 * @param ground         required for {@link Outcome#BANNING}, refused otherwise
 * @param stillOperating for a failed outcome: the institution still operates (ACC-14); null counts as false
 */
public record ConclusionRequest(Outcome outcome, String reason, BanningGround ground, Boolean stillOperating) {
}
