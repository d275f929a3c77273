package cn.p2psupervision.registry.institution;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.p2psupervision.platform.security.Caller;

/**
 * REG-08: statuses decided in other contexts — banning (classification), filing (acceptance), suspension, loss of
 * contact or absconding (incidents) — reach the file here, service to service. Under {@code /internal/**}: only the
 * {@code internal-service} role, and never routed by the gateway.
 */
@RestController
@RequestMapping("/internal/registry/institutions")
class StatusChangeController {

    private final InstitutionService institutions;

    StatusChangeController(InstitutionService institutions) {
        this.institutions = institutions;
    }

    /** Sets the status; idempotent (the same status again changes nothing and answers {@code changed: false}). */
    @PutMapping("/{idOrCode}/status")
    ResponseEntity<StatusView> change(@PathVariable String idOrCode, @Valid @RequestBody StatusChange change,
                                      Caller caller) {
        InstitutionService.StatusChanged result = institutions.changeStatus(caller, idOrCode, change);
        InstitutionFile file = result.file();
        return ResponseEntity.ok().eTag("\"" + file.version() + "\"").body(new StatusView(file.id(), file.creditCode(),
                file.registeredProvince(), file.facts().status(), file.version(), result.changed()));
    }

    record StatusView(String id, String creditCode, String registeredProvince, InstitutionStatus status, long version,
                      boolean changed) {
    }
}
