package cn.p2psupervision.acceptance.cases;

/**
 * ACC-04/05: why a check keeps a case from passing.
 *
 * @param rule    the requirement it belongs to ({@code ACC-04}, {@code ACC-05}, {@code ACC-02e..h})
 * @param problem {@code MISSING} (not recorded), {@code FAILED} or {@code UNCONFIRMED} (not cross-verified, ACC-03)
 */
public record CheckDeficiency(CheckCode code, String name, String rule, String problem) {

    static final String MISSING = "MISSING";
    static final String FAILED = "FAILED";
    static final String UNCONFIRMED = "UNCONFIRMED";
}
