package cn.p2psupervision.registry.institution;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.problem.ProblemType;
import cn.p2psupervision.platform.security.Caller;
import cn.p2psupervision.registry.institution.InstitutionService.FactsChange;
import cn.p2psupervision.registry.institution.InstitutionService.InstitutionFilter;
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

/** {@code /api/v1/registry/institutions}: one file per institution (一户一档). */
@RestController
@RequestMapping("/api/v1/registry/institutions")
class InstitutionController {

    /** Members of a request body that describe the request, not facts of the file. */
    private static final Set<String> META = Set.of("source", "asOf", "reason");
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
                                             @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) {
        String key = changeKey(caller, "POST", "", body, idempotencyKey);
        CreditCode code = creditCode(text(body.remove("creditCode")));
        String province = text(body.remove("registeredProvince"));
        if (province == null) {
            throw ProblemException.invalid("registeredProvince is required");
        }
        Meta meta = meta(body);
        InstitutionFile file = institutions.register(caller, code, province, factsJson.read(body), meta.source(),
                meta.asOf(), meta.reason(), key);
        return ResponseEntity.created(URI.create("/api/v1/registry/institutions/" + file.id()))
                .eTag(etag(file)).body(InstitutionView.of(file, true, caller.isCentral() ? "READ" : "WRITE"));
    }

    /** A file by id or by credit code. */
    @GetMapping("/{idOrCode}")
    ResponseEntity<InstitutionView> get(@PathVariable String idOrCode, Caller caller) {
        ScopedFile file = institutions.read(caller, idOrCode);
        return ResponseEntity.ok().eTag(etag(file.file())).body(InstitutionView.of(file));
    }

    @GetMapping("/by-code/{creditCode}")
    ResponseEntity<InstitutionView> byCode(@PathVariable String creditCode, Caller caller) {
        ScopedFile file = institutions.read(caller, InstitutionFile.idFor(creditCode(creditCode)));
        return ResponseEntity.ok().eTag(etag(file.file())).body(InstitutionView.of(file));
    }

    /** REG-07: JSON merge patch of the facts, based on the version in {@code If-Match}. */
    @PatchMapping(path = "/{idOrCode}", consumes = {"application/merge-patch+json", "application/json"})
    ResponseEntity<InstitutionView> amend(@PathVariable String idOrCode, @RequestBody ObjectNode patch, Caller caller,
                                          @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                          @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) {
        long basedOn = versionOf(ifMatch);
        String key = changeKey(caller, "PATCH", idOrCode + "@" + basedOn, patch, idempotencyKey);
        Meta meta = meta(patch);
        InstitutionFile file = institutions.amend(caller, idOrCode, basedOn,
                new FactsChange(current -> factsJson.merge(current, patch), meta.source(), meta.asOf(), meta.reason()),
                key);
        return ResponseEntity.ok().eTag(etag(file)).body(InstitutionView.of(file, true, "WRITE"));
    }

    /** REG-06: a verification; {@code corrections} is a merge patch of the facts it corrected. */
    @PostMapping("/{idOrCode}/verifications")
    ResponseEntity<InstitutionView> verify(@PathVariable String idOrCode, @RequestBody ObjectNode body, Caller caller,
                                           @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        long basedOn = versionOf(ifMatch);
        String key = changeKey(caller, "VERIFY", idOrCode + "@" + basedOn, body, null);
        JsonNode corrections = body.remove("corrections");
        Verification verification = factsJson.validated(factsJson.convert(body, VerificationRequest.class)).toVerification();
        FactsChange change = new FactsChange(current -> corrections == null || corrections.isNull() ? current
                : factsJson.merge(current, asObject(corrections, "corrections")), FactSource.Source.VERIFICATION,
                verification.date(), verification.outcome());
        InstitutionFile file = institutions.verify(caller, idOrCode, basedOn, verification, change, key);
        return ResponseEntity.status(HttpStatus.CREATED).eTag(etag(file)).body(InstitutionView.of(file, true, "WRITE"));
    }

    /** REG-06: the signed confirmation. */
    @PostMapping("/{idOrCode}/attestation")
    ResponseEntity<InstitutionView> attest(@PathVariable String idOrCode, @RequestBody ObjectNode body, Caller caller,
                                           @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        long basedOn = versionOf(ifMatch);
        String key = changeKey(caller, "ATTEST", idOrCode + "@" + basedOn, body, null);
        AttestationRequest request = factsJson.validated(factsJson.convert(body, AttestationRequest.class));
        InstitutionFile file = institutions.attest(caller, idOrCode, basedOn, request.toAttestation(), key);
        return ResponseEntity.status(HttpStatus.CREATED).eTag(etag(file)).body(InstitutionView.of(file, true, "WRITE"));
    }

    /** AUTH-02/REG-10: the files in the caller's scope, filtered and paged. */
    @GetMapping
    PageView<InstitutionSummary> list(Caller caller,
                                      @RequestParam(required = false) String province,
                                      @RequestParam(required = false) InstitutionStatus status,
                                      @RequestParam(required = false) Boolean crossRegion,
                                      @RequestParam(required = false) String namePrefix,
                                      @RequestParam(required = false) String controller,
                                      @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "20") int size,
                                      @RequestParam(defaultValue = "name") String sort) {
        if (page < 0 || size < 1 || size > 200) {
            throw ProblemException.invalid("page must be >= 0 and size between 1 and 200");
        }
        var result = institutions.list(caller, new InstitutionFilter(province, status, crossRegion, namePrefix, controller),
                page, size, sortOf(sort));
        return new PageView<>(result.content().stream().map(InstitutionSummary::of).toList(), result.page(),
                result.size(), result.totalElements(), result.totalPages());
    }

    /** REG-04: the controller's whole group. */
    @GetMapping("/{idOrCode}/group")
    GroupView group(@PathVariable String idOrCode, Caller caller) {
        InstitutionService.Group group = institutions.group(caller, idOrCode);
        Facts facts = group.of().personalData() ? group.of().file().facts() : group.of().file().facts().masked();
        return new GroupView(group.of().file().id(), facts.actualControllers(),
                group.members().stream().map(GroupMember::of).toList());
    }

    /** REG-07: the versions of a file, oldest first. */
    @GetMapping("/{idOrCode}/history")
    List<HistoryEntry> history(@PathVariable String idOrCode, Caller caller) {
        return institutions.history(caller, idOrCode).stream().map(HistoryEntry::of).toList();
    }

    /** REG-07: a version as a snapshot. */
    @GetMapping("/{idOrCode}/history/{version}")
    SnapshotView snapshot(@PathVariable String idOrCode, @PathVariable long version, Caller caller) {
        InstitutionService.VersionPair pair = institutions.version(caller, idOrCode, version);
        InstitutionVersion v = pair.version();
        return new SnapshotView(v.version(), v.action(), v.reason(), v.at(), v.by(),
                InstitutionView.of(v.snapshot(), pair.file().personalData(), pair.file().access().name()));
    }

    /** REG-07: a version as a diff from the one before. */
    @GetMapping("/{idOrCode}/history/{version}/diff")
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

    @ExceptionHandler(InvalidCreditCodeException.class)
    ResponseEntity<org.springframework.http.ProblemDetail> invalidCode(InvalidCreditCodeException e) {
        org.springframework.http.ProblemDetail problem = new ProblemException(ProblemType.VALIDATION_FAILED,
                e.getMessage(), Map.of("rule", "REG-01")).toProblemDetail();
        return ResponseEntity.badRequest().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private JsonNode comparable(InstitutionFile snapshot, boolean personal) {
        ObjectNode tree = factsJson.toTree(InstitutionView.of(snapshot, personal, ""));
        NOT_DIFFED.forEach(tree::remove);
        return tree;
    }

    private static Sort sortOf(String sort) {
        String[] parts = sort.split(",");
        String field = SORTABLE.get(parts[0].trim());
        if (field == null) {
            throw ProblemException.invalid("sort must be one of " + SORTABLE.keySet() + ", optionally ',desc'");
        }
        Sort.Direction direction = parts.length > 1 && parts[1].trim().equalsIgnoreCase("desc")
                ? Sort.Direction.DESC : Sort.Direction.ASC;
        return Sort.by(direction, field).and(Sort.by("creditCode"));
    }

    private Meta meta(ObjectNode body) {
        String source = text(body.remove("source"));
        String asOf = text(body.remove("asOf"));
        String reason = text(body.remove("reason"));
        if (FactSource.Source.VERIFICATION.name().equals(source)) {
            throw ProblemException.invalid("Facts are verified through POST .../verifications, not by naming the source");
        }
        if (FactSource.Source.SUPERVISORY_DECISION.name().equals(source)) {
            throw ProblemException.invalid("Decisions of other contexts reach the registry from those contexts (REG-08)");
        }
        try {
            return new Meta(source == null ? null : FactSource.Source.valueOf(source),
                    asOf == null ? null : LocalDate.parse(asOf), reason);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw ProblemException.invalid("source must be one of "
                    + Arrays.stream(FactSource.Source.values()).filter(FactSource.Source::claimable).toList()
                    + " and asOf a date (yyyy-MM-dd)");
        }
    }

    private static ObjectNode asObject(JsonNode node, String name) {
        if (!node.isObject()) {
            throw ProblemException.invalid(name + " must be a JSON object");
        }
        return (ObjectNode) node;
    }

    private static CreditCode creditCode(String raw) {
        if (raw == null) {
            throw ProblemException.invalid("creditCode is required");
        }
        return CreditCode.parse(raw);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    static String etag(InstitutionFile file) {
        return "\"" + file.version() + "\"";
    }

    /** The version an update is based on: {@code If-Match: "3"} (428 when absent). */
    static long versionOf(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.versionRequired();
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("If-Match must carry an ETag of this API, e.g. \"3\"");
        }
    }

    /** Identifies a request so that its retry is recognised: the Idempotency-Key if given, else a digest of it. */
    private static String changeKey(Caller caller, String method, String target, JsonNode body, String idempotencyKey) {
        String material = caller.userId() + "|" + method + "|" + target + "|"
                + (idempotencyKey != null ? "key:" + idempotencyKey : body.toString());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(material.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Meta(FactSource.Source source, LocalDate asOf, String reason) {
    }

    /** Body of a verification (REG-06); the officer is the caller. */
    record VerificationRequest(@jakarta.validation.constraints.NotNull Verification.Method method,
                               @jakarta.validation.constraints.NotNull LocalDate date,
                               @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 2000) String outcome,
                               List<String> confirmed) {
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
