package cn.p2psupervision.registry.institution;

/** Thrown when a string is not a valid Unified Social Credit Code (统一社会信用代码); see REG-01. */
public class InvalidCreditCodeException extends IllegalArgumentException {

    public InvalidCreditCodeException(String message) {
        super(message);
    }
}
