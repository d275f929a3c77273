package cn.p2psupervision.registry.feed;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.p2psupervision.platform.problem.InvalidInputException;

/**
 * Institution reference data for the other contexts' projections (REG-08, AUTH-02), service to service. Under
 * {@code /internal/**}: only the {@code internal-service} role, and never routed by the gateway.
 */
@RestController
@RequestMapping("/internal/registry")
class RegisterFeedController {

    static final int DEFAULT_LIMIT = 200;
    static final int MAX_LIMIT = 500;

    private final RegisterFeed feed;

    RegisterFeedController(RegisterFeed feed) {
        this.feed = feed;
    }

    /** Every institution, in id order from after {@code after}: a consumer's first load, or its reload on resync. */
    @GetMapping("/institutions/reference")
    RegisterFeed.ReferencePage reference(@RequestParam(required = false) String after,
                                         @RequestParam(required = false) Integer limit) {
        return feed.reference(after == null || after.isEmpty() ? null : after, limit(limit));
    }

    /** The institutions changed after the commit sequence number {@code after}, with the cursor to continue from. */
    @GetMapping("/changes")
    RegisterFeed.ChangePage changes(@RequestParam(required = false) Long after,
                                    @RequestParam(required = false) Integer limit) {
        if (after == null) {
            throw new InvalidInputException("after", "is required: the sequence number to continue from");
        }
        if (after < 0) {
            throw new InvalidInputException("after", "must be 0 or more");
        }
        return feed.changes(after, limit(limit));
    }

    private static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }
}
