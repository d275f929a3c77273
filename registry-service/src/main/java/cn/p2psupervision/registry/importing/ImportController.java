package cn.p2psupervision.registry.importing;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.p2psupervision.platform.input.PageParameters;
import cn.p2psupervision.platform.security.Caller;

/**
 * {@code /api/v1/registry/imports}: the central base list and operating figures in bulk (REG-05). Upload a CSV
 * ({@code text/csv}) or a JSON array ({@code application/json}); the answer is 202 with the job's location.
 */
@RestController
@RequestMapping("/api/v1/registry/imports")
class ImportController {

    private final ImportService imports;

    ImportController(ImportService imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = {"text/csv", MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<ImportJob> start(Caller caller, HttpServletRequest request,
                                    @RequestParam(defaultValue = "INSTITUTIONS") ImportJob.Kind kind) throws IOException {
        MediaType type = MediaType.parseMediaType(request.getContentType());
        ImportJob.Format format = type.isCompatibleWith(MediaType.APPLICATION_JSON)
                ? ImportJob.Format.JSON : ImportJob.Format.CSV;
        ImportJob job = imports.start(caller, kind, format, request.getInputStream());
        return ResponseEntity.accepted().location(URI.create("/api/v1/registry/imports/" + job.id())).body(job);
    }

    /** Progress and counts; {@code state} DONE or FAILED at the end. */
    @GetMapping("/{id}")
    ImportJob job(@PathVariable String id, Caller caller) {
        return imports.job(caller, id);
    }

    /** The per-row report: created / updated / unchanged / conflict / rejected, with reasons. */
    @GetMapping("/{id}/rows")
    List<ImportRow> rows(@PathVariable String id, Caller caller,
                         @RequestParam(required = false) ImportJob.Outcome outcome,
                         @RequestParam(defaultValue = "0") int page,
                         @RequestParam(defaultValue = "100") int size) {
        return imports.rows(caller, id, outcome, PageParameters.of(page, size, 1000));
    }
}
