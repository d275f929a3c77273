package cn.p2psupervision.classification.decision;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.p2psupervision.classification.decision.DecisionStore.StoredDecision;
import cn.p2psupervision.classification.proposal.Category;
import cn.p2psupervision.platform.input.IfMatch;
import cn.p2psupervision.platform.input.PageParameters;
import cn.p2psupervision.platform.outbox.OutboxEntry;
import cn.p2psupervision.platform.registryfeed.InstitutionDirectory;
import cn.p2psupervision.platform.registryfeed.InstitutionReference;
import cn.p2psupervision.platform.security.Caller;

/**
 * Classification decisions (CLS-07): {@code /api/v1/classification/institutions/{id}/decision} for one institution,
 * {@code /api/v1/classification/decisions} for the caller's list.
 */
@RestController
class DecisionController {

    private static final String ONE = "/api/v1/classification/institutions/{institutionId}/decision";

    private final DecisionService decisions;
    private final InstitutionDirectory institutions;

    DecisionController(DecisionService decisions, InstitutionDirectory institutions) {
        this.decisions = decisions;
        this.institutions = institutions;
    }

    /** Records (or, with {@code If-Match}, re-records) the category. */
    @PostMapping(ONE)
    ResponseEntity<DecisionView> record(@PathVariable String institutionId, @RequestBody RecordRequest request,
                                        @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                        Caller caller) {
        Long basedOn = ifMatch == null ? null : IfMatch.version(ifMatch);
        StoredDecision stored = decisions.record(caller, institutionId, request.category(), request.reason(),
                basedOn);
        DecisionView view = view(stored);
        if (stored.version() == 1) {
            return ResponseEntity.created(URI.create("/api/v1/classification/institutions/" + institutionId
                    + "/decision")).eTag(IfMatch.etag(stored.version())).body(view);
        }
        return ResponseEntity.ok().eTag(IfMatch.etag(stored.version())).body(view);
    }

    @GetMapping(ONE)
    ResponseEntity<DecisionView> get(@PathVariable String institutionId, Caller caller) {
        StoredDecision stored = decisions.read(caller, institutionId);
        return ResponseEntity.ok().eTag(IfMatch.etag(stored.version())).body(view(stored));
    }

    /** Every version, oldest first. */
    @GetMapping(ONE + "/versions")
    List<Decision> versions(@PathVariable String institutionId, Caller caller) {
        return decisions.read(caller, institutionId).versions();
    }

    @PostMapping(ONE + "/approval")
    ResponseEntity<DecisionView> approve(@PathVariable String institutionId,
                                         @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                         Caller caller) {
        long basedOn = IfMatch.version(ifMatch);
        StoredDecision stored = decisions.approve(caller, institutionId, basedOn);
        return ResponseEntity.status(HttpStatus.OK).eTag(IfMatch.etag(stored.version())).body(view(stored));
    }

    @PostMapping(ONE + "/reopening")
    ResponseEntity<DecisionView> reopen(@PathVariable String institutionId, @RequestBody ReopenRequest request,
                                        @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                        Caller caller) {
        long basedOn = IfMatch.version(ifMatch);
        StoredDecision stored = decisions.reopen(caller, institutionId, basedOn, request.reason());
        return ResponseEntity.ok().eTag(IfMatch.etag(stored.version())).body(view(stored));
    }

    /** AUTH-02: the current decisions the caller may read, newest change first. */
    @GetMapping("/api/v1/classification/decisions")
    PageView list(Caller caller, @RequestParam(required = false) Category category,
                  @RequestParam(required = false) DecisionState state,
                  @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        PageParameters paging = PageParameters.of(page, size, 200);
        DecisionStore.Page result = decisions.list(caller, category, state, paging.page(), paging.size());
        return new PageView(result.content().stream().map(this::view).toList(), paging.page(), paging.size(),
                result.totalElements());
    }

    /** The decision with its institution's name and credit code as the registry's feed last gave them. */
    private DecisionView view(StoredDecision stored) {
        return DecisionView.of(stored, institutions.find(stored.institutionId()).orElse(null));
    }

    record RecordRequest(Category category, String reason) {
    }

    record ReopenRequest(String reason) {
    }

    record PageView(List<DecisionView> content, int page, int size, long totalElements) {
    }

    /**
     * The current decision with what followed from it: the deliveries to other contexts (the registry status, the
     * referral) and where each stands.
     */
    record DecisionView(String institutionId, String institutionName, String creditCode, String registeredProvince,
                        long version, Decision decision, List<Delivery> deliveries, Instant updatedAt) {

        static DecisionView of(StoredDecision stored, InstitutionReference institution) {
            return new DecisionView(stored.institutionId(), institution == null ? null : institution.name(),
                    institution == null ? null : institution.creditCode(), stored.registeredProvince(),
                    stored.version(), stored.current(), stored.outbox().stream().map(Delivery::of).toList(),
                    stored.updatedAt());
        }
    }

    /** An outbox entry as readers see it: what, where it stands, how often tried, why the last try failed. */
    record Delivery(String id, String kind, OutboxEntry.State state, int attempts, String lastError,
                    Instant createdAt, Instant deliveredAt) {

        static Delivery of(OutboxEntry entry) {
            return new Delivery(entry.id(), entry.kind(), entry.state(), entry.attempts(), entry.lastError(),
                    entry.createdAt(), entry.deliveredAt());
        }
    }
}
