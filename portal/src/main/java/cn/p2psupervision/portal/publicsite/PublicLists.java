package cn.p2psupervision.portal.publicsite;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The public API of the acceptance context (AUTH-06; docs/api.md section 5): the lists (ACC-08, ACC-12), complaints
 * (ACC-09, ACC-10) and certificate verification (ACC-11).
 */
public final class PublicLists {

    private PublicLists() {
    }

    /** An institution under public notice (公示). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Notice(String institutionName, String creditCode, String registeredProvince,
                         String registeredProvinceName, String noticeNumber, LocalDate startedOn,
                         LocalDate earliestEndOn) {
    }

    /** A filed institution (备案登记). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Filed(String institutionName, String creditCode, String registeredProvince,
                        String registeredProvinceName, LocalDate filedOn) {
    }

    /** ACC-09: what a lodged complaint answers, once: the receipt number and the secret to follow it with. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Receipt(String receiptNumber, String secret, LocalDate submittedOn) {
    }

    /** ACC-09: where a complaint stands, as its complainant sees it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ComplaintStatus(String receiptNumber, String state, String reply, LocalDate submittedOn,
                                  LocalDate resolvedOn) {
    }

    /** ACC-11: a certificate verified by its code. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Certificate(boolean valid, String institutionName, String creditCode, String registeredProvince,
                              LocalDate issuedOn, LocalDate filedOn) {
    }
}
