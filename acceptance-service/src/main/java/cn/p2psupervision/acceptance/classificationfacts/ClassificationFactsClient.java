package cn.p2psupervision.acceptance.classificationfacts;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import cn.p2psupervision.platform.feign.ServiceIdentityClientConfiguration;

/**
 * Classification's internal acceptance-facts endpoint (role {@code internal-service}), at
 * {@code platform.classification.url}. Called only through {@link ClassificationFacts}, which adds the breaker, time
 * limiter and retry.
 */
@FeignClient(name = ClassificationFacts.NAME, url = "${platform.classification.url}",
        configuration = ServiceIdentityClientConfiguration.class)
interface ClassificationFactsClient {

    @GetMapping("/internal/classification/institutions/{institutionId}/acceptance-facts")
    AcceptanceFacts facts(@PathVariable("institutionId") String institutionId);
}
