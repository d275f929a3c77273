package cn.p2psupervision.classification.proposal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.p2psupervision.platform.security.Caller;

/** {@code GET /api/v1/classification/institutions/{institutionId}/proposal}: the platform's proposal (CLS-05..07). */
@RestController
class ProposalController {

    private final ProposalService proposals;

    ProposalController(ProposalService proposals) {
        this.proposals = proposals;
    }

    @GetMapping("/api/v1/classification/institutions/{institutionId}/proposal")
    Proposal proposal(@PathVariable String institutionId, Caller caller) {
        return proposals.propose(caller, institutionId);
    }
}
