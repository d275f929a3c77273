package cn.p2psupervision.registry.institution;

import cn.p2psupervision.platform.problem.InvalidInputException;

/**
 * A string is not a valid Unified Social Credit Code (统一社会信用代码), wherever it appears: the file's own code, a
 * shareholder's or a controller's, a path or an import row. Always a 400 naming the member and rule REG-01.
 */
public class InvalidCreditCodeException extends InvalidInputException {

    public InvalidCreditCodeException(String message) {
        this("creditCode", message);
    }

    public InvalidCreditCodeException(String member, String message) {
        super(member, message, "REG-01");
    }

    /** The same refusal for the code held by {@code member} (e.g. {@code shareholders[1].creditCode}). */
    public InvalidCreditCodeException at(String member) {
        return new InvalidCreditCodeException(member, getMessage());
    }
}
