package cn.p2psupervision.acceptance.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.p2psupervision.platform.security.Actor;

/**
 * ACC-11: the acceptance certificate (整改验收合格证明文件), co-signed by the head of the province's local financial office
 * and the head of the banking regulator's bureau: two different people, one of each agency. One signature on its own
 * has no effect: the certificate is issued — with its verification code (验证码) and day — when the second lands.
 *
 * @param verificationCode null until issued
 * @param issuedOn         null until issued
 */
public record Certificate(List<Signature> signatures, String verificationCode, LocalDate issuedOn) {

    /** The two agencies whose heads sign (ACC-11). */
    public static final List<String> SIGNING_AGENCIES = List.of("FINANCIAL_OFFICE", "BANKING_REGULATOR");

    public Certificate {
        signatures = signatures == null ? List.of() : List.copyOf(signatures);
    }

    public boolean issued() {
        return verificationCode != null;
    }

    /**
     * A head's signature (负责同志签字).
     *
     * @param agency {@code FINANCIAL_OFFICE} (地方金融监管部门) or {@code BANKING_REGULATOR} (银行业监管机构派出机构)
     */
    public record Signature(String agency, Actor by, Instant at, LocalDate signedOn) {
    }
}
