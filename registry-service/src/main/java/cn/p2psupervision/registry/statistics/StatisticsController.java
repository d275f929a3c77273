package cn.p2psupervision.registry.statistics;

import java.time.YearMonth;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import cn.p2psupervision.platform.input.InputPolicy;
import cn.p2psupervision.platform.security.Caller;
import cn.p2psupervision.registry.institution.InstitutionService;
import cn.p2psupervision.registry.institution.RegisterEtags;
import cn.p2psupervision.registry.institution.RegisterView;

/** {@code GET /api/v1/registry/statistics?asOf=yyyy-MM}: the regional picture (REG-09, REG-10). */
@RestController
class StatisticsController {

    private final StatisticsService statistics;
    private final InstitutionService institutions;

    StatisticsController(StatisticsService statistics, InstitutionService institutions) {
        this.statistics = statistics;
        this.institutions = institutions;
    }

    @GetMapping("/api/v1/registry/statistics")
    ResponseEntity<StatisticsService.Statistics> statistics(Caller caller, @RequestParam(required = false) String asOf,
                                                            WebRequest request) {
        YearMonth period = statistics.periodOf(InputPolicy.month("asOf", asOf));
        RegisterView.Snapshot register = institutions.register();
        String etag = RegisterEtags.of(register.seq(), caller, "statistics?asOf=" + period);
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok().eTag(etag).body(statistics.compute(caller, period, register));
    }
}
