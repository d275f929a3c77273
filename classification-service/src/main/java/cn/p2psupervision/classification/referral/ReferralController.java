package cn.p2psupervision.classification.referral;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import cn.p2psupervision.platform.idempotency.RequestIdentity;
import cn.p2psupervision.platform.security.Caller;

/**
 * Referrals to public security (AUTH-05). {@code /api/v1/classification/referrals/**} is the agencies' door (role
 * {@code agency-partner}, {@code platform.security.partner-paths}); regulators read an institution's referrals under
 * {@code /api/v1/classification/institutions/{id}/referrals}.
 */
@RestController
class ReferralController {

    private static final String AGENCY_BASE = "/api/v1/classification/referrals";

    private final ReferralService referrals;
    private final JsonMapper json;

    ReferralController(ReferralService referrals, JsonMapper json) {
        this.referrals = referrals;
        this.json = json;
    }

    @GetMapping(AGENCY_BASE)
    List<Referral> addressedToMe(Caller caller, @RequestParam(required = false) Referral.State state) {
        return referrals.addressedTo(caller, state);
    }

    @GetMapping(AGENCY_BASE + "/{referralId}")
    Referral get(@PathVariable String referralId, Caller caller) {
        return referrals.read(caller, referralId);
    }

    @PostMapping(AGENCY_BASE + "/{referralId}/acknowledgement")
    Referral acknowledge(@PathVariable String referralId, @RequestBody(required = false) AcknowledgementRequest body,
                         @RequestHeader(value = RequestIdentity.HEADER, required = false) String idempotencyKey,
                         Caller caller) {
        AcknowledgementRequest request = body == null ? new AcknowledgementRequest(null) : body;
        return referrals.acknowledge(caller, referralId, request.receiptNumber(), RequestIdentity.of(caller,
                "ACKNOWLEDGE referral " + referralId, idempotencyKey, json.writeValueAsString(request)));
    }

    @PostMapping(AGENCY_BASE + "/{referralId}/feedback")
    Referral feedback(@PathVariable String referralId, @RequestBody FeedbackRequest request,
                      @RequestHeader(value = RequestIdentity.HEADER, required = false) String idempotencyKey,
                      Caller caller) {
        return referrals.feedback(caller, referralId, request.text(), request.caseNumber(), RequestIdentity.of(caller,
                "FEEDBACK referral " + referralId, idempotencyKey, json.writeValueAsString(request)));
    }

    @GetMapping("/api/v1/classification/institutions/{institutionId}/referrals")
    List<Referral> ofInstitution(@PathVariable String institutionId, Caller caller) {
        return referrals.ofInstitution(caller, institutionId);
    }

    record AcknowledgementRequest(String receiptNumber) {
    }

    record FeedbackRequest(String text, String caseNumber) {
    }
}
