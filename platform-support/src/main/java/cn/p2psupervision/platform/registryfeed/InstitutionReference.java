package cn.p2psupervision.platform.registryfeed;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An institution as the registry describes it to the other contexts (issue 7), kept by each of them as its own
 * read-only projection (collection {@code registry_institutions} in the service's own database): enough to name it,
 * to decide who may see its records (AUTH-02, {@link InstitutionDirectory}) and to apply the rules that depend on its
 * status and dates (REG-08). Never edited here; a higher {@code version} from the registry replaces a lower one.
 *
 * @param id                 the registry's id of the institution's file
 * @param businessProvinces  the provinces of its branches other than the registered one (GB/T 2260 codes)
 * @param status             the registry's status name ({@code OPERATING}, {@code BANNED}, {@code FILED}, ...)
 * @param inScope            whether the campaign covers it
 * @param custodyBank        the name of its custody bank (存管银行), or null when it has none
 * @param version            the registry file's version this is taken from
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InstitutionReference(String id, String creditCode, String name, String registeredProvince,
                                   List<String> businessProvinces, String status, LocalDate establishedOn,
                                   LocalDate lendingStartedOn, boolean inScope, String custodyBank, long version) {

    public InstitutionReference {
        businessProvinces = businessProvinces == null ? List.of() : List.copyOf(businessProvinces);
    }

    /** Whether it has a custody bank. */
    public boolean hasCustodyBank() {
        return custodyBank != null && !custodyBank.isBlank();
    }
}
