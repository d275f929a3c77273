package cn.p2psupervision.acceptance.certificate;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import cn.p2psupervision.acceptance.cases.AcceptanceCase;
import cn.p2psupervision.acceptance.cases.Certificate;

/**
 * What the acceptance certificate (整改验收合格证明文件, ACC-11) states, taken from the case once both heads signed.
 *
 * @param province    the registration province's code, e.g. {@code 33}
 * @param signatories the two heads, financial office first
 * @param filedOn     the day of filing (备案登记, ACC-12); null before
 */
public record CertificateDocument(String institutionName, String creditCode, String province,
                                  List<Signatory> signatories, LocalDate issuedOn, String verificationCode,
                                  LocalDate filedOn) {

    public CertificateDocument {
        signatories = List.copyOf(signatories);
    }

    /** The certificate of {@code acceptanceCase}, once issued (both heads signed, ACC-11); empty before. */
    public static Optional<CertificateDocument> of(AcceptanceCase acceptanceCase) {
        Certificate certificate = acceptanceCase.certificate();
        if (certificate == null || !certificate.issued()) {
            return Optional.empty();
        }
        List<Signatory> signatories = certificate.signatures().stream()
                .sorted(Comparator.comparing(s -> Certificate.SIGNING_AGENCIES.indexOf(s.agency())))
                .map(s -> new Signatory(s.agency(), s.by().username(), s.signedOn()))
                .toList();
        return Optional.of(new CertificateDocument(acceptanceCase.institutionName(), acceptanceCase.creditCode(),
                acceptanceCase.registeredProvince(), signatories, certificate.issuedOn(),
                certificate.verificationCode(), acceptanceCase.filedOn()));
    }

    /**
     * One head who signed (负责同志签字).
     *
     * @param agency {@code FINANCIAL_OFFICE} (地方金融监管部门) or {@code BANKING_REGULATOR} (银保监局)
     * @param name   the head's name as the platform knows it (the account's username)
     */
    public record Signatory(String agency, String name, LocalDate signedOn) {
    }
}
