package cn.p2psupervision.platform.registryfeed;

import java.util.List;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import cn.p2psupervision.platform.feign.ServiceIdentityClientConfiguration;

/**
 * The registry's internal operating-report endpoints (role {@code internal-service}), at {@code platform.registry.url}.
 * Called only through {@link RegistryReports}, which adds the breaker, time limiter and retry.
 */
@FeignClient(name = RegistryReports.NAME, url = "${platform.registry.url}",
        configuration = ServiceIdentityClientConfiguration.class)
interface RegistryReportsClient {

    /** REG-03: the latest revision of each month, the oldest first, between {@code from} and {@code to} (null: open). */
    @GetMapping("/internal/registry/institutions/{idOrCode}/reports")
    List<MonthlyReport> series(@PathVariable("idOrCode") String idOrCode,
                               @RequestParam(name = "from", required = false) String from,
                               @RequestParam(name = "to", required = false) String to);

}
