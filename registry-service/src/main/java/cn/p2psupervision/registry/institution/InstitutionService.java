package cn.p2psupervision.registry.institution;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.p2psupervision.platform.idempotency.IdempotencyKeys;
import cn.p2psupervision.platform.idempotency.RequestIdentity;
import cn.p2psupervision.platform.input.PageParameters;
import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.problem.RuleViolationException;
import cn.p2psupervision.platform.security.Access;
import cn.p2psupervision.platform.security.Caller;
import cn.p2psupervision.platform.security.ProvinceScope;

/**
 * The institution files: load → ask the scope rule → let the file change itself → commit (which also audits).
 * Records outside the caller's scope are answered as absent (AUTH-02).
 */
@Service
public class InstitutionService {

    private final InstitutionStore store;
    private final RegisterView register;
    private final IdempotencyKeys idempotencyKeys;
    private final Clock clock;

    public InstitutionService(InstitutionStore store, RegisterView register, IdempotencyKeys idempotencyKeys,
                              Clock clock) {
        this.store = store;
        this.register = register;
        this.idempotencyKeys = idempotencyKeys;
        this.clock = clock;
    }

    /**
     * REG-01/REG-02: opens a file. Central registers the base list anywhere; a province registers institutions of
     * its own province (AUTH-02). A retry of the same request returns the same file; another file with the same
     * credit code is a 409.
     */
    public InstitutionFile register(Caller caller, CreditCode code, String registeredProvince, Facts facts,
                                    FactSource.Source source, LocalDate asOf, String reason, RequestIdentity request) {
        if (!caller.isCentral() && !(caller.isProvincial() && caller.province().equals(registeredProvince))) {
            throw ProblemException.forbidden("A provincial office registers institutions of its own province only"
                    + " (AUTH-02)");
        }
        InstitutionFile file = InstitutionFile.register(code, registeredProvince, facts,
                sourceOf(caller, source, asOf), clock.instant());
        idempotencyKeys.claim(request);
        try {
            return store.commit(null, file, "REGISTER", reason, InstitutionVersion.ChangedBy.of(caller),
                    request.changeKeyFor(file.id()), request.bodyDigest());
        } catch (InstitutionStore.StaleVersionException exists) {
            throw ProblemException.conflict("An institution with credit code " + code.value() + " is already registered");
        } catch (InstitutionStore.RetriedWithOtherBody reused) {
            throw request.keyReused();
        }
    }

    /** A file the caller may read, by id or by credit code; absent and out of scope look the same. */
    public ScopedFile read(Caller caller, String idOrCode) {
        Optional<InstitutionFile> file = lookup(idOrCode);
        Access access = file.map(f -> accessOf(caller, f)).orElse(Access.NONE);
        if (!access.canRead()) {
            throw ProblemException.notFound("Institution", idOrCode);
        }
        return new ScopedFile(file.get(), access, seesPersonalData(caller, access));
    }

    /**
     * A file by id or by credit code for the platform's own services ({@code /internal/**}, role
     * {@code internal-service}, issue 7): no province scope, which a service identity does not have; 404 when absent.
     * Never for a user's request: those go through {@link #read(Caller, String)}.
     */
    public InstitutionFile readForService(String idOrCode) {
        return lookup(idOrCode).orElseThrow(() -> ProblemException.notFound("Institution", idOrCode));
    }

    private Optional<InstitutionFile> lookup(String idOrCode) {
        Optional<InstitutionFile> file = store.find(idOrCode);
        if (file.isEmpty() && CreditCode.isValid(idOrCode)) {
            file = store.find(InstitutionFile.idFor(CreditCode.parse(idOrCode)));
        }
        return file;
    }

    /**
     * REG-08: records a status decided in another context as a new version (action {@code STATUS}). The status fact
     * takes the decision as its source, on behalf of the registration province, so a later central import reports a
     * different status as a conflict instead of overwriting it (REG-05). The same status again changes nothing.
     */
    public StatusChanged changeStatus(Caller caller, String idOrCode, StatusChange change) {
        LocalDate decidedOn = change.decidedOn() == null ? LocalDate.now(clock) : change.decidedOn();
        if (decidedOn.isAfter(LocalDate.now(clock))) {
            throw new RuleViolationException("REG-08", "A status decision cannot be dated in the future");
        }
        for (int attempt = 1; ; attempt++) {
            InstitutionFile file = lookup(idOrCode).orElseThrow(() -> ProblemException.notFound("Institution", idOrCode));
            FactSource source = new FactSource(FactSource.Source.SUPERVISORY_DECISION, decidedOn, caller.username(),
                    file.registeredProvince(), false);
            InstitutionFile next = file.changeStatus(change.status(), source, clock.instant());
            if (next == file) {
                return new StatusChanged(file, false);
            }
            try {
                return new StatusChanged(store.commit(file, next, "STATUS", change.describe(),
                        InstitutionVersion.ChangedBy.of(caller), change.changeKey()), true);
            } catch (InstitutionStore.StaleVersionException changedMeanwhile) {
                if (attempt == 3) {
                    throw ProblemException.conflict("The file kept changing while the status was recorded; retry");
                }
            }
        }
    }

    /** REG-05/REG-07: the next version of the facts, if the caller may write the file and read its current version. */
    public InstitutionFile amend(Caller caller, String idOrCode, long basedOn, FactsChange change,
                                 RequestIdentity request) {
        Target target = writable(caller, idOrCode, basedOn, request);
        if (target.retried() != null) {
            return target.retried();
        }
        InstitutionFile file = target.file();
        Facts proposed = change.apply(file.facts());
        InstitutionFile next = file.amend(proposed, sourceOf(caller, change.source(), change.asOf()), clock.instant());
        if (next == file) {
            return file;
        }
        return commit(file, next, "AMEND", change.reason(), caller, request);
    }

    /** REG-06: records a verification with the facts it confirmed and corrected. */
    public InstitutionFile verify(Caller caller, String idOrCode, long basedOn, Verification verification,
                                  FactsChange corrections, RequestIdentity request) {
        Target target = writable(caller, idOrCode, basedOn, request);
        if (target.retried() != null) {
            return target.retried();
        }
        InstitutionFile file = target.file();
        Verification byCaller = new Verification(verification.method(), verification.date(), caller.username(),
                verification.outcome(), verification.confirmed(), List.of());
        InstitutionFile next = file.verify(byCaller, corrections.apply(file.facts()), caller.province(), clock.instant());
        return commit(file, next, "VERIFY", verification.outcome(), caller, request);
    }

    /** REG-06: the signed confirmation by the legal representative or a senior executive. */
    public InstitutionFile attest(Caller caller, String idOrCode, long basedOn, Attestation attestation,
                                  RequestIdentity request) {
        Target target = writable(caller, idOrCode, basedOn, request);
        if (target.retried() != null) {
            return target.retried();
        }
        InstitutionFile file = target.file();
        Attestation recorded = new Attestation(attestation.signedBy(), attestation.position(), attestation.signedOn(),
                attestation.documentReference(), caller.username());
        return commit(file, file.attest(recorded, clock.instant()), "ATTEST",
                "Signed confirmation " + attestation.documentReference(), caller, request);
    }

    /**
     * The register as of now, every committed version included (one read of the commit sequence): a request takes it
     * once and answers its ETag and its content from it.
     */
    public RegisterView.Snapshot register() {
        return register.current();
    }

    /** AUTH-02: the files a caller may list, filtered and paged. */
    public Page<ScopedEntry> list(Caller caller, EntryFilter filter, PageParameters paging) {
        return list(caller, filter, paging, register.current());
    }

    /** AUTH-02: the files a caller may list, filtered and paged, from {@code snapshot}. */
    public Page<ScopedEntry> list(Caller caller, EntryFilter filter, PageParameters paging,
                                  RegisterView.Snapshot snapshot) {
        ProvinceScope.ReadableRecords readable = ProvinceScope.readable(caller);
        if (readable.none()) {
            return new Page<>(List.of(), paging.page(), paging.size(), 0);
        }
        RegisterView.Page page = snapshot.page(readable, filter, paging);
        List<ScopedEntry> content = page.content().stream()
                .map(entry -> new ScopedEntry(entry, accessOf(caller, entry.registeredProvince(), entry.businessProvinces())))
                .toList();
        return new Page<>(content, paging.page(), paging.size(), page.total());
    }

    /**
     * REG-04: the group of the file's actual controllers — every file sharing a controller's credit code or identity
     * number, the controllers that are themselves registered, and the files this institution controls. Members out of
     * the caller's scope are shown only as credit code, name and province.
     */
    public Group group(Caller caller, String idOrCode) {
        ScopedFile file = read(caller, idOrCode);
        InstitutionFile self = file.file();
        List<ScopedEntry> members = new ArrayList<>();
        for (InstitutionEntry member : register.current().group(self)) {
            members.add(new ScopedEntry(member, accessOf(caller, member.registeredProvince(), member.businessProvinces())));
        }
        if (members.stream().noneMatch(m -> m.entry().id().equals(self.id()))) {
            members.add(0, new ScopedEntry(InstitutionEntry.of(self, null), file.access()));
        }
        return new Group(file, members);
    }

    /** REG-07: every version of a readable file, oldest first. */
    public List<InstitutionVersion> history(Caller caller, String idOrCode) {
        ScopedFile file = read(caller, idOrCode);
        return store.versions(file.file().id(), file.file().version());
    }

    /** REG-07: one version and the one before it (absent for version 1). */
    public VersionPair version(Caller caller, String idOrCode, long version) {
        ScopedFile file = read(caller, idOrCode);
        InstitutionVersion wanted = store.version(file.file().id(), version)
                .orElseThrow(() -> ProblemException.notFound("Version", idOrCode + "/" + version));
        InstitutionVersion previous = version > 1 ? store.version(file.file().id(), version - 1).orElse(null) : null;
        return new VersionPair(file, wanted, previous);
    }

    /**
     * The file to change at version {@code basedOn}; or, when this very request (same change key) already made the
     * version after {@code basedOn}, that result: a retry after a lost response succeeds without a new version (REG-07).
     */
    private Target writable(Caller caller, String idOrCode, long basedOn, RequestIdentity request) {
        ScopedFile scoped = read(caller, idOrCode);
        if (!scoped.access().canWrite()) {
            throw ProblemException.forbidden(caller.isCentral()
                    ? "Central reads provincial files but does not overwrite them (AUTH-03)"
                    : "A business-place province reads this file but only the registration province writes it (AUTH-02)");
        }
        InstitutionFile current = scoped.file();
        if (current.version() != basedOn) {
            if (current.version() > basedOn) {
                String changeKey = changeKeyOf(request, current, basedOn);
                Optional<InstitutionVersion> next = store.version(current.id(), basedOn + 1)
                        .filter(v -> changeKey.equals(v.changeKey()));
                if (next.isPresent()) {
                    request.checkSameBody(next.get().requestDigest());
                    return new Target(null, next.get().version() == current.version() ? current
                            : next.get().snapshot());
                }
            }
            throw ProblemException.staleVersion(current.version());
        }
        return new Target(current, null);
    }

    /** What a write works on: the current file, or the result of the same request made before. */
    private record Target(InstitutionFile file, InstitutionFile retried) {
    }

    private InstitutionFile commit(InstitutionFile file, InstitutionFile next, String action, String reason,
                                   Caller caller, RequestIdentity request) {
        idempotencyKeys.claim(request);
        try {
            return store.commit(file, next, action, reason, InstitutionVersion.ChangedBy.of(caller),
                    changeKeyOf(request, file, file.version()), request.bodyDigest());
        } catch (InstitutionStore.StaleVersionException stale) {
            throw ProblemException.staleVersion(stale.basedOn() + 1);
        } catch (InstitutionStore.RetriedWithOtherBody reused) {
            throw request.keyReused();
        }
    }

    /**
     * The change key of a request on a file at a version: by the file's id, not the path that named it, so that a
     * retry answers the same whether it names the file by id or by credit code.
     */
    private static String changeKeyOf(RequestIdentity request, InstitutionFile file, long basedOn) {
        return request.changeKeyFor(file.id() + "@" + basedOn);
    }

    private FactSource sourceOf(Caller caller, FactSource.Source source, LocalDate asOf) {
        return new FactSource(source == null ? FactSource.Source.INSTITUTION : source,
                asOf == null ? LocalDate.now(clock) : asOf, caller.username(),
                caller.isProvincial() ? caller.province() : null, false);
    }

    static Access accessOf(Caller caller, InstitutionFile file) {
        return accessOf(caller, file.registeredProvince(), file.businessProvinces());
    }

    private static Access accessOf(Caller caller, String registeredProvince, List<String> businessProvinces) {
        return ProvinceScope.accessTo(caller, registeredProvince, businessProvinces);
    }

    /** Identity documents are shown to central and to the owning (registration) province only. */
    static boolean seesPersonalData(Caller caller, Access access) {
        return caller.isCentral() || access.canWrite();
    }

    /** A file with what the caller may do with it. */
    public record ScopedFile(InstitutionFile file, Access access, boolean personalData) {
    }

    /** The file after a status change, and whether it made a new version. */
    public record StatusChanged(InstitutionFile file, boolean changed) {
    }

    /** A register line with what the caller may do with its file. */
    public record ScopedEntry(InstitutionEntry entry, Access access) {
    }

    public record Group(ScopedFile of, List<ScopedEntry> members) {
    }

    public record VersionPair(ScopedFile file, InstitutionVersion version, InstitutionVersion previous) {
    }

    public record Page<T>(List<T> content, int page, int size, long totalElements) {
        public long totalPages() {
            return size == 0 ? 0 : (totalElements + size - 1) / size;
        }
    }

    /**
     * A requested change of facts with its provenance and reason.
     *
     * @param patch turns the current facts into the proposed ones (a merge patch)
     */
    public record FactsChange(java.util.function.UnaryOperator<Facts> patch, FactSource.Source source, LocalDate asOf,
                              String reason) {
        Facts apply(Facts current) {
            return patch.apply(current);
        }
    }
}
