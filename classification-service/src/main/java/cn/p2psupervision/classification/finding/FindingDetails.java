package cn.p2psupervision.classification.finding;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * CLS-01: what a finding states — the problem of the catalogue, the evidence, the source, the day it was found and,
 * for violating business, the outstanding amount (存量) in yuan. The content of a new finding or of its next version;
 * {@link Finding} checks it against the catalogue and the day.
 */
public record FindingDetails(String problemCode, Evidence evidence, FindingSource source, LocalDate foundOn,
                             BigDecimal outstandingAmount) {
}
