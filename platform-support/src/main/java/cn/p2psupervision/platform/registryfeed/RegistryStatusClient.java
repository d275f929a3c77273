package cn.p2psupervision.platform.registryfeed;

import java.util.Map;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

import cn.p2psupervision.platform.feign.ServiceIdentityClientConfiguration;

/**
 * The registry's internal status endpoint (REG-08, role {@code internal-service}), at {@code platform.registry.url}.
 * Called only through {@link RegistryStatusDelivery}, which adds the breaker and time limiter (the outbox relay is the
 * retry).
 */
@FeignClient(name = RegistryStatusDelivery.NAME, url = "${platform.registry.url}",
        configuration = ServiceIdentityClientConfiguration.class)
interface RegistryStatusClient {

    /** Sets the institution's status; idempotent at the registry (the same decision again changes nothing). */
    @PutMapping(path = "/internal/registry/institutions/{idOrCode}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    void change(@PathVariable("idOrCode") String idOrCode, @RequestBody Map<String, Object> change);
}
