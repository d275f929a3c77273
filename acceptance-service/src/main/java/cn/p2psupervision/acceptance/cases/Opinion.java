package cn.p2psupervision.acceptance.cases;

import java.time.Instant;

import cn.p2psupervision.platform.security.Actor;

/**
 * ACC-16: the opinion (意见) of a province where a cross-region institution does business, asked by the registration
 * province for the joint verification (联合核查). The case concludes only when each asked opinion is answered, or
 * waived by the central office.
 *
 * @param agrees       whether the province agrees with acceptance (null until answered)
 * @param answeredBy   who answered (an officer or head of that province), or who waived (central)
 * @param waiverReason why central waived it; null otherwise
 */
public record Opinion(String province, State state, Boolean agrees, String text, Actor answeredBy, Instant at,
                      String waiverReason) {

    public enum State {
        /** 已征求 */
        ASKED,
        /** 已回复 */
        ANSWERED,
        /** 中央整治办豁免 */
        WAIVED
    }

    static Opinion asked(String province) {
        return new Opinion(province, State.ASKED, null, null, null, null, null);
    }

    /** Whether the conclusion may follow (ACC-16). */
    public boolean settled() {
        return state != State.ASKED;
    }
}
