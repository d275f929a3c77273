package cn.p2psupervision.acceptance.custodybank;

import java.time.Instant;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import cn.p2psupervision.platform.input.IfMatch;
import cn.p2psupervision.platform.security.Caller;

/** {@code /api/v1/acceptance/custody-banks}: the custody-bank whitelist (存管银行白名单, ACC-15). */
@RestController
@RequestMapping("/api/v1/acceptance/custody-banks")
class CustodyBankController {

    private final CustodyBankWhitelist whitelist;

    CustodyBankController(CustodyBankWhitelist whitelist) {
        this.whitelist = whitelist;
    }

    /** The list in force, {@code ETag: "<version>"}; any regulator. */
    @GetMapping
    ResponseEntity<WhitelistView> get(Caller caller, WebRequest request) {
        CustodyBankList current = whitelist.read(caller);
        String etag = IfMatch.etag(current.version());
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok().eTag(etag).body(WhitelistView.of(current));
    }

    /** ACC-15/AUTH-03: the central office gives the whole new list, based on the version in {@code If-Match}. */
    @PutMapping
    ResponseEntity<WhitelistView> change(@RequestBody Change change, Caller caller,
                                         @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch) {
        Long basedOn = ifMatch == null || ifMatch.isBlank() ? null : IfMatch.version(ifMatch);
        CustodyBankList next = whitelist.change(caller, basedOn, change.banks(), change.reason());
        return ResponseEntity.ok().eTag(IfMatch.etag(next.version())).body(WhitelistView.of(next));
    }

    /** Every version, oldest first; any regulator. */
    @GetMapping("/history")
    List<WhitelistView> history(Caller caller) {
        return whitelist.history(caller).stream().map(WhitelistView::of).toList();
    }

    /** The body of a change: the whole list and why. */
    record Change(List<String> banks, String reason) {
    }

    /** A version as the API shows it; {@code changedBy} is a username, null for the seed. */
    record WhitelistView(long version, List<String> banks, String changedBy, Instant changedAt, String reason) {

        static WhitelistView of(CustodyBankList list) {
            return new WhitelistView(list.version(), list.banks(),
                    list.changedBy() == null ? null : list.changedBy().username(), list.changedAt(), list.reason());
        }
    }
}
