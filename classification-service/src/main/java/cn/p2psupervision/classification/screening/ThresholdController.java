package cn.p2psupervision.classification.screening;

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

/** {@code /api/v1/classification/screening-thresholds}: the thresholds of the key screening (重点排查, CLS-04). */
@RestController
@RequestMapping("/api/v1/classification/screening-thresholds")
class ThresholdController {

    private final ThresholdSettings settings;

    ThresholdController(ThresholdSettings settings) {
        this.settings = settings;
    }

    /** The thresholds in force, {@code ETag: "<version>"}; any regulator. */
    @GetMapping
    ResponseEntity<ThresholdsView> get(Caller caller, WebRequest request) {
        ThresholdVersion current = settings.read(caller);
        String etag = IfMatch.etag(current.version());
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok().eTag(etag).body(ThresholdsView.of(current));
    }

    /** CLS-04/AUTH-03: the central office sets new thresholds, based on the version in {@code If-Match}. */
    @PutMapping
    ResponseEntity<ThresholdsView> change(@RequestBody ThresholdChange change, Caller caller,
                                          @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        ThresholdVersion next = settings.change(caller, basedOn(ifMatch), change);
        return ResponseEntity.ok().eTag(IfMatch.etag(next.version())).body(ThresholdsView.of(next));
    }

    /** Every version, oldest first; any regulator. */
    @GetMapping("/history")
    List<ThresholdsView> history(Caller caller) {
        return settings.history(caller).stream().map(ThresholdsView::of).toList();
    }

    /** The version named in {@code If-Match}; null when absent (the service answers 428 once the caller may write). */
    private static Long basedOn(String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : IfMatch.version(ifMatch);
    }

    /** A version of the thresholds as the API shows it; {@code changedBy} is a username, null for the default. */
    record ThresholdsView(long version, int expansionWindowMonths, BigDecimal balanceGrowthRatio,
                          BigDecimal lenderGrowthRatio, BigDecimal compositeYieldPercent, String changedBy,
                          Instant changedAt, String reason) {

        static ThresholdsView of(ThresholdVersion version) {
            ScreeningThresholds t = version.thresholds();
            return new ThresholdsView(version.version(), t.expansionWindowMonths(), t.balanceGrowthRatio(),
                    t.lenderGrowthRatio(), t.compositeYieldPercent(),
                    version.changedBy() == null ? null : version.changedBy().username(), version.changedAt(),
                    version.reason());
        }
    }
}
