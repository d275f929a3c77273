package cn.p2psupervision.platform.problem;

/**
 * A value of a request is not acceptable: answered as 400 with the member that holds it and what is wrong with it, in
 * words a caller can act on. Plain Java, so that domain code (a credit code, a date) throws it too.
 */
public class InvalidInputException extends RuntimeException {

    private final String member;
    private final String rule;

    /**
     * @param member  where the value sits: a body member ({@code branches[2].province}), a query parameter or a header
     * @param problem what is wrong with it, e.g. {@code must be a string}
     */
    public InvalidInputException(String member, String problem) {
        this(member, problem, null);
    }

    /** @param rule the requirement id the value breaks (e.g. {@code REG-01}), or null */
    public InvalidInputException(String member, String problem, String rule) {
        super(problem);
        this.member = member;
        this.rule = rule;
    }

    /** The member, parameter or header that holds the value; null when it is the request as a whole. */
    public String member() {
        return member;
    }

    /** What is wrong with the value. */
    public String problem() {
        return getMessage();
    }

    /** The requirement id, or null. */
    public String rule() {
        return rule;
    }

    /** The same problem, found inside {@code parent} (a member of an object, or an entry of a list). */
    public InvalidInputException within(String parent) {
        String path = member == null ? parent : member.startsWith("[") ? parent + member : parent + "." + member;
        return new InvalidInputException(path, getMessage(), rule);
    }

    /** e.g. {@code branches[2].province must be a province code}; {@code The request body is not valid JSON …}. */
    public String describe() {
        return (member == null ? "The request body" : member) + " " + getMessage();
    }
}
