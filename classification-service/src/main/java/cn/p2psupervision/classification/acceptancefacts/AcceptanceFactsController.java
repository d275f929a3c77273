package cn.p2psupervision.classification.acceptancefacts;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * ACC-01/ACC-02 for the acceptance context, service to service: {@code GET
 * /internal/classification/institutions/{institutionId}/acceptance-facts}. Under {@code /internal/**}: only the
 * {@code internal-service} role (the platform's own identity, AccessRules), never routed by the gateway.
 */
@RestController
class AcceptanceFactsController {

    private final AcceptanceFactsService facts;

    AcceptanceFactsController(AcceptanceFactsService facts) {
        this.facts = facts;
    }

    /** The approved decision, its rectification order and the current findings; 404 for an unknown institution. */
    @GetMapping("/internal/classification/institutions/{institutionId}/acceptance-facts")
    AcceptanceFacts facts(@PathVariable String institutionId) {
        return facts.of(institutionId);
    }
}
