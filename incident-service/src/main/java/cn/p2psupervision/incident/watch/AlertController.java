package cn.p2psupervision.incident.watch;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.p2psupervision.platform.input.IfMatch;
import cn.p2psupervision.platform.input.PageParameters;
import cn.p2psupervision.platform.registryfeed.MonthFigures;
import cn.p2psupervision.platform.security.Caller;

/**
 * {@code /api/v1/incidents/alerts}: the alerts of off-site monitoring (非现场监测, INC-11). Turning an alert into a
 * risk signal is {@link AlertService#turnedIntoSignal}, called by the signals' own endpoint.
 */
@RestController
class AlertController {

    static final String ALERTS = "/api/v1/incidents/alerts";

    private final AlertService alerts;

    AlertController(AlertService alerts) {
        this.alerts = alerts;
    }

    /** AUTH-02: the alerts the caller may read, optionally in one state, the latest raised first. */
    @GetMapping(ALERTS)
    PageView list(Caller caller, @RequestParam(required = false) AlertState state,
                  @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        PageParameters paging = PageParameters.of(page, size, 200);
        AlertStore.Page result = alerts.list(caller, state, paging.page(), paging.size());
        return new PageView(result.content().stream().map(AlertView::of).toList(), paging.page(), paging.size(),
                result.totalElements());
    }

    /** One alert, {@code ETag: "<version>"}. */
    @GetMapping(ALERTS + "/{id}")
    ResponseEntity<AlertView> get(@PathVariable String id, Caller caller) {
        Alert alert = alerts.show(caller, id);
        return ResponseEntity.ok().eTag(IfMatch.etag(alert.version())).body(AlertView.of(alert));
    }

    /** INC-11: an officer of the registration province dismisses an open alert, with a reason. */
    @PostMapping(ALERTS + "/{id}/dismissal")
    ResponseEntity<AlertView> dismiss(@PathVariable String id, @RequestBody ReasonRequest request, Caller caller) {
        Alert dismissed = alerts.dismiss(caller, id, request.reason());
        return ResponseEntity.ok().eTag(IfMatch.etag(dismissed.version())).body(AlertView.of(dismissed));
    }

    record ReasonRequest(String reason) {
    }

    record PageView(List<AlertView> content, int page, int size, long totalElements) {
    }

    /** An alert as the API shows it; {@code stateChangedBy} is a username. */
    record AlertView(String id, String institutionId, String name, String creditCode, String registeredProvince,
                     String period, AlertMetric metric, BigDecimal threshold, BigDecimal value,
                     List<MonthFigures> figures, Instant raisedAt, AlertState state, String signalId,
                     String stateChangedBy, Instant stateChangedAt, String reason, long version) {

        static AlertView of(Alert alert) {
            return new AlertView(alert.id(), alert.institutionId(), alert.name(), alert.creditCode(),
                    alert.registeredProvince(), alert.period(), alert.metric(), alert.threshold(), alert.value(),
                    alert.figures(), alert.raisedAt(), alert.state(), alert.signalId(),
                    alert.stateChangedBy() == null ? null : alert.stateChangedBy().username(),
                    alert.stateChangedAt(), alert.reason(), alert.version());
        }
    }
}
