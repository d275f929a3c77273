package cn.p2psupervision.acceptance.publicapi;

import java.time.Duration;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.p2psupervision.acceptance.publicapi.PublicRegister.FiledEntry;
import cn.p2psupervision.acceptance.publicapi.PublicRegister.NoticeEntry;
import cn.p2psupervision.acceptance.publicapi.PublicRegister.Snapshot;
import cn.p2psupervision.acceptance.publicapi.PublicRegister.VerifiedCertificate;
import cn.p2psupervision.platform.input.InputPolicy;
import cn.p2psupervision.platform.input.PageParameters;
import cn.p2psupervision.platform.problem.ProblemException;

/**
 * AUTH-06: what anyone may read without an account — the institutions under public notice (公示, ACC-08), the filed
 * institutions (已备案登记, ACC-12) and the verification of an acceptance certificate (ACC-11).
 *
 * <p>The lists answer with an {@code ETag} (the fingerprint of the whole list, which changes only when the list does)
 * and {@code Cache-Control: public, max-age=60}; a request whose {@code If-None-Match} names the current ETag is
 * answered 304 without a body. {@code q} finds a name by substring or a credit code.
 */
@RestController
class PublicListController {

    static final int MAX_QUERY = 100;
    static final int MAX_PAGE_SIZE = 100;
    private static final CacheControl PUBLIC_MINUTE = CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic();

    private final PublicRegister register;

    PublicListController(PublicRegister register) {
        this.register = register;
    }

    /** ACC-08: the institutions under public notice, the latest notice first. */
    @GetMapping("/api/v1/public/notices")
    ResponseEntity<Page<NoticeEntry>> notices(@RequestParam(required = false) String q,
                                              @RequestParam(defaultValue = "0") int page,
                                              @RequestParam(defaultValue = "20") int size,
                                              @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false)
                                              String ifNoneMatch) {
        PageParameters paging = PageParameters.of(page, size, MAX_PAGE_SIZE);
        String query = query(q);
        Snapshot snapshot = register.current();
        String etag = "\"n-" + snapshot.noticesVersion() + "\"";
        if (names(ifNoneMatch, etag)) {
            return notModified(etag);
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(PUBLIC_MINUTE)
                .body(Page.of(snapshot.notices(query), paging));
    }

    /** ACC-12: the filed institutions, the latest filing first. */
    @GetMapping("/api/v1/public/filed")
    ResponseEntity<Page<FiledEntry>> filed(@RequestParam(required = false) String q,
                                           @RequestParam(defaultValue = "0") int page,
                                           @RequestParam(defaultValue = "20") int size,
                                           @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false)
                                           String ifNoneMatch) {
        PageParameters paging = PageParameters.of(page, size, MAX_PAGE_SIZE);
        String query = query(q);
        Snapshot snapshot = register.current();
        String etag = "\"f-" + snapshot.filedVersion() + "\"";
        if (names(ifNoneMatch, etag)) {
            return notModified(etag);
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(PUBLIC_MINUTE)
                .body(Page.of(snapshot.filed(query), paging));
    }

    /** ACC-11: whether a certificate with this verification code was issued (and not revoked); 404 otherwise. */
    @GetMapping("/api/v1/public/certificates/{verificationCode}")
    VerifiedCertificate certificate(@PathVariable String verificationCode) {
        return register.current().certificate(verificationCode).orElseThrow(() -> ProblemException.notFound(
                "Certificate with verification code", verificationCode.length() > 40 ? "(as given)"
                        : verificationCode));
    }

    private static <T> ResponseEntity<Page<T>> notModified(String etag) {
        return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(PUBLIC_MINUTE).build();
    }

    /** Whether {@code If-None-Match} names {@code etag} (weak or strong alike) or is {@code *}. */
    static boolean names(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /** The search text, or null for none. */
    private static String query(String q) {
        String text = InputPolicy.text("q", q, MAX_QUERY);
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** A page of a public list. */
    record Page<T>(List<T> content, int page, int size, long totalElements) {

        static <T> Page<T> of(List<T> all, PageParameters paging) {
            int from = (int) Math.min(all.size(), (long) paging.page() * paging.size());
            int to = Math.min(all.size(), from + paging.size());
            return new Page<>(all.subList(from, to), paging.page(), paging.size(), all.size());
        }
    }
}
