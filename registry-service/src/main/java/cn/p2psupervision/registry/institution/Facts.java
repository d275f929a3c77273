package cn.p2psupervision.registry.institution;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The editable facts of an institution's file (REG-02, REG-04, REG-08): everything but its identity (credit code and
 * registered province), which never changes. Each top-level member is one "fact" with its own provenance (REG-05).
 * Money is in yuan with two decimals; share percentages in percent.
 */
public record Facts(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 500) String registeredAddress,
        @Valid Person legalRepresentative,
        @Valid @Size(max = 200) List<Shareholder> shareholders,
        @Valid @Size(max = 50) List<Controller> actualControllers,
        @DecimalMin("0.00") @Digits(integer = 15, fraction = 2) BigDecimal registeredCapital,
        LocalDate establishedOn,
        LocalDate lendingStartedOn,
        @Valid @Size(max = 100) List<Website> websites,
        @Size(max = 200) String custodyBank,
        @Valid @Size(max = 2000) List<Branch> branches,
        EntityKind entityKind,
        @Size(max = 200) String cooperatingBank,
        InstitutionStatus status,
        Boolean inScope) {

    /** The names of the facts, i.e. the provenance keys (REG-05). */
    public static final List<String> NAMES = List.of("name", "registeredAddress", "legalRepresentative",
            "shareholders", "actualControllers", "registeredCapital", "establishedOn", "lendingStartedOn", "websites",
            "custodyBank", "branches", "entityKind", "cooperatingBank", "status", "inScope");

    public Facts {
        shareholders = shareholders == null ? List.of() : List.copyOf(shareholders);
        actualControllers = actualControllers == null ? List.of() : List.copyOf(actualControllers);
        websites = websites == null ? List.of() : List.copyOf(websites);
        branches = branches == null ? List.of() : List.copyOf(branches);
        registeredCapital = Money.normalise(registeredCapital);
        status = status == null ? InstitutionStatus.OPERATING : status;
        inScope = inScope == null ? Boolean.TRUE : inScope;
    }

    /** Identity documents of persons are personal data: shown masked outside the owning province and central. */
    public Facts masked() {
        return new Facts(name, registeredAddress, legalRepresentative == null ? null : legalRepresentative.masked(),
                shareholders.stream().map(Shareholder::masked).toList(),
                actualControllers.stream().map(Controller::masked).toList(),
                registeredCapital, establishedOn, lendingStartedOn, websites, custodyBank, branches, entityKind,
                cooperatingBank, status, inScope);
    }

    /** The legal representative (法定代表人). */
    public record Person(@NotBlank @Size(max = 100) String name,
                         @Pattern(regexp = IdentityDocuments.PATTERN) String idNumber) {
        Person masked() {
            return new Person(name, IdentityDocuments.mask(idNumber));
        }
    }

    /** A shareholder or capital contributor (股东/出资人); entities carry their credit code, persons their id number. */
    public record Shareholder(@NotBlank @Size(max = 200) String name,
                              @NotNull HolderType type,
                              @DecimalMin("0.00") @DecimalMax("100.00") @Digits(integer = 3, fraction = 2) BigDecimal sharePercent,
                              @Size(max = 18) String creditCode,
                              @Pattern(regexp = IdentityDocuments.PATTERN) String idNumber) {
        public Shareholder {
            sharePercent = Money.normalise(sharePercent);
        }

        Shareholder masked() {
            return new Shareholder(name, type, sharePercent, creditCode, IdentityDocuments.mask(idNumber));
        }
    }

    /**
     * An actual controller (实际控制人). Related entities are linked through it only by credit code or identity-document
     * number, never by name alone (REG-04).
     */
    public record Controller(@NotBlank @Size(max = 200) String name,
                             @NotNull HolderType type,
                             @Size(max = 18) String creditCode,
                             @Pattern(regexp = IdentityDocuments.PATTERN) String idNumber) {
        Controller masked() {
            return new Controller(name, type, creditCode, IdentityDocuments.mask(idNumber));
        }

        /** The key that links a controller's group, or {@code null} when it can only be named. */
        public String linkKey() {
            if (creditCode != null && !creditCode.isBlank()) {
                return "CC:" + creditCode.trim().toUpperCase();
            }
            if (idNumber != null && !idNumber.isBlank()) {
                return "ID:" + idNumber.trim().toUpperCase();
            }
            return null;
        }
    }

    /** A website or app through which it lends, with its ICP filing number (ICP备案号). */
    public record Website(@NotNull WebsiteKind kind, @NotBlank @Size(max = 300) String address,
                          @Size(max = 100) String icpNumber) {
    }

    /** A branch or business place (分支机构/经营地). */
    public record Branch(@NotBlank @Size(max = 200) String name,
                         @NotBlank @Pattern(regexp = "[0-9]{2}") String province,
                         @Size(max = 100) String city,
                         @Size(max = 500) String address) {
    }

    public enum HolderType { PERSON, ENTITY }

    public enum WebsiteKind { WEBSITE, APP }

    /** What kind of entity is recorded (REG-04). */
    public enum EntityKind {
        /** An online lending platform (网络借贷信息中介机构). */
        ONLINE_PLATFORM,
        /** A comprehensive internet-finance platform with a lending business. */
        COMPREHENSIVE_PLATFORM,
        /** An offline entity of an online platform (线下实体). */
        OFFLINE_ENTITY,
        /** An internet company cooperating with a bank (recorded with the bank). */
        BANK_COOPERATION
    }
}
