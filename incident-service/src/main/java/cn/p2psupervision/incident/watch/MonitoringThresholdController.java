package cn.p2psupervision.incident.watch;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import cn.p2psupervision.platform.input.IfMatch;
import cn.p2psupervision.platform.security.Caller;

/** {@code /api/v1/incidents/monitoring-thresholds}: the thresholds of off-site monitoring (非现场监测, INC-11). */
@RestController
@RequestMapping("/api/v1/incidents/monitoring-thresholds")
class MonitoringThresholdController {

    private final MonitoringThresholdSettings settings;

    MonitoringThresholdController(MonitoringThresholdSettings settings) {
        this.settings = settings;
    }

    /** The thresholds in force, {@code ETag: "<version>"}; any regulator. */
    @GetMapping
    ResponseEntity<ThresholdsView> get(Caller caller, WebRequest request) {
        MonitoringThresholdVersion current = settings.read(caller);
        String etag = IfMatch.etag(current.version());
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok().eTag(etag).body(ThresholdsView.of(current));
    }

    /** INC-11/AUTH-03: the central office sets new thresholds, based on the version in {@code If-Match}. */
    @PutMapping
    ResponseEntity<ThresholdsView> change(@RequestBody Change change, Caller caller,
                                          @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        Long basedOn = ifMatch == null || ifMatch.isBlank() ? null : IfMatch.version(ifMatch);
        MonitoringThresholdVersion next = settings.change(caller, basedOn, change.overdueRateMax(),
                change.balanceFallMaxPercent(), change.lendersFallMaxPercent(), change.reason());
        return ResponseEntity.ok().eTag(IfMatch.etag(next.version())).body(ThresholdsView.of(next));
    }

    /** Every version, oldest first; any regulator. */
    @GetMapping("/history")
    List<ThresholdsView> history(Caller caller) {
        return settings.history(caller).stream().map(ThresholdsView::of).toList();
    }

    /** The body of a change: the three values in percent and why. */
    record Change(BigDecimal overdueRateMax, BigDecimal balanceFallMaxPercent, BigDecimal lendersFallMaxPercent,
                  String reason) {
    }

    /** A version as the API shows it; {@code changedBy} is a username, null for the defaults. */
    record ThresholdsView(long version, BigDecimal overdueRateMax, BigDecimal balanceFallMaxPercent,
                         BigDecimal lendersFallMaxPercent, String changedBy, Instant changedAt, String reason) {

        static ThresholdsView of(MonitoringThresholdVersion version) {
            MonitoringThresholds t = version.thresholds();
            return new ThresholdsView(version.version(), t.overdueRateMax(), t.balanceFallMaxPercent(),
                    t.lendersFallMaxPercent(), version.changedBy() == null ? null : version.changedBy().username(),
                    version.changedAt(), version.reason());
        }
    }
}
