package cn.p2psupervision.incident.signals;

import java.net.URI;

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
 * INC-01 risk signals: the regulators' door {@code /api/v1/incidents/signals}, and the partner agencies' own door
 * {@code /api/v1/incidents/agency-signals} (AUTH-05: they post signals and read back only their own).
 */
@RestController
class SignalController {

    static final String SIGNALS = "/api/v1/incidents/signals";
    static final String AGENCY_SIGNALS = "/api/v1/incidents/agency-signals";

    private final SignalService signals;

    SignalController(SignalService signals) {
        this.signals = signals;
    }

    @PostMapping(SIGNALS)
    ResponseEntity<Signal> record(@RequestBody SignalService.Draft draft, Caller caller) {
        Signal signal = signals.record(caller, draft);
        return ResponseEntity.created(URI.create(SIGNALS + "/" + signal.id())).body(signal);
    }

    /** {@code linked=false}: the signals not linked to an event yet (an officer's queue). */
    @GetMapping(SIGNALS)
    SignalService.Page list(Caller caller, @RequestParam(required = false) String institutionId,
                            @RequestParam(required = false) Boolean linked,
                            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        PageParameters paging = PageParameters.of(page, size, 200);
        return signals.list(caller, institutionId, linked, paging.page(), paging.size());
    }

    @GetMapping(SIGNALS + "/{signalId}")
    Signal read(@PathVariable String signalId, Caller caller) {
        return signals.read(caller, signalId);
    }

    /** INC-11 → INC-01: an open off-site monitoring alert turned into a signal; 201 with the signal. */
    @PostMapping("/api/v1/incidents/alerts/{alertId}/signal")
    ResponseEntity<Signal> fromAlert(@PathVariable String alertId, @RequestBody(required = false) AlertRequest request,
                                     Caller caller) {
        Signal signal = signals.fromAlert(caller, alertId, request == null ? null : request.type(),
                request == null ? null : request.note());
        return ResponseEntity.created(URI.create(SIGNALS + "/" + signal.id())).body(signal);
    }

    /** What an officer may add when turning an alert into a signal: its type (default OTHER) and a note. */
    record AlertRequest(SignalType type, String note) {
    }

    @PostMapping(AGENCY_SIGNALS)
    ResponseEntity<Signal> post(@RequestBody SignalService.Draft draft, Caller caller) {
        Signal signal = signals.post(caller, draft);
        return ResponseEntity.created(URI.create(AGENCY_SIGNALS + "/" + signal.id())).body(signal);
    }

    @GetMapping(AGENCY_SIGNALS)
    SignalService.Page posted(Caller caller, @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "20") int size) {
        PageParameters paging = PageParameters.of(page, size, 200);
        return signals.posted(caller, paging.page(), paging.size());
    }

    @GetMapping(AGENCY_SIGNALS + "/{signalId}")
    Signal readPosted(@PathVariable String signalId, Caller caller) {
        return signals.readPosted(caller, signalId);
    }
}
