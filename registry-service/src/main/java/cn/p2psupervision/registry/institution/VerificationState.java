package cn.p2psupervision.registry.institution;

/** Where the file stands in the province's one-by-one verification (REG-06). */
public enum VerificationState {
    /** Not yet verified by the province. */
    UNVERIFIED,
    /** At least one verification recorded, no signed confirmation yet. */
    IN_VERIFICATION,
    /** Confirmed by the signature of the legal representative or a senior executive. */
    CONFIRMED
}
