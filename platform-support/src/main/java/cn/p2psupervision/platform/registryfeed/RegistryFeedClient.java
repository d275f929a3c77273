package cn.p2psupervision.platform.registryfeed;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The registry's two internal feed endpoints (role {@code internal-service}), at {@code platform.registry.url}. Called
 * only through {@link RegistryFeed}, which adds the breaker, time limiter and retries.
 */
@FeignClient(name = RegistryFeed.NAME, url = "${platform.registry.url}",
        configuration = RegistryFeedClientConfiguration.class)
interface RegistryFeedClient {

    /** Every institution, a page at a time in id order, after the id {@code after} (null: from the first). */
    @GetMapping("/internal/registry/institutions/reference")
    ReferencePage reference(@RequestParam(name = "after", required = false) String after,
                            @RequestParam("limit") int limit);

    /** The institutions the changes after the commit sequence number {@code after} name, as they are now. */
    @GetMapping("/internal/registry/changes")
    ChangePage changes(@RequestParam("after") long after, @RequestParam("limit") int limit);

    /**
     * @param seq  the registry's commit sequence before this page was read: follow the feed from here
     * @param next the {@code after} of the next page, or null after the last
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReferencePage(long seq, String next, List<InstitutionReference> institutions) {
    }

    /**
     * @param next   the {@code after} of the next request
     * @param latest the registry's commit sequence when the page was read
     * @param resync the registry cannot say what changed: reload through the reference pages
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ChangePage(long next, long latest, boolean resync, List<InstitutionReference> institutions) {
    }
}
