package cn.p2psupervision.registry.institution;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import cn.p2psupervision.platform.idempotency.RequestIdentity;
import cn.p2psupervision.platform.input.IfMatch;
import cn.p2psupervision.platform.input.JsonMembers;
import cn.p2psupervision.platform.input.PageParameters;
import cn.p2psupervision.platform.problem.InvalidInputException;
import cn.p2psupervision.platform.security.Access;
import cn.p2psupervision.platform.security.Caller;
import cn.p2psupervision.platform.security.ProvinceScope;
import cn.p2psupervision.registry.institution.InstitutionService.FactsChange;
import cn.p2psupervision.registry.institution.InstitutionService.ScopedFile;
import cn.p2psupervision.registry.institution.InstitutionViews.Change;
import cn.p2psupervision.registry.institution.InstitutionViews.DiffView;
import cn.p2psupervision.registry.institution.InstitutionViews.GroupMember;
import cn.p2psupervision.registry.institution.InstitutionViews.GroupView;
import cn.p2psupervision.registry.institution.InstitutionViews.HistoryEntry;
import cn.p2psupervision.registry.institution.InstitutionViews.InstitutionSummary;
import cn.p2psupervision.registry.institution.InstitutionViews.InstitutionView;
import cn.p2psupervision.registry.institution.InstitutionViews.PageView;
import cn.p2psupervision.registry.institution.InstitutionViews.SnapshotView;

/**
 * {@code /api/v1/registry/institutions}: one file per institution (一户一档). A file is named by its id or its credit
 * code ({@link InstitutionPaths#FILE}).
 */
@RestController
@RequestMapping(InstitutionPaths.BASE)
class InstitutionController {

    private static final Set<String> NOT_DIFFED = Set.of("version", "updatedAt", "createdAt", "access", "latestReport");
    private static final Map<String, String> SORTABLE = Map.of("name", "nameKey", "creditCode", "creditCode",
            "registeredProvince", "registeredProvince", "loanBalance", "latestReport.loanBalance",
            "updatedAt", "updatedAt");

    private final InstitutionService institutions;
    private final FactsJson factsJson;

    InstitutionController(InstitutionService institutions, FactsJson factsJson) {
        this.institutions = institutions;
        this.factsJson = factsJson;
    }

    /** REG-01/REG-02: opens a file. Body: {@code creditCode}, {@code registeredProvince}, the facts, and optionally {@code source}, {@code asOf}, {@code reason}. */
    @PostMapping
    ResponseEntity<InstitutionView> register(@RequestBody ObjectNode body, Caller caller,
                                             @RequestHeader(value = RequestIdentity.HEADER, required = false) String idempotencyKey) {
        RequestIdentity request = RequestIdentity.of(caller, "POST institution", idempotencyKey, body.toString());
        CreditCode code = creditCode(JsonMembers.takeText(body, "creditCode", 40));
        String province = JsonMembers.takeText(body, "registeredProvince", 10);
        if (province == null) {
            throw new InvalidInputException("registeredProvince", "is required");
        }
        Meta meta = meta(body);
        InstitutionFile file = institutions.register(caller, code, province, factsJson.read(body), meta.source(),
                meta.asOf(), meta.reason(), request);
        return ResponseEntity.created(URI.create(InstitutionPaths.BASE + "/" + file.id()))
                .eTag(etag(file)).body(InstitutionView.of(file, true, ProvinceScope.accessTo(caller,
                        file.registeredProvince(), file.businessProvinces())));
    }

    /** A file by id or by credit code. */
    @GetMapping(InstitutionPaths.FILE)
    ResponseEntity<InstitutionView> get(@PathVariable String idOrCode, Caller caller, WebRequest request) {
        ScopedFile file = institutions.read(caller, idOrCode);
        if (request.checkNotModified(etag(file.file()))) {
            return null;
        }
        return ResponseEntity.ok().eTag(etag(file.file())).body(InstitutionView.of(file));
    }

    @GetMapping("/by-code/{creditCode}")
    ResponseEntity<InstitutionView> byCode(@PathVariable String creditCode, Caller caller, WebRequest request) {
        ScopedFile file = institutions.read(caller, InstitutionFile.idFor(creditCode(creditCode)));
        if (request.checkNotModified(etag(file.file()))) {
            return null;
        }
        return ResponseEntity.ok().eTag(etag(file.file())).body(InstitutionView.of(file));
    }

    /** REG-07: JSON merge patch of the facts, based on the version in {@code If-Match}. */
    @PatchMapping(path = InstitutionPaths.FILE, consumes = {"application/merge-patch+json", "application/json"})
    ResponseEntity<InstitutionView> amend(@PathVariable String idOrCode, @RequestBody ObjectNode patch, Caller caller,
                                          @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                          @RequestHeader(value = RequestIdentity.HEADER, required = false) String idempotencyKey) {
        long basedOn = versionOf(ifMatch);
        RequestIdentity request = RequestIdentity.of(caller, "PATCH institution", idempotencyKey, patch.toString());
        Meta meta = meta(patch);
        InstitutionFile file = institutions.amend(caller, idOrCode, basedOn,
                new FactsChange(current -> factsJson.merge(current, patch), meta.source(), meta.asOf(), meta.reason()),
                request);
        return ResponseEntity.ok().eTag(etag(file)).body(InstitutionView.of(file, true, Access.WRITE));
    }

    /** REG-06: a verification; {@code corrections} is a merge patch of the facts it corrected. */
    @PostMapping(InstitutionPaths.FILE + "/verifications")
    ResponseEntity<InstitutionView> verify(@PathVariable String idOrCode, @RequestBody ObjectNode body, Caller caller,
                                           @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        long basedOn = versionOf(ifMatch);
        RequestIdentity request = RequestIdentity.of(caller, "VERIFY institution", null, body.toString());
        ObjectNode corrections = JsonMembers.takeObject(body, "corrections");
        Verification verification = factsJson.validated(factsJson.convert(body, VerificationRequest.class)).toVerification();
        FactsChange change = new FactsChange(current -> corrections == null ? current
                : factsJson.merge(current, corrections), FactSource.Source.VERIFICATION,
                verification.date(), verification.outcome());
        InstitutionFile file = institutions.verify(caller, idOrCode, basedOn, verification, change, request);
        return ResponseEntity.status(HttpStatus.CREATED).eTag(etag(file)).body(InstitutionView.of(file, true, Access.WRITE));
    }

    /** REG-06: the signed confirmation. */
    @PostMapping(InstitutionPaths.FILE + "/attestation")
    ResponseEntity<InstitutionView> attest(@PathVariable String idOrCode, @RequestBody ObjectNode body, Caller caller,
                                           @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        long basedOn = versionOf(ifMatch);
        RequestIdentity request = RequestIdentity.of(caller, "ATTEST institution", null, body.toString());
        AttestationRequest attestation = factsJson.validated(factsJson.convert(body, AttestationRequest.class));
        InstitutionFile file = institutions.attest(caller, idOrCode, basedOn, attestation.toAttestation(), request);
        return ResponseEntity.status(HttpStatus.CREATED).eTag(etag(file)).body(InstitutionView.of(file, true, Access.WRITE));
    }

    /** AUTH-02/REG-10: the files in the caller's scope, filtered and paged. */
    @GetMapping
    ResponseEntity<PageView<InstitutionSummary>> list(Caller caller, WebRequest request,
                                      @RequestParam(required = false) String province,
                                      @RequestParam(required = false) InstitutionStatus status,
                                      @RequestParam(required = false) Boolean crossRegion,
                                      @RequestParam(required = false) String namePrefix,
                                      @RequestParam(required = false) String controller,
                                      @RequestParam(required = false) VerificationState verificationState,
                                      @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "20") int size,
                                      @RequestParam(defaultValue = "name") String sort) {
        PageParameters paging = PageParameters.of(page, size, 200, sort, SORTABLE, "name");
        RegisterView.Snapshot register = institutions.register();
        String etag = RegisterEtags.of(register.seq(), caller, queryOf(request));
        if (request.checkNotModified(etag)) {
            return null;
        }
        var result = institutions.list(caller, new EntryFilter(province, status, crossRegion, namePrefix, controller,
                verificationState),
                paging, register);
        return ResponseEntity.ok().eTag(etag).body(new PageView<>(result.content().stream().map(InstitutionSummary::of)
                .toList(), result.page(), result.size(), result.totalElements(), result.totalPages()));
    }

    /** REG-04: the controller's whole group. */
    @GetMapping(InstitutionPaths.FILE + "/group")
    GroupView group(@PathVariable String idOrCode, Caller caller) {
        InstitutionService.Group group = institutions.group(caller, idOrCode);
        Facts facts = group.of().personalData() ? group.of().file().facts() : group.of().file().facts().masked();
        return new GroupView(group.of().file().id(), facts.actualControllers(),
                group.members().stream().map(GroupMember::of).toList());
    }

    /** REG-07: the versions of a file, oldest first. */
    @GetMapping(InstitutionPaths.FILE + "/history")
    List<HistoryEntry> history(@PathVariable String idOrCode, Caller caller) {
        return institutions.history(caller, idOrCode).stream().map(HistoryEntry::of).toList();
    }

    /** REG-07: a version as a snapshot. */
    @GetMapping(InstitutionPaths.FILE + "/history/{version}")
    SnapshotView snapshot(@PathVariable String idOrCode, @PathVariable long version, Caller caller) {
        InstitutionService.VersionPair pair = institutions.version(caller, idOrCode, version);
        InstitutionVersion v = pair.version();
        return new SnapshotView(v.version(), v.action(), v.reason(), v.at(), v.by(),
                InstitutionView.of(v.snapshot(), pair.file().personalData(), pair.file().access()));
    }

    /** REG-07: a version as a diff from the one before. */
    @GetMapping(InstitutionPaths.FILE + "/history/{version}/diff")
    DiffView diff(@PathVariable String idOrCode, @PathVariable long version, Caller caller) {
        InstitutionService.VersionPair pair = institutions.version(caller, idOrCode, version);
        boolean personal = pair.file().personalData();
        InstitutionVersion v = pair.version();
        JsonNode after = comparable(v.snapshot(), personal);
        // version 1 is compared with an empty file, so that it too lists its members one by one
        JsonNode before = pair.previous() == null ? factsJson.toTree(Map.of())
                : comparable(pair.previous().snapshot(), personal);
        List<Change> changes = InstitutionViews.diff(before, after);
        return new DiffView(v.version(), pair.previous() == null ? null : pair.previous().version(), v.action(),
                v.reason(), v.at(), v.by(), changes);
    }

    private JsonNode comparable(InstitutionFile snapshot, boolean personal) {
        ObjectNode tree = factsJson.toTree(InstitutionView.of(snapshot, personal, Access.READ));
        NOT_DIFFED.forEach(tree::remove);
        return tree;
    }

    /** The request members beside the facts: {@code source} (a claimable source), {@code asOf}, {@code reason}. */
    private static Meta meta(ObjectNode body) {
        FactSource.Source source = JsonMembers.takeEnum(body, "source", FactSource.Source.class);
        if (source != null && !source.claimable()) {
            throw new InvalidInputException("source", source == FactSource.Source.VERIFICATION
                    ? "VERIFICATION is recorded through POST .../verifications, not by naming the source"
                    : "SUPERVISORY_DECISION reaches the registry from the deciding context (REG-08)");
        }
        return new Meta(source, JsonMembers.takeDate(body, "asOf"), JsonMembers.takeText(body, "reason", 2000));
    }

    private static CreditCode creditCode(String raw) {
        if (raw == null) {
            throw new InvalidInputException("creditCode", "is required");
        }
        return CreditCode.parse(raw);
    }

    /** The query string as sent: part of a list's entity tag. */
    static String queryOf(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest().getQueryString() : null;
    }

    static String etag(InstitutionFile file) {
        return IfMatch.etag(file.version());
    }

    /** The version an update is based on: {@code If-Match: "3"} (428 when absent). */
    static long versionOf(String ifMatch) {
        return IfMatch.version(ifMatch);
    }

    private record Meta(FactSource.Source source, LocalDate asOf, String reason) {
    }

    /** Body of a verification (REG-06); the officer is the caller. */
    record VerificationRequest(@jakarta.validation.constraints.NotNull Verification.Method method,
                               @jakarta.validation.constraints.NotNull LocalDate date,
                               @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 2000) String outcome,
                               @jakarta.validation.constraints.Size(max = 15) List<@jakarta.validation.constraints.Size(max = 50) String> confirmed) {
        Verification toVerification() {
            return new Verification(method, date, null, outcome, confirmed, List.of());
        }
    }

    /** Body of the signed confirmation (REG-06). */
    record AttestationRequest(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 100) String signedBy,
                              @jakarta.validation.constraints.NotNull Attestation.Position position,
                              @jakarta.validation.constraints.NotNull LocalDate signedOn,
                              @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 200) String documentReference) {
        Attestation toAttestation() {
            return new Attestation(signedBy, position, signedOn, documentReference, null);
        }
    }
}
