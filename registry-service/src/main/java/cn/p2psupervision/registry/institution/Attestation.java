package cn.p2psupervision.registry.institution;

import java.time.LocalDate;

/**
 * The final signed confirmation of the file (签字确认, REG-06) by the legal representative or a senior executive.
 *
 * @param signedBy          name of the signatory
 * @param position          legal representative or senior executive
 * @param signedOn          date of signature
 * @param documentReference reference to the signed document
 * @param recordedBy        the officer who recorded it
 */
public record Attestation(String signedBy, Position position, LocalDate signedOn, String documentReference,
                          String recordedBy) {

    public enum Position { LEGAL_REPRESENTATIVE, SENIOR_EXECUTIVE }
}
