package cn.p2psupervision.incident.watch;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.p2psupervision.platform.input.PageParameters;
import cn.p2psupervision.platform.security.Caller;

/**
 * {@code /api/v1/incidents/zombies}: the list of zombie institutions (僵尸类) for shutdown (INC-10), its refresh on
 * demand, and the closures of bidding officers record.
 */
@RestController
class ZombieController {

    static final String ZOMBIES = "/api/v1/incidents/zombies";
    static final String CLOSURES = ZOMBIES + "/bidding-closures";

    private final ZombieService zombies;

    ZombieController(ZombieService zombies) {
        this.zombies = zombies;
    }

    /** AUTH-02: the zombies the caller may read, optionally of one province, by registered province. */
    @GetMapping(ZOMBIES)
    PageView list(Caller caller, @RequestParam(required = false) String province,
                  @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        PageParameters paging = PageParameters.of(page, size, 200);
        ZombieStore.Page result = zombies.list(caller, province, paging.page(), paging.size());
        return new PageView(result.content().stream().map(ZombieView::of).toList(), paging.page(), paging.size(),
                result.totalElements());
    }

    @GetMapping(ZOMBIES + "/{institutionId}")
    ZombieView get(@PathVariable String institutionId, Caller caller) {
        return ZombieView.of(zombies.read(caller, institutionId));
    }

    /** INC-10/INC-11 on demand: scans every institution's figures now; the counts are the caller's scope's. */
    @PostMapping(ZOMBIES + "/refresh")
    ZombieService.Refresh refresh(Caller caller) {
        return zombies.refresh(caller);
    }

    /** INC-10: records a closure of bidding; 201 with it. */
    @PostMapping(CLOSURES)
    ResponseEntity<ClosureView> recordClosure(@RequestBody ClosureRequest request, Caller caller) {
        BiddingClosure closure = zombies.recordClosure(caller, request.institutionId(), request.observedOn(),
                request.evidence());
        String id = request.institutionId().strip();
        return ResponseEntity.created(URI.create(CLOSURES + "/" + id)).body(ClosureView.of(id, closure));
    }

    @GetMapping(CLOSURES + "/{institutionId}")
    ClosureView closure(@PathVariable String institutionId, Caller caller) {
        return ClosureView.of(institutionId, zombies.closure(caller, institutionId));
    }

    /** INC-10: withdraws a closure of bidding, with a reason; 204. */
    @PostMapping(CLOSURES + "/{institutionId}/withdrawal")
    ResponseEntity<Void> withdrawClosure(@PathVariable String institutionId, @RequestBody ReasonRequest request,
                                         Caller caller) {
        zombies.withdrawClosure(caller, institutionId, request.reason());
        return ResponseEntity.noContent().build();
    }

    record ClosureRequest(String institutionId, LocalDate observedOn, String evidence) {
    }

    record ReasonRequest(String reason) {
    }

    record PageView(List<ZombieView> content, int page, int size, long totalElements) {
    }

    /** A listed zombie as the API shows it. */
    record ZombieView(String institutionId, String creditCode, String name, String registeredProvince,
                      List<String> businessProvinces, String status, List<ZombieReason> reasons, String latestPeriod,
                      Instant detectedAt) {

        static ZombieView of(Zombie zombie) {
            return new ZombieView(zombie.institutionId(), zombie.creditCode(), zombie.name(),
                    zombie.registeredProvince(), zombie.businessProvinces(), zombie.status(), zombie.reasons(),
                    zombie.scanned() ? zombie.latestPeriod() : null, zombie.detectedAt());
        }
    }

    /** A closure of bidding as the API shows it; {@code recordedBy} is a username. */
    record ClosureView(String institutionId, LocalDate observedOn, String evidence, String recordedBy,
                       Instant recordedAt) {

        static ClosureView of(String institutionId, BiddingClosure closure) {
            return new ClosureView(institutionId, closure.observedOn(), closure.evidence(),
                    closure.recordedBy() == null ? null : closure.recordedBy().username(), closure.recordedAt());
        }
    }
}
