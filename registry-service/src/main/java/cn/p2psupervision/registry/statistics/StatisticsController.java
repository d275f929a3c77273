package cn.p2psupervision.registry.statistics;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.p2psupervision.platform.input.InputPolicy;
import cn.p2psupervision.platform.security.Caller;

/** {@code GET /api/v1/registry/statistics?asOf=yyyy-MM}: the regional picture (REG-09, REG-10). */
@RestController
class StatisticsController {

    private final StatisticsService statistics;

    StatisticsController(StatisticsService statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/api/v1/registry/statistics")
    StatisticsService.Statistics statistics(Caller caller, @RequestParam(required = false) String asOf) {
        return statistics.compute(caller, InputPolicy.month("asOf", asOf));
    }
}
