package cn.p2psupervision.portal.institution;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The registry's institution views as the portal reads them (docs/api.md, "Registry"). */
public final class Institutions {

    private Institutions() {
    }

    /** A line of the institution list. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Summary(String id, String creditCode, String name, String registeredProvince, String status,
                          boolean crossRegion, List<String> businessProvinces, int branchCount,
                          String verificationState, LatestReport latestReport, long version, String access) {
    }

    /** Headline figures of the latest reported month (REG-03). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LatestReport(String period, Integer revision, BigDecimal loanBalance, Long lenders, Long borrowers,
                               BigDecimal newLending, BigDecimal overdueRate) {
    }

    /** The whole file (一户一档). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record File(String id, String creditCode, String registeredProvince, String name, String registeredAddress,
                       Person legalRepresentative, List<Shareholder> shareholders, List<Controller> actualControllers,
                       BigDecimal registeredCapital, LocalDate establishedOn, LocalDate lendingStartedOn,
                       List<Website> websites, String custodyBank, List<Branch> branches, String entityKind,
                       String cooperatingBank, String status, Boolean inScope, String verificationState,
                       LatestReport latestReport, List<String> businessProvinces, Boolean crossRegion,
                       Integer branchCount, long version, Instant createdAt, Instant updatedAt, String access,
                       List<Verification> verifications, Attestation attestation) {

        public File {
            shareholders = orEmpty(shareholders);
            actualControllers = orEmpty(actualControllers);
            websites = orEmpty(websites);
            branches = orEmpty(branches);
            businessProvinces = orEmpty(businessProvinces);
            verifications = orEmpty(verifications);
        }

        /** A file without verifications nor attestation (REG-06). */
        public File(String id, String creditCode, String registeredProvince, String name, String registeredAddress,
                    Person legalRepresentative, List<Shareholder> shareholders, List<Controller> actualControllers,
                    BigDecimal registeredCapital, LocalDate establishedOn, LocalDate lendingStartedOn,
                    List<Website> websites, String custodyBank, List<Branch> branches, String entityKind,
                    String cooperatingBank, String status, Boolean inScope, String verificationState,
                    LatestReport latestReport, List<String> businessProvinces, Boolean crossRegion,
                    Integer branchCount, long version, Instant createdAt, Instant updatedAt, String access) {
            this(id, creditCode, registeredProvince, name, registeredAddress, legalRepresentative, shareholders,
                    actualControllers, registeredCapital, establishedOn, lendingStartedOn, websites, custodyBank,
                    branches, entityKind, cooperatingBank, status, inScope, verificationState, latestReport,
                    businessProvinces, crossRegion, branchCount, version, createdAt, updatedAt, access, List.of(), null);
        }

        /** The registry lets this user change the file: the registration province (AUTH-02). */
        public boolean writable() {
            return "WRITE".equals(access);
        }
    }

    /** One verification of the file by the registration province (逐一核实, REG-06). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Verification(String method, LocalDate date, String officer, String outcome, List<String> confirmed,
                               List<String> corrected) {

        public Verification {
            confirmed = orEmpty(confirmed);
            corrected = orEmpty(corrected);
        }
    }

    /** The signed confirmation that closes the verification (签字确认, REG-06). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attestation(String signedBy, String position, LocalDate signedOn, String documentReference,
                              String recordedBy) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Person(String name, String idNumber) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Shareholder(String name, String type, BigDecimal sharePercent, String creditCode, String idNumber) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Controller(String name, String type, String creditCode, String idNumber) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Website(String kind, String address, String icpNumber) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Branch(String name, String province, String city, String address) {
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
