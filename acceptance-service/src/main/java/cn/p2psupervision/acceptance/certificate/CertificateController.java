package cn.p2psupervision.acceptance.certificate;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.p2psupervision.acceptance.cases.AcceptanceCase;
import cn.p2psupervision.acceptance.cases.CaseService;
import cn.p2psupervision.platform.input.IfMatch;
import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.security.Caller;

/**
 * ACC-11: {@code GET /api/v1/acceptance/cases/{institutionId}/certificate.pdf}, the acceptance certificate
 * (整改验收合格证明) as a PDF, for the case's readers (AUTH-02, 404 otherwise), once both heads signed (404 before).
 * Its {@code ETag} is the case's version.
 */
@RestController
class CertificateController {

    private final CaseService cases;
    private final CertificateRenderer renderer;

    CertificateController(CaseService cases, CertificateRenderer renderer) {
        this.cases = cases;
        this.renderer = renderer;
    }

    @GetMapping(path = "/api/v1/acceptance/cases/{institutionId}/certificate.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String institutionId, Caller caller) {
        AcceptanceCase acceptanceCase = cases.read(caller, institutionId);
        CertificateDocument certificate = CertificateDocument.of(acceptanceCase).orElseThrow(() ->
                ProblemException.notFound("Acceptance certificate of institution", institutionId));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("acceptance-certificate-" + acceptanceCase.institutionId() + ".pdf").build()
                        .toString())
                .cacheControl(CacheControl.noCache().cachePrivate())
                .eTag(IfMatch.etag(acceptanceCase.version()))
                .body(renderer.pdf(certificate));
    }
}
