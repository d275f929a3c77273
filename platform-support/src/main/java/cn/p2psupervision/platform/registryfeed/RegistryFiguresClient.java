package cn.p2psupervision.platform.registryfeed;

import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

import cn.p2psupervision.platform.feign.ServiceIdentityClientConfiguration;

/**
 * The registry's internal bulk read of operating figures (role {@code internal-service}), at
 * {@code platform.registry.url}. Called only through {@link RegistryFigures}, which adds the breaker, time limiter and
 * retry of the scans.
 */
@FeignClient(name = RegistryFigures.NAME, url = "${platform.registry.url}",
        configuration = ServiceIdentityClientConfiguration.class)
interface RegistryFiguresClient {

    /** REG-03 in bulk: the series of each of 1 to 1,000 institutions that has figures, by ascending id. */
    @PostMapping("/internal/registry/report-figures")
    Batch figures(@RequestBody Request request);

    /** @param institutionIds the institutions asked for */
    record Request(Collection<String> institutionIds) {
    }

    /** @param items the institutions asked for that have figures */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Batch(List<InstitutionFigures> items) {

        public Batch {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }
}
