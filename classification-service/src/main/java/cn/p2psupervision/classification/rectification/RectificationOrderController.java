package cn.p2psupervision.classification.rectification;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.p2psupervision.platform.input.IfMatch;
import cn.p2psupervision.platform.input.PageParameters;
import cn.p2psupervision.platform.security.Caller;

/**
 * Rectification orders (整改通知书, CLS-08): {@code /api/v1/classification/institutions/{id}/rectification-order} for
 * the order of an institution's current decision round, {@code /api/v1/classification/rectification-orders} for the
 * caller's list (central: which are overdue).
 */
@RestController
class RectificationOrderController {

    private static final String ONE = "/api/v1/classification/institutions/{institutionId}/rectification-order";

    private final RectificationOrderService orders;

    RectificationOrderController(RectificationOrderService orders) {
        this.orders = orders;
    }

    @PostMapping(ONE)
    ResponseEntity<RectificationOrderView> issue(@PathVariable String institutionId,
                                                 @RequestBody IssueRequest request, Caller caller) {
        RectificationOrderView order = orders.issue(caller, institutionId, request.issuedOn(), request.deadline(),
                request.items());
        return ResponseEntity.created(URI.create("/api/v1/classification/institutions/" + institutionId
                + "/rectification-order")).eTag(IfMatch.etag(order.version())).body(order);
    }

    @GetMapping(ONE)
    ResponseEntity<RectificationOrderView> get(@PathVariable String institutionId, Caller caller) {
        RectificationOrderView order = orders.read(caller, institutionId);
        return ResponseEntity.ok().eTag(IfMatch.etag(order.version())).body(order);
    }

    /** A stock report (整改存量报告), based on the version in {@code If-Match}. */
    @PostMapping(ONE + "/stock-reports")
    ResponseEntity<RectificationOrderView> report(@PathVariable String institutionId,
                                                  @RequestHeader(value = IfMatch.HEADER, required = false)
                                                  String ifMatch,
                                                  @RequestBody StockReportRequest request, Caller caller) {
        long basedOn = IfMatch.version(ifMatch);
        RectificationOrderView order = orders.report(caller, institutionId, basedOn, request.asOf(),
                request.items());
        return ResponseEntity.ok().eTag(IfMatch.etag(order.version())).body(order);
    }

    /** Item {@code number} is rectified, based on the version in {@code If-Match}; a second time is a 409. */
    @PostMapping(ONE + "/items/{number}/completion")
    ResponseEntity<RectificationOrderView> complete(@PathVariable String institutionId, @PathVariable int number,
                                                    @RequestHeader(value = IfMatch.HEADER, required = false)
                                                    String ifMatch,
                                                    @RequestBody CompletionRequest request, Caller caller) {
        long basedOn = IfMatch.version(ifMatch);
        RectificationOrderView order = orders.complete(caller, institutionId, number, basedOn,
                request.completedOn(), request.note());
        return ResponseEntity.ok().eTag(IfMatch.etag(order.version())).body(order);
    }

    /** AUTH-02/03: the orders the caller may read, newest first; {@code overdue} as of today. */
    @GetMapping("/api/v1/classification/rectification-orders")
    PageView list(Caller caller, @RequestParam(required = false) Boolean overdue,
                  @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        PageParameters paging = PageParameters.of(page, size, 200);
        RectificationOrderService.Page result = orders.list(caller, overdue, paging.page(), paging.size());
        long pages = (result.totalElements() + paging.size() - 1) / paging.size();
        return new PageView(result.content(), paging.page(), paging.size(), result.totalElements(), pages);
    }

    /** The order as the issuing officer states it; the domain checks it (CLS-08). */
    record IssueRequest(LocalDate issuedOn, LocalDate deadline, List<OrderedItem> items) {
    }

    record StockReportRequest(LocalDate asOf, List<StockFigure> items) {
    }

    record CompletionRequest(LocalDate completedOn, String note) {
    }

    record PageView(List<RectificationOrderView.Summary> content, int page, int size, long totalElements,
                    long totalPages) {
    }
}
