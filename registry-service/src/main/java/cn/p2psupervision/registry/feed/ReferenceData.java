package cn.p2psupervision.registry.feed;

import java.time.LocalDate;
import java.util.List;

import cn.p2psupervision.registry.institution.InstitutionFile;
import cn.p2psupervision.registry.institution.InstitutionStatus;

/**
 * What every other context keeps of an institution as its own read-only projection: enough to name it, to decide
 * who may see its records there (AUTH-02: registration and business provinces) and to apply the rules that depend on
 * its status and dates (REG-08). Consumers apply it by {@code version}: a higher version replaces a lower one, never
 * the other way round, so the same institution may be delivered any number of times.
 *
 * @param businessProvinces the provinces of its branches other than the registered one
 * @param custodyBank       the name of its custody bank (存管银行), or null when it has none
 * @param version           the file's version this data is taken from
 */
public record ReferenceData(String id, String creditCode, String name, String registeredProvince,
                            List<String> businessProvinces, InstitutionStatus status, LocalDate establishedOn,
                            LocalDate lendingStartedOn, boolean inScope, String custodyBank, long version) {

    static ReferenceData of(InstitutionFile file) {
        return new ReferenceData(file.id(), file.creditCode(), file.facts().name(), file.registeredProvince(),
                file.businessProvinces(), file.facts().status(), file.facts().establishedOn(),
                file.facts().lendingStartedOn(), file.facts().inScope(), file.facts().custodyBank(), file.version());
    }
}
