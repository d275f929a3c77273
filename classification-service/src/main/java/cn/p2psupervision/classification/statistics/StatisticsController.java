package cn.p2psupervision.classification.statistics;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.p2psupervision.platform.security.Caller;

/** {@code GET /api/v1/classification/statistics?province=33&asOf=2016-12-01}: CLS-09. */
@RestController
class StatisticsController {

    private final StatisticsService statistics;

    StatisticsController(StatisticsService statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/api/v1/classification/statistics")
    ClassificationStatistics statistics(Caller caller, @RequestParam(required = false) String province,
                                        @RequestParam(required = false)
                                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return statistics.compute(caller, province, asOf);
    }
}
