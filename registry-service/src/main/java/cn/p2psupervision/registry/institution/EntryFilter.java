package cn.p2psupervision.registry.institution;

/**
 * List filters of the register (REG-09/REG-10), as the store applies them.
 *
 * @param province    registered province (GB/T 2260 code)
 * @param status      current status
 * @param crossRegion registered here and operating in other provinces
 * @param namePrefix  start of the name, case-insensitive
 * @param controller  an actual controller's credit code or identity number (REG-04)
 * @param verificationState where the file stands in the province's verification (REG-06): the files to verify
 */
public record EntryFilter(String province, InstitutionStatus status, Boolean crossRegion, String namePrefix,
                          String controller, VerificationState verificationState) {

    public static final EntryFilter NONE = new EntryFilter(null, null, null, null, null, null);
}
