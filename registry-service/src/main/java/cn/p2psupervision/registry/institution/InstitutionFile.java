package cn.p2psupervision.registry.institution;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import cn.p2psupervision.platform.problem.RuleViolationException;
import cn.p2psupervision.platform.province.Province;

/**
 * One file per institution (一户一档, REG-01): its identity (credit code, registered province), its facts with their
 * provenance, its verification state, and the version it is at. Immutable: every change returns the next version.
 * Derived members (business provinces, cross-region flag, controller keys, name key) are recomputed from the facts,
 * so they can never disagree with them.
 */
public record InstitutionFile(String id, String creditCode, String registeredProvince, Facts facts,
                              Map<String, FactSource> provenance, VerificationState verificationState,
                              List<Verification> verifications, Attestation attestation, ReportFigures latestReport,
                              long version, Instant createdAt, Instant updatedAt,
                              List<String> businessProvinces, boolean crossRegion, List<String> controllerKeys,
                              String nameKey) {

    public InstitutionFile {
        provenance = Map.copyOf(provenance == null ? Map.of() : provenance);
        verifications = verifications == null ? List.of() : List.copyOf(verifications);
        verificationState = verificationState == null ? VerificationState.UNVERIFIED : verificationState;
        businessProvinces = businessProvincesOf(facts, registeredProvince);
        crossRegion = !businessProvinces.isEmpty();
        controllerKeys = facts.actualControllers().stream().map(Facts.Controller::linkKey).filter(Objects::nonNull)
                .distinct().toList();
        nameKey = facts.name().toLowerCase(Locale.ROOT);
    }

    /** The opaque id of the file: derived from the credit code, so a retried registration can never make a second file. */
    public static String idFor(CreditCode code) {
        return UUID.nameUUIDFromBytes(("institution:" + code.value()).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** REG-01/REG-05: opens the file at version 1; every given fact takes the given source. */
    public static InstitutionFile register(CreditCode code, String registeredProvince, Facts facts, FactSource source,
                                           Instant at) {
        if (!Province.isValidCode(registeredProvince)) {
            throw new RuleViolationException("REG-02", "Registered province '" + registeredProvince
                    + "' is not a GB/T 2260 province code");
        }
        checkFacts(facts, at);
        Map<String, FactSource> provenance = new LinkedHashMap<>();
        for (String fact : presentFacts(facts)) {
            provenance.put(fact, source);
        }
        return new InstitutionFile(idFor(code), code.value(), registeredProvince, facts, provenance,
                VerificationState.UNVERIFIED, List.of(), null, null, 1, at, at, null, false, null, null);
    }

    /** The facts whose values differ between this file and {@code proposed}. */
    public List<String> changedFacts(Facts proposed) {
        Map<String, Object> before = FactValues.of(facts);
        Map<String, Object> after = FactValues.of(proposed);
        return Facts.NAMES.stream().filter(name -> !Objects.equals(before.get(name), after.get(name))).toList();
    }

    /**
     * REG-05/REG-07: the next version with {@code proposed} facts; each changed fact takes {@code source}.
     * Returns this file unchanged when nothing differs.
     */
    public InstitutionFile amend(Facts proposed, FactSource source, Instant at) {
        List<String> changed = changedFacts(proposed);
        if (changed.isEmpty()) {
            return this;
        }
        checkFacts(proposed, at);
        Map<String, FactSource> newProvenance = new LinkedHashMap<>(provenance);
        for (String fact : changed) {
            newProvenance.put(fact, source);
        }
        return next(proposed, newProvenance, verificationState, verifications, attestation, at);
    }

    /** REG-05: the facts a central import would change although a province edited or verified them. */
    public List<String> provincialFactsChangedBy(Facts imported) {
        return changedFacts(imported).stream()
                .filter(fact -> provenance.containsKey(fact) && provenance.get(fact).provincial())
                .toList();
    }

    /**
     * REG-06: records a verification; corrected facts take the verification as their source, confirmed facts are
     * marked verified.
     */
    public InstitutionFile verify(Verification verification, Facts corrected, String province, Instant at) {
        if (verification.date().isAfter(today(at))) {
            throw new RuleViolationException("REG-06", "A verification cannot be dated in the future");
        }
        List<String> changed = changedFacts(corrected);
        checkFacts(corrected, at);
        Map<String, FactSource> newProvenance = new LinkedHashMap<>(provenance);
        FactSource verifiedSource = new FactSource(FactSource.Source.VERIFICATION, verification.date(),
                verification.officer(), province, true);
        for (String fact : changed) {
            newProvenance.put(fact, verifiedSource);
        }
        for (String fact : verification.confirmed()) {
            if (!Facts.NAMES.contains(fact)) {
                throw new RuleViolationException("REG-06", "'" + fact + "' is not a fact of the file; facts are "
                        + Facts.NAMES);
            }
            FactSource current = newProvenance.get(fact);
            newProvenance.put(fact, current == null ? verifiedSource
                    : new FactSource(current.source(), current.asOf(), current.recordedBy(), province, true));
        }
        Verification recorded = new Verification(verification.method(), verification.date(), verification.officer(),
                verification.outcome(), verification.confirmed(), changed);
        List<Verification> all = new ArrayList<>(verifications);
        all.add(recorded);
        VerificationState state = verificationState == VerificationState.CONFIRMED && changed.isEmpty()
                ? VerificationState.CONFIRMED : VerificationState.IN_VERIFICATION;
        return next(corrected, newProvenance, state, all, state == VerificationState.CONFIRMED ? attestation : null, at);
    }

    /** REG-06: the signed confirmation closes the verification; it needs at least one verification first. */
    public InstitutionFile attest(Attestation signed, Instant at) {
        if (verifications.isEmpty()) {
            throw new RuleViolationException("REG-06",
                    "Record at least one verification before the signed confirmation");
        }
        if (signed.signedOn().isAfter(today(at))) {
            throw new RuleViolationException("REG-06", "The signed confirmation cannot be dated in the future");
        }
        if (signed.signedOn().isBefore(verifications.get(verifications.size() - 1).date())) {
            throw new RuleViolationException("REG-06",
                    "The signed confirmation cannot predate the last verification");
        }
        return next(facts, provenance, VerificationState.CONFIRMED, verifications, signed, at);
    }

    /** REG-08: a status change from another context (filing, banning, incidents), recorded like any change. */
    public InstitutionFile changeStatus(InstitutionStatus status, FactSource source, Instant at) {
        Facts changed = new Facts(facts.name(), facts.registeredAddress(), facts.legalRepresentative(),
                facts.shareholders(), facts.actualControllers(), facts.registeredCapital(), facts.establishedOn(),
                facts.lendingStartedOn(), facts.websites(), facts.custodyBank(), facts.branches(), facts.entityKind(),
                facts.cooperatingBank(), status, facts.inScope());
        return amend(changed, source, at);
    }

    /** The file as a version snapshot: the report figures are not facts and change without a version. */
    public InstitutionFile withoutFigures() {
        return latestReport == null ? this : new InstitutionFile(id, creditCode, registeredProvince, facts, provenance,
                verificationState, verifications, attestation, null, version, createdAt, updatedAt, null, false,
                null, null);
    }

    private InstitutionFile next(Facts newFacts, Map<String, FactSource> newProvenance, VerificationState state,
                                 List<Verification> newVerifications, Attestation newAttestation, Instant at) {
        return new InstitutionFile(id, creditCode, registeredProvince, newFacts, newProvenance, state,
                newVerifications, newAttestation, latestReport, version + 1, createdAt, at, null, false, null, null);
    }

    /** REG-02: dates cannot lie in the future, lending cannot start before establishment, shares add up to 100 % at most. */
    private static LocalDate today(Instant at) {
        return LocalDate.ofInstant(at, java.time.ZoneId.of("Asia/Shanghai"));
    }

    private static void checkFacts(Facts facts, Instant at) {
        LocalDate today = today(at);
        if (facts.establishedOn() != null && facts.establishedOn().isAfter(today)) {
            throw new RuleViolationException("REG-02", "establishedOn " + facts.establishedOn() + " is in the future");
        }
        if (facts.lendingStartedOn() != null && facts.lendingStartedOn().isAfter(today)) {
            throw new RuleViolationException("REG-02", "lendingStartedOn " + facts.lendingStartedOn() + " is in the future");
        }
        if (facts.establishedOn() != null && facts.lendingStartedOn() != null
                && facts.lendingStartedOn().isBefore(facts.establishedOn())) {
            throw new RuleViolationException("REG-02", "lendingStartedOn precedes establishedOn");
        }
        java.math.BigDecimal shares = facts.shareholders().stream().map(Facts.Shareholder::sharePercent)
                .filter(Objects::nonNull).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
        if (shares.compareTo(new java.math.BigDecimal("100.00")) > 0) {
            throw new RuleViolationException("REG-02", "Shareholders' shares add up to " + shares + " %, over 100 %");
        }
        for (Facts.Branch branch : facts.branches()) {
            if (!Province.isValidCode(branch.province())) {
                throw new RuleViolationException("REG-02", "Branch '" + branch.name() + "' has unknown province "
                        + branch.province());
            }
        }
        for (int i = 0; i < facts.shareholders().size(); i++) {
            checkCode(facts.shareholders().get(i).creditCode(), "shareholders[" + i + "].creditCode");
        }
        for (int i = 0; i < facts.actualControllers().size(); i++) {
            checkCode(facts.actualControllers().get(i).creditCode(), "actualControllers[" + i + "].creditCode");
        }
    }

    /** REG-01: a shareholder's or controller's credit code is checked like the file's own (400, never 422). */
    private static void checkCode(String code, String member) {
        if (code != null && !code.isBlank()) {
            try {
                CreditCode.parse(code);
            } catch (InvalidCreditCodeException invalid) {
                throw invalid.at(member);
            }
        }
    }

    private static List<String> presentFacts(Facts facts) {
        Map<String, Object> values = FactValues.of(facts);
        return Facts.NAMES.stream().filter(name -> {
            Object value = values.get(name);
            return value != null && !(value instanceof List<?> list && list.isEmpty());
        }).toList();
    }

    private static List<String> businessProvincesOf(Facts facts, String registeredProvince) {
        return facts.branches().stream().map(Facts.Branch::province)
                .filter(p -> p != null && !p.equals(registeredProvince)).distinct().sorted().toList();
    }
}
