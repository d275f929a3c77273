package cn.p2psupervision.platform.problem;

/**
 * A regulatory rule refuses an act: thrown by plain-Java domain code, answered as 422 with the requirement id in the
 * problem's {@code rule} member.
 */
public class RuleViolationException extends RuntimeException {

    private final String rule;

    public RuleViolationException(String rule, String detail) {
        super(detail);
        this.rule = rule;
    }

    /** The requirement id, e.g. {@code REG-06} or {@code ACC-02a}. */
    public String rule() {
        return rule;
    }
}
