package cn.p2psupervision.incident.readaudit;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.p2psupervision.platform.input.InputPolicy;
import cn.p2psupervision.platform.input.PageParameters;
import cn.p2psupervision.platform.security.Caller;

/** AUTH-07: the central office reads who read which incident records ({@code /api/v1/incidents/read-audit}). */
@RestController
class ReadAuditController {

    private final IncidentReads reads;

    ReadAuditController(IncidentReads reads) {
        this.reads = reads;
    }

    /** Newest first; {@code from}/{@code to} are instants (ISO-8601, e.g. {@code 2018-03-01T00:00:00+08:00}). */
    @GetMapping("/api/v1/incidents/read-audit")
    IncidentReads.Page query(Caller caller, @RequestParam(required = false) String eventId,
                             @RequestParam(required = false) String institutionId,
                             @RequestParam(required = false) String username,
                             @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        PageParameters paging = PageParameters.of(page, size, 500);
        return reads.query(caller, eventId, institutionId, username, InputPolicy.instant("from", from),
                InputPolicy.instant("to", to), paging.page(), paging.size());
    }
}
