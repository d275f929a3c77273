package cn.p2psupervision.acceptance.complaint;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import cn.p2psupervision.platform.input.JsonInputProblems;
import cn.p2psupervision.platform.problem.InvalidInputException;
import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.problem.ProblemType;

/**
 * AUTH-06, ACC-09/10: the public's complaint door, without an account. {@code POST /api/v1/public/complaints}
 * {@code {institutionId | creditCode, text, contact}} lodges a complaint against an institution under notice and
 * answers the receipt number and the secret (shown once); {@code GET /api/v1/public/complaints/{receiptNumber}} with
 * the secret in {@code Complaint-Secret} tells where it stands.
 *
 * <p>ACC-10, in this order: the client address's rate limit (429 with {@code Retry-After}, nothing read or stored), the
 * body's size ({@code acceptance.complaints.max-body-size}, 413), JSON of the documented members only (400 naming the
 * member), then the rules.
 */
@RestController
class PublicComplaintController {

    static final String COMPLAINTS = "/api/v1/public/complaints";
    static final String SECRET_HEADER = "Complaint-Secret";

    private final ComplaintService complaints;
    private final ComplaintRateLimit rateLimit;
    private final ClientAddress clientAddress;
    private final JsonMapper json;
    private final int maxBodySize;

    PublicComplaintController(ComplaintService complaints, ComplaintRateLimit rateLimit, ClientAddress clientAddress,
                              JsonMapper json, ComplaintProperties properties) {
        this.complaints = complaints;
        this.rateLimit = rateLimit;
        this.clientAddress = clientAddress;
        this.json = json;
        this.maxBodySize = (int) properties.maxBodySize().toBytes();
    }

    @PostMapping(path = COMPLAINTS, consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<LodgedView> lodge(HttpServletRequest request) throws IOException {
        rateLimit.admit(clientAddress.of(request));
        ObjectNode body = body(request);
        String institutionId = text(body, "institutionId");
        String creditCode = text(body, "creditCode");
        String text = text(body, "text");
        String contact = text(body, "contact");
        if (!body.isEmpty()) {
            throw new InvalidInputException(body.propertyNames().iterator().next(), "is not a member of this request;"
                    + " members are [contact, creditCode, institutionId, text]");
        }
        ComplaintService.Lodged lodged = complaints.lodge(institutionId, creditCode, text, contact);
        Complaint complaint = lodged.complaint();
        return ResponseEntity.created(URI.create(COMPLAINTS + "/" + complaint.receiptNumber()))
                .cacheControl(CacheControl.noStore())
                .body(new LodgedView(complaint.receiptNumber(), lodged.secret(), complaint.submittedOn()));
    }

    /** ACC-10: a wrong or missing secret is answered 404, exactly like an unknown receipt. */
    @GetMapping(COMPLAINTS + "/{receiptNumber}")
    ResponseEntity<StatusView> status(@PathVariable String receiptNumber,
                                      @RequestHeader(value = SECRET_HEADER, required = false) String secret) {
        Complaint complaint = complaints.forComplainant(receiptNumber, secret);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(StatusView.of(complaint));
    }

    /** 429 with {@code Retry-After} in seconds (ACC-10). */
    @ExceptionHandler(ComplaintRateLimit.RateLimited.class)
    ResponseEntity<ProblemDetail> tooMany(ComplaintRateLimit.RateLimited refused) {
        ProblemDetail problem = new ProblemException(ProblemType.TOO_MANY_REQUESTS, refused.getMessage(),
                Map.of("rule", "ACC-10", "retryAfter", refused.retryAfterSeconds())).toProblemDetail();
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(refused.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The body, at most {@code maxBodySize} bytes (413 beyond, however it is sent), as a JSON object (400). */
    private ObjectNode body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBodySize) {
            throw tooLarge();
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(maxBodySize + 1);
        }
        if (bytes.length > maxBodySize) {
            throw tooLarge();
        }
        JsonNode node;
        try {
            node = json.readTree(bytes);
        } catch (JacksonException e) {
            throw JsonInputProblems.of(e);
        }
        if (node == null || !node.isObject()) {
            throw new InvalidInputException(null, "must be a JSON object: {\"creditCode\": …, \"text\": …}",
                    "ACC-10");
        }
        return (ObjectNode) node;
    }

    private ProblemException tooLarge() {
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "A complaint may have at most "
                + maxBodySize / 1024 + " KiB", Map.of("rule", "ACC-10"));
    }

    /** Removes {@code member}: a string as given, or null when absent or null; 400 for another JSON type. */
    private static String text(ObjectNode body, String member) {
        JsonNode node = body.remove(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new InvalidInputException(member, "must be a string");
        }
        return node.asString();
    }

    /** The answer to a lodged complaint: the secret is shown here once, and kept nowhere but as a hash. */
    record LodgedView(String receiptNumber, String secret, LocalDate submittedOn) {
    }

    /** Where a complaint stands, for its complainant: no text, no contact. */
    record StatusView(String receiptNumber, ComplaintState state, String reply, LocalDate submittedOn,
                      LocalDate resolvedOn) {

        static StatusView of(Complaint complaint) {
            return new StatusView(complaint.receiptNumber(), complaint.state(), complaint.reply(),
                    complaint.submittedOn(), complaint.resolvedOn());
        }
    }
}
