package cn.p2psupervision.platform.agency;

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
 * The agencies' door of a context (AUTH-05), at {@code platform.agency-requests.path} (role {@code agency-partner},
 * {@code platform.security.partner-paths}), and the regulators' view of it below
 * {@code platform.agency-requests.regulator-path}. See {@link AgencyRequestProperties}.
 */
@RestController
public class AgencyRequestController {

    private final AgencyRequestService requests;
    private final JsonMapper json;

    public AgencyRequestController(AgencyRequestService requests, JsonMapper json) {
        this.requests = requests;
        this.json = json;
    }

    @GetMapping("${platform.agency-requests.path}")
    List<AgencyRequest.View> addressedToMe(Caller caller, @RequestParam(required = false) AgencyRequest.State state,
                                           @RequestParam(required = false) AgencyRequestKind kind) {
        return requests.addressedTo(caller, state, kind);
    }

    @GetMapping("${platform.agency-requests.path}/{requestId}")
    AgencyRequest.View get(@PathVariable String requestId, Caller caller) {
        return requests.read(caller, requestId);
    }

    @PostMapping("${platform.agency-requests.path}/{requestId}/acknowledgement")
    AgencyRequest.View acknowledge(@PathVariable String requestId,
                                   @RequestBody(required = false) AcknowledgementBody body,
                                   @RequestHeader(value = RequestIdentity.HEADER, required = false) String idempotencyKey,
                                   Caller caller) {
        AcknowledgementBody stated = body == null ? new AcknowledgementBody(null) : body;
        return requests.acknowledge(caller, requestId, stated.receiptNumber(), RequestIdentity.of(caller,
                "ACKNOWLEDGE agency-request " + requestId, idempotencyKey, json.writeValueAsString(stated)));
    }

    @PostMapping("${platform.agency-requests.path}/{requestId}/answers")
    AgencyRequest.View answer(@PathVariable String requestId, @RequestBody AnswerBody body,
                              @RequestHeader(value = RequestIdentity.HEADER, required = false) String idempotencyKey,
                              Caller caller) {
        return requests.answer(caller, requestId, body.text(), body.reference(), RequestIdentity.of(caller,
                "ANSWER agency-request " + requestId, idempotencyKey, json.writeValueAsString(body)));
    }

    @GetMapping("${platform.agency-requests.regulator-path}" + AgencyRequestProperties.OF_INSTITUTION)
    List<AgencyRequest.View> ofInstitution(@PathVariable String institutionId, Caller caller) {
        return requests.ofInstitution(caller, institutionId);
    }

    @GetMapping("${platform.agency-requests.regulator-path}" + AgencyRequestProperties.OVERDUE)
    List<AgencyRequest.View> overdue(Caller caller) {
        return requests.overdue(caller);
    }

    /** @param receiptNumber the agency's own receipt or intake number (受理号), optional */
    record AcknowledgementBody(String receiptNumber) {
    }

    /**
     * @param text      the outcome or feedback (required, at most {@value AgencyRequest#MAX_TEXT} characters)
     * @param reference the agency's case or decision number (立案号、文号), optional
     */
    record AnswerBody(String text, String reference) {
    }
}
