package cn.p2psupervision.acceptance.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

import org.springframework.data.annotation.Id;

import cn.p2psupervision.platform.input.InputPolicy;
import cn.p2psupervision.platform.problem.InvalidInputException;
import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.security.Actor;

/**
 * A complaint (投诉) against an institution whose acceptance is under public notice (ACC-09), lodged by anyone without an
 * account (AUTH-06), and how the registration province's office resolved it.
 *
 * <p>ACC-10: the text is untrusted and kept exactly as given, never interpreted: the API returns it in JSON only, and
 * nothing renders it as markup. The contact details are shown only to the office handling the complaint. Of the secret
 * only a salted hash is kept ({@link ComplaintSecret}).
 *
 * @param receiptNumber the complainant's receipt, e.g. {@code TS-20180315-7K3Q9X}; the id
 * @param noticeNumber  the notice (公示) the complaint was lodged against
 * @param version       1 when lodged, 2 once resolved: the complaint's ETag
 */
public record Complaint(@Id String receiptNumber, String institutionId, String noticeNumber, String text,
                        String contact, String secretSalt, String secretHash, ComplaintState state, String reply,
                        Instant submittedAt, LocalDate submittedOn, Actor resolvedBy, Instant resolvedAt,
                        LocalDate resolvedOn, long version) {

    public static final int MAX_TEXT = 2000;
    public static final int MAX_CONTACT = 200;
    public static final int MAX_REPLY = 2000;

    /**
     * ACC-10: what a complainant writes, checked: the text is required (1 to {@value #MAX_TEXT} characters), the
     * contact optional (at most {@value #MAX_CONTACT}; blank is none); both plain text without control characters
     * other than line breaks and tabs, kept exactly as given.
     */
    public record Content(String text, String contact) {

        public Content {
            text = checkedText("text", text, MAX_TEXT);
            if (text == null || text.isBlank()) {
                throw new InvalidInputException("text", "is required: say what the complaint is about", "ACC-10");
            }
            contact = checkedText("contact", contact, MAX_CONTACT);
            contact = contact == null || contact.isBlank() ? null : contact;
        }
    }

    /** ACC-09: a new complaint against the notice {@code noticeNumber} of the institution's case. */
    public static Complaint lodge(String receiptNumber, String institutionId, String noticeNumber, Content content,
                                  ComplaintSecret.Issued secret, Instant at, ZoneId zone) {
        return new Complaint(Objects.requireNonNull(receiptNumber), Objects.requireNonNull(institutionId),
                noticeNumber, content.text(), content.contact(), secret.salt(), secret.hash(), ComplaintState.OPEN,
                null, at, LocalDate.ofInstant(at, zone), null, null, null, 1);
    }

    /**
     * ACC-09: the office's finding, with a reply the complainant reads; a complaint is resolved once (409 after).
     */
    public Complaint resolve(boolean foundTrue, String replyText, Actor by, Instant at, ZoneId zone) {
        if (state != ComplaintState.OPEN) {
            throw ProblemException.conflict("Complaint " + receiptNumber + " was already resolved (" + state + ")");
        }
        String stated = checkedText("reply", replyText, MAX_REPLY);
        if (stated == null || stated.isBlank()) {
            throw new InvalidInputException("reply", "is required: the complainant reads it", "ACC-09");
        }
        return new Complaint(receiptNumber, institutionId, noticeNumber, text, contact, secretSalt, secretHash,
                foundTrue ? ComplaintState.FOUND_TRUE : ComplaintState.UNFOUNDED, stated.strip(),
                submittedAt, submittedOn, Objects.requireNonNull(by), at, LocalDate.ofInstant(at, zone), version + 1);
    }

    public boolean isOpen() {
        return state == ComplaintState.OPEN;
    }

    /** Whether {@code secret} is this complaint's secret (ACC-10). */
    public boolean openedBy(String secret) {
        return ComplaintSecret.matches(secret, secretSalt, secretHash);
    }

    /** Text by the input policy, its length counted in characters (a character beyond U+FFFF counts once). */
    private static String checkedText(String member, String value, int max) {
        if (value == null) {
            return null;
        }
        if (value.codePointCount(0, value.length()) > max) {
            throw new InvalidInputException(member, "must be at most " + max + " characters long", "ACC-10");
        }
        return InputPolicy.text(member, value, 2 * max);
    }
}
